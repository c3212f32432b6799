import type { Question } from "../content/schema/quiz";
import type { Answer, Grade } from "../engine/grading";
import type { QuizMode } from "../engine/quiz-modes";
import { formatDuration, type QuizResults } from "../engine/quiz-results";
import type { Tally } from "../engine/tally";

/** The words `quiz --plain` prints: one thought per line, no colour, no layout a screen reader has to untangle. */

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const MODE_LINES: Record<QuizMode, (count: number, timeLimitMs?: number) => string> = {
  practice: (count) => `${plural(count, "question")}, practice mode: you see the answer after each one.`,
  exam: (count, limit) =>
    `${plural(count, "question")}, exam mode: ${formatDuration(limit ?? 0)} to answer them and no feedback until the end. The pass mark is 70%.`,
  review: (count) => `${plural(count, "question")}, spaced review: the ones due today first, then new ones; the answer after each one.`,
  mistakes: (count) => `${plural(count, "question")} you got wrong last time; the answer after each one.`,
};

export const headerLines = (titles: readonly string[], mode: QuizMode, count: number, timeLimitMs?: number): string[] => [
  `Quiz: ${titles.join("; ")}`,
  MODE_LINES[mode](count, timeLimitMs),
];

const keys = (mode: QuizMode) =>
  `${mode === "exam" ? "an empty line or s leaves it unanswered" : "an empty line or s skips"}, flag flags it for review, guess marks a guess, q stops`;

const howToAnswer = (question: Question, mode: QuizMode): string => {
  switch (question.type) {
    case "single":
      return `Answer with the number of one choice (${keys(mode)}):`;
    case "multi":
      return `Answer with numbers separated by spaces or commas; several may be right (${keys(mode)}):`;
    case "truefalse":
      return `Answer 1 or 2 (${keys(mode)}):`;
    case "text":
      return `Type your answer (${keys(mode)}):`;
  }
};

const choiceLines = (question: Question): string[] => {
  switch (question.type) {
    case "single":
    case "multi":
      return question.choices.map((choice, index) => `${index + 1}. ${choice.text}`);
    case "truefalse":
      return ["1. True", "2. False"];
    case "text":
      return [];
  }
};

export interface QuestionContext {
  number: number;
  total: number;
  mode: QuizMode;
  flagged: boolean;
  timeLeftMs?: number;
}

/** `question` as shown: its options already in the shuffled order. */
export const questionLines = (question: Question, context: QuestionContext): string[] => [
  `Question ${context.number} of ${context.total} (${question.id})${context.flagged ? ", flagged" : ""}${
    context.timeLeftMs !== undefined ? `, ${formatDuration(context.timeLeftMs)} left` : ""
  }`,
  question.prompt.trim(),
  ...choiceLines(question),
  howToAnswer(question, context.mode),
];

/** What the author wrote about each choice the learner picked (`why`), so a wrong pick is explained too. */
const whyLines = (question: Question, answer: Answer): string[] => {
  if ((question.type !== "single" && question.type !== "multi") || answer.kind !== "choices") return [];
  return answer.indexes.flatMap((index) => {
    const why = question.choices[index]?.why;
    return why ? [`About ${index + 1}: ${why.trim()}`] : [];
  });
};

const rightAnswerShown = (question: Question, grade: Grade): string =>
  question.type === "truefalse" ? (question.answer ? "True" : "False") : grade.rightAnswer;

/** `question` and `answer` as shown, so "About 2" names the choice the learner saw as 2. */
export const feedbackLines = (question: Question, answer: Answer, grade: Grade): string[] => [
  grade.correct ? "Correct." : `Not quite. The answer: ${rightAnswerShown(question, grade)}`,
  ...whyLines(question, answer),
  grade.explain.trim(),
  `Source: ${grade.source}`,
];

const tallyLine = (row: Tally) => `  ${row.name}: ${row.correct} of ${row.total} (${row.percent}%)`;

const scoreLine = (results: QuizResults): string => {
  const score = `Score: ${results.correct} of ${results.total} (${results.percent}%)`;
  if (results.passed === undefined) return score;
  return `${score}: ${results.passed ? "pass" : "fail"} (the pass mark is ${results.passMark}%)`;
};

/** The end of a session: score, pass or fail, time, breakdowns and (for an exam) every question missed, explained. */
export const resultsLines = (results: QuizResults): string[] => {
  const exam = results.mode === "exam";
  const lines = [
    ...(results.endedBy === "time-up" ? ["Time is up."] : []),
    scoreLine(results),
    ...(results.unanswered > 0 ? [`Not answered: ${plural(results.unanswered, "question")}.`] : []),
    `Time taken: ${formatDuration(results.durationMs)}${results.timeLimitMs !== undefined ? ` of ${formatDuration(results.timeLimitMs)}` : ""}.`,
  ];
  if (results.byTopic.length > 1 || exam) lines.push("By topic:", ...results.byTopic.map(tallyLine));
  if (exam && results.byTag.length > 0) lines.push("By tag:", ...results.byTag.map(tallyLine));
  if (exam && results.missed.length > 0) {
    lines.push("", `Missed (${results.missed.length}):`);
    results.missed.forEach((missed, index) => {
      lines.push(
        `${index + 1}. ${missed.prompt} (${missed.questionId})`,
        missed.given !== undefined ? `   Your answer: ${missed.given}. The answer: ${missed.rightAnswer}` : `   Not answered. The answer: ${missed.rightAnswer}`,
        `   ${missed.explain}`,
        `   Source: ${missed.source}`,
      );
    });
  }
  return lines;
};

export const markRightPromptLine = "Type r if you were right in other words (it counts as right, flagged for review); enter goes on:";
export const markedRightLine = "Counted as right, and flagged for review.";

export const retryPromptLine = (missed: number): string =>
  `Type r and enter to retry the ${plural(missed, "question")} you missed, with the answer after each; anything else finishes:`;

/** After q or the end of input: how far the learner got, and the score over the questions answered. */
export const stoppedLines = (results: QuizResults, why: "quit" | "input-ended"): string[] => {
  const answered = results.questions.filter((question) => question.answered).length;
  const stopped = why === "quit" ? "Stopped" : "Input ended";
  const score =
    results.mode === "exam"
      ? "The exam was not handed in, so it is not scored."
      : answered === 0
        ? "Score so far: nothing answered yet."
        : `Score so far: ${results.correct} of ${answered} (${Math.round((results.correct / answered) * 100)}%)`;
  return [`${stopped} after ${answered} of ${plural(results.total, "question")} answered.`, score];
};
