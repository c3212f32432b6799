import type { Question } from "./schema/quiz";
import { problemAt, type Located } from "./located";
import type { Problem } from "./problem";

/**
 * A question's id belongs to its file's topic, and a choice question can be answered right.
 * `questions` may have holes (questions with schema mistakes, reported already), and `topic`
 * may be unknown (a file whose topic is itself a mistake).
 */
export const checkQuestions = (where: Located, topic: string | undefined, questions: readonly (Question | undefined)[]): Problem[] =>
  questions.flatMap((question, index) => {
    if (!question) return [];
    const path = ["questions", index];
    const problems: Problem[] = [];
    if (topic !== undefined && !question.id.startsWith(`${topic}.`)) {
      const message = `question id "${question.id}" must start with "${topic}.", the topic of this file`;
      problems.push(problemAt(where, [...path, "id"], message));
    }
    if (question.type !== "single" && question.type !== "multi") return problems;
    const correct = question.choices.flatMap((choice, choiceIndex) => (choice.correct ? [choiceIndex] : []));
    if (correct.length === 0) problems.push(problemAt(where, [...path, "choices"], 'no choice is marked "correct: true"', "key"));
    if (question.type === "single") {
      for (const extra of correct.slice(1)) {
        const message = 'a "single" question has one correct choice; use "type: multi" for more';
        problems.push(problemAt(where, [...path, "choices", extra, "correct"], message, "key"));
      }
    }
    return problems;
  });
