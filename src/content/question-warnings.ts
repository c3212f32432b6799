import type { LoadedQuiz } from "./content-file";
import { problemAt } from "./located";
import type { Problem } from "./problem";
import type { Question } from "./schema/quiz";

/**
 * Questions a learner can answer without knowing S3: the right option is the one that is much
 * longer than the others, or a bank's true/false answers are nearly all the same. Nothing is
 * wrong with the file, so these are warnings: `validate` prints them, and the app, which only
 * needs content it can load, never computes them.
 */

/** The right option gives itself away when it is this many times as long as the longest wrong one... */
export const LONGEST_RATIO = 1.25;
/** ...and at least this many characters longer (short options differ by a few letters without it showing). */
export const LONGEST_MARGIN = 10;
/** A bank with fewer true/false questions than this is too small to lean one way. */
export const TRUE_FALSE_MINIMUM = 4;
/** More than this share of one answer is a lean a learner can bet on. */
export const TRUE_FALSE_LEAN = 0.7;

/** Characters as a reader counts them: code points, not UTF-16 units. */
const characters = (text: string): number => [...text].length;

type SingleQuestion = Extract<Question, { type: "single" }>;

/** A single-choice question whose right option is the longest by a clear margin, at that option's text. */
const longestByFar = (where: LoadedQuiz, question: SingleQuestion, index: number): Problem[] => {
  const right = question.choices.findIndex((choice) => choice.correct === true);
  const rightChoice = question.choices[right];
  const wrong = question.choices.filter((choice) => choice.correct !== true);
  // No right option, or more than one: validate reports those as problems already.
  if (!rightChoice || wrong.length === 0 || question.choices.filter((choice) => choice.correct === true).length > 1) return [];
  const rightLength = characters(rightChoice.text);
  const longestWrong = Math.max(...wrong.map((choice) => characters(choice.text)));
  if (rightLength < longestWrong * LONGEST_RATIO || rightLength < longestWrong + LONGEST_MARGIN) return [];
  const message =
    `question "${question.id}": the correct option is the longest by far (${rightLength} vs ${longestWrong} characters); ` +
    "learners guess it from its length";
  return [problemAt(where, ["questions", index, "choices", right, "text"], message)];
};

/** A bank whose true/false answers lean one way, at its `questions` key. */
const oneSided = (where: LoadedQuiz): Problem[] => {
  const answers = where.quiz.questions.flatMap((question) => (question.type === "truefalse" ? [question.answer] : []));
  if (answers.length < TRUE_FALSE_MINIMUM) return [];
  const trues = answers.filter((answer) => answer).length;
  const [count, value] = trues >= answers.length - trues ? [trues, "true"] : [answers.length - trues, "false"];
  if (count / answers.length <= TRUE_FALSE_LEAN) return [];
  const message = `${count} of ${answers.length} true/false answers are ${value}; make the answers less one-sided`;
  return [problemAt(where, ["questions"], message, "key")];
};

/** Every warning in these quiz files, in file order. */
export const questionWarnings = (quizzes: readonly LoadedQuiz[]): Problem[] =>
  quizzes.flatMap((where) => [
    ...oneSided(where),
    ...where.quiz.questions.flatMap((question, index) => (question.type === "single" ? longestByFar(where, question, index) : [])),
  ]);
