import type { HandsOnStep, QuizStep, ReadStep, Step } from "./schema/lesson";

/**
 * Which kind a lesson step is. Apart from the schema (schema/lesson.ts) on purpose: the screens
 * and the engine ask this of content already checked, and must not load zod to do it.
 */
export const isReadStep = (step: Step): step is ReadStep => "read" in step;
export const isQuizStep = (step: Step): step is QuizStep => "quiz" in step;
export const isHandsOnStep = (step: Step): step is HandsOnStep => "handsOn" in step;
