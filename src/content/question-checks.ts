import type { LoadedQuiz } from "./content-file";
import { problemAt } from "./located";
import type { Problem } from "./problem";

/** A question's id belongs to its file's topic, and a choice question can be answered right. */
export const checkQuestions = (loaded: LoadedQuiz): Problem[] =>
  loaded.quiz.questions.flatMap((question, index) => {
    const path = ["questions", index];
    const problems: Problem[] = [];
    if (!question.id.startsWith(`${loaded.quiz.topic}.`)) {
      const message = `question id "${question.id}" must start with "${loaded.quiz.topic}.", the topic of this file`;
      problems.push(problemAt(loaded, [...path, "id"], message));
    }
    if (question.type !== "single" && question.type !== "multi") return problems;
    const correct = question.choices.flatMap((choice, choiceIndex) => (choice.correct ? [choiceIndex] : []));
    if (correct.length === 0) problems.push(problemAt(loaded, [...path, "choices"], 'no choice is marked "correct: true"', "key"));
    if (question.type === "single") {
      for (const extra of correct.slice(1)) {
        const message = 'a "single" question has one correct choice; use "type: multi" for more';
        problems.push(problemAt(loaded, [...path, "choices", extra, "correct"], message, "key"));
      }
    }
    return problems;
  });
