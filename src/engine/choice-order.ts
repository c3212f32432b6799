import { isQuizStep } from "../content/step-kinds";
import type { Lesson } from "../content/schema/lesson";
import type { Question } from "../content/schema/quiz";
import type { Answer } from "./grading";
import { shuffled, type Random } from "./random";

/**
 * Options are shown in a shuffled order but graded and stored by their place in the file:
 * `order[shown] = original`. The learner's answer is mapped back before grade() sees it, so
 * the YAML's `correct` marks (and the history) never depend on the shuffle.
 */
export type ChoiceOrder = readonly number[];

/** A random order for a choice question's options; empty for true/false and text (nothing to shuffle). */
export const shuffledChoiceOrder = (question: Question, random: Random): number[] =>
  question.type === "single" || question.type === "multi" ? shuffled(question.choices.map((_choice, index) => index), random) : [];

/** The question as the learner sees it: the same question with its options in `order`. */
export const presentQuestion = (question: Question, order: ChoiceOrder): Question => {
  if ((question.type !== "single" && question.type !== "multi") || order.length !== question.choices.length) return question;
  return { ...question, choices: order.map((original) => question.choices[original]).filter((choice) => choice !== undefined) };
};

/** An answer to the shown question, as an answer to the question in the file. */
export const toOriginalAnswer = (answer: Answer, order: ChoiceOrder): Answer =>
  answer.kind === "choices" && order.length > 0
    ? { kind: "choices", indexes: answer.indexes.map((shown) => order[shown] ?? shown).sort((a, b) => a - b) }
    : answer;

/** The other way round: a stored answer, as it was picked on screen (to mark the choices picked). */
export const toShownAnswer = (answer: Answer, order: ChoiceOrder): Answer =>
  answer.kind === "choices" && order.length > 0
    ? { kind: "choices", indexes: answer.indexes.map((original) => order.indexOf(original)).filter((shown) => shown >= 0).sort((a, b) => a - b) }
    : answer;

/**
 * Each step's option order in a lesson, drawn once when the lesson opens: `orders[step]`, empty
 * for steps that ask no choice question. Shuffled as in the quizzes, so the place of the right
 * option in the file never gives it away.
 */
export const lessonChoiceOrders = (lesson: Lesson, questions: ReadonlyMap<string, Question>, random: Random): ChoiceOrder[] =>
  lesson.steps.map((step) => {
    const question = isQuizStep(step) ? questions.get(step.quiz) : undefined;
    return question ? shuffledChoiceOrder(question, random) : [];
  });

/** The name a lesson's shuffle is drawn under (see RandomSource). */
export const lessonPurpose = (lessonId: string): string => `lesson ${lessonId}`;
