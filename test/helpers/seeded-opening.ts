import { loadCatalog } from "../../src/content/catalog";
import type { Question } from "../../src/content/schema/quiz";
import { lessonChoiceOrders, lessonPurpose, presentQuestion } from "../../src/engine/choice-order";
import { planQuiz, quizPurpose, type QuizRequest } from "../../src/engine/quiz-plan";
import { seededSource } from "../../src/engine/random";

/**
 * What `--seed` should show, worked out by the engine on the shipped content: the questions a
 * quiz request asks and the first one's options in their order; a lesson step's options. Tests
 * compare the screens (the app, --plain, the built binary) with it.
 */

const catalog = await loadCatalog();
export const shippedQuestions: ReadonlyMap<string, Question> = new Map(
  catalog.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question] as const)),
);

export const shippedQuestion = (id: string): Question => {
  const found = shippedQuestions.get(id);
  if (!found) throw new Error(`no shipped question ${id}`);
  return found;
};

export interface Opening {
  /** Every question the plan asks, in order. */
  ids: string[];
  /** The first question's options as shown (empty for true/false and text). */
  options: string[];
}

const optionTexts = (question: Question): string[] => (question.type === "single" || question.type === "multi" ? question.choices.map((choice) => choice.text) : []);

/** A seeded quiz's opening, for someone with no history (a fresh state folder). */
export const seededOpening = (request: QuizRequest, seed: number): Opening => {
  const now = new Date();
  const plan = planQuiz(request, {
    questions: [...shippedQuestions.values()],
    history: { version: 1, answers: [], sessions: [] },
    cards: { version: 1, cards: {}, flagged: [] },
    now,
    random: seededSource(seed)(quizPurpose(request)),
  });
  if (!("state" in plan)) throw new Error(plan.reason);
  const first = plan.state.items[0];
  if (!first) throw new Error("an empty plan");
  return { ids: plan.state.items.map((item) => item.questionId), options: optionTexts(presentQuestion(shippedQuestion(first.questionId), first.choiceOrder)) };
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

/** The first seed after `seed` whose opening differs from `seed`'s (in its questions or the first one's option order). */
export const anotherOpening = (request: QuizRequest, seed: number): { seed: number; opening: Opening } => {
  const first = JSON.stringify(seededOpening(request, seed));
  for (let other = seed + 1; other < seed + 100; other++) {
    const opening = seededOpening(request, other);
    if (JSON.stringify(opening) !== first) return { seed: other, opening };
  }
  throw new Error("no seed gives another opening");
};
