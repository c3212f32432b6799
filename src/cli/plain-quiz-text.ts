import type { Question, Quiz } from "../content/schema/quiz";
import type { Answer, Grade } from "../engine/grading";
import { quizScore, type QuizState } from "../engine/quiz-session";

/** The words `quiz --plain` prints: one thought per line, no colour, no layout a screen reader has to untangle. */

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const KEYS = "an empty line or s skips, q stops";

export const headerLines = (quizzes: readonly Quiz[], questionCount: number): string[] => [
  `Quiz: ${quizzes.map((quiz) => quiz.title).join("; ")}`,
  `${plural(questionCount, "question")}, practice mode: you see the answer after each one.`,
];

const howToAnswer = (question: Question): string => {
  switch (question.type) {
    case "single":
      return `Answer with the number of one choice (${KEYS}):`;
    case "multi":
      return `Answer with numbers separated by spaces or commas; several may be right (${KEYS}):`;
    case "truefalse":
      return `Answer 1 or 2 (${KEYS}):`;
    case "text":
      return `Type your answer (${KEYS}):`;
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

export const questionLines = (question: Question, number: number, total: number): string[] => [
  `Question ${number} of ${total} (${question.id})`,
  question.prompt.trim(),
  ...choiceLines(question),
  howToAnswer(question),
];

/** What the author wrote about each choice the learner picked (`why`), so a wrong pick is explained too. */
const whyLines = (question: Question, answer: Answer): string[] => {
  if ((question.type !== "single" && question.type !== "multi") || answer.kind !== "choices") return [];
  return answer.indexes.flatMap((index) => {
    const why = question.choices[index]?.why;
    return why ? [`About ${index + 1}: ${why.trim()}`] : [];
  });
};

const shownAnswer = (question: Question, grade: Grade): string =>
  question.type === "truefalse" ? (question.answer ? "True" : "False") : grade.rightAnswer;

export const feedbackLines = (question: Question, answer: Answer, grade: Grade): string[] => [
  grade.correct ? "Correct." : `Not quite. The answer: ${shownAnswer(question, grade)}`,
  ...whyLines(question, answer),
  grade.explain.trim(),
  `Source: ${grade.source}`,
];

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Questions the learner got to: answered or skipped. */
const reachedCount = (state: QuizState) => Object.keys(state.answers).length + state.skipped.length;

export const finalScoreLines = (state: QuizState): string[] => {
  const score = quizScore(state);
  const skipped = state.skipped.length;
  return [`Score: ${score.correct} of ${score.total} (${score.percent}%)`, ...(skipped > 0 ? [`Skipped: ${plural(skipped, "question")}.`] : [])];
};

/** After q or the end of input: the score over the questions reached, and how many were left. */
export const partialScoreLines = (state: QuizState, why: "quit" | "input-ended"): string[] => {
  const { correct, total } = quizScore(state);
  const reached = reachedCount(state);
  const stopped = why === "quit" ? "Stopped" : "Input ended";
  return [
    `${stopped} after ${reached} of ${plural(total, "question")}.`,
    reached === 0 ? "Score so far: nothing answered yet." : `Score so far: ${correct} of ${reached} (${percent(correct, reached)}%)`,
  ];
};
