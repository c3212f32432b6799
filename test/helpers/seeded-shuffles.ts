import { shippedCatalog } from "./shipped-content";
import type { Question } from "../../src/content/schema/quiz";
import { lessonChoiceOrders, lessonPurpose, presentQuestion } from "../../src/engine/choice-order";
import { planQuiz, quizPurpose, type QuizRequest } from "../../src/engine/quiz-plan";
import { seededSource } from "../../src/engine/random";

/**
 * What `--seed` should show, worked out by the engine on the shipped content: the questions a
 * quiz request asks and the first one's options in their order; a lesson step's options. Tests
 * compare the screens (the app, --plain, the built binary) with it.
 */

const catalog = await shippedCatalog();
export const shippedQuestions: ReadonlyMap<string, Question> = new Map(
  catalog.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question] as const)),
);

export const shippedQuestion = (id: string): Question => {
  const found = shippedQuestions.get(id);
  if (!found) throw new Error(`no shipped question ${id}`);
  return found;
};

/** How many steps a shipped lesson has, as its progress line counts them. */
export const shippedStepCount = (lessonId: string): number => {
  const lesson = catalog.lessons.find((candidate) => candidate.lesson.id === lessonId);
  if (!lesson) throw new Error(`no shipped lesson ${lessonId}`);
  return lesson.lesson.steps.length;
};

/** A question as asked: its id and its options in the order shown (none for true/false and text). */
export interface Asked {
  id: string;
  options: string[];
}

const optionTexts = (question: Question): string[] => (question.type === "single" || question.type === "multi" ? question.choices.map((choice) => choice.text) : []);

/** Every question a seeded quiz asks, in order, with its options as shown: for someone with no history (a fresh state folder). */
export const seededQuiz = (request: QuizRequest, seed: number): Asked[] => {
  const plan = planQuiz(request, {
    questions: [...shippedQuestions.values()],
    history: { version: 1, answers: [], sessions: [] },
    cards: { version: 1, cards: {}, flagged: [] },
    now: new Date(),
    random: seededSource(seed)(quizPurpose(request)),
  });
  if (!("state" in plan)) throw new Error(plan.reason);
  return plan.state.items.map((item) => ({ id: item.questionId, options: optionTexts(presentQuestion(shippedQuestion(item.questionId), item.choiceOrder)) }));
};

/** The first seed after `seed` that asks other questions, or the same in another order, or shows their options in another order. */
export const anotherSeed = (request: QuizRequest, seed: number): number => {
  const first = JSON.stringify(seededQuiz(request, seed));
  for (let other = seed + 1; other < seed + 100; other++) if (JSON.stringify(seededQuiz(request, other)) !== first) return other;
  throw new Error("no seed gives another quiz");
};

/** A lesson's first step that asks a choice question: its index (0-based) and the question. */
export const firstChoiceStep = (lessonId: string): { index: number; question: Question } => {
  const lesson = catalog.lessons.find((loaded) => loaded.lesson.id === lessonId)?.lesson;
  const index = lesson?.steps.findIndex((step) => "quiz" in step && ["single", "multi"].includes(shippedQuestion(step.quiz).type)) ?? -1;
  const step = lesson?.steps[index];
  if (!step || !("quiz" in step)) throw new Error(`${lessonId} asks no choice question`);
  return { index, question: shippedQuestion(step.quiz) };
};

/** The options of a lesson's step `stepIndex` (0-based) as a seeded app shows them. */
export const seededLessonOptions = (lessonId: string, stepIndex: number, seed: number): string[] => {
  const lesson = catalog.lessons.find((loaded) => loaded.lesson.id === lessonId)?.lesson;
  if (!lesson) throw new Error(`no shipped lesson ${lessonId}`);
  const step = lesson.steps[stepIndex];
  const question = step && "quiz" in step ? shippedQuestion(step.quiz) : undefined;
  if (!question) throw new Error(`step ${stepIndex + 1} of ${lessonId} asks no question`);
  const order = lessonChoiceOrders(lesson, shippedQuestions, seededSource(seed)(lessonPurpose(lessonId)))[stepIndex] ?? [];
  return optionTexts(presentQuestion(question, order));
};
