import type { Lesson, Step } from "./schema/lesson";

/**
 * Where an interview point is taught: `<lesson id>#<step>` resolved against the lessons, so a
 * report can say "Regions and buckets, step 3: Read from the wrong Region" and the app can open
 * the lesson there. Pure: validate, the engine's report and the screens share it. Types only from
 * the schema, so the screens that use it do not load zod.
 */

const isHandsOn = (step: Step): step is Extract<Step, { handsOn: unknown }> => "handsOn" in step;

export interface TaughtStep {
  lessonId: string;
  lessonTitle: string;
  /** 1-based among all the lesson's steps, as the lesson player counts them. */
  stepNumber: number;
  stepTitle: string;
}

export const parseTaught = (taught: string): { lessonId: string; step: string } => {
  const at = taught.indexOf("#");
  return { lessonId: taught.slice(0, at), step: taught.slice(at + 1) };
};

/** A step's name for a reader: a hands-on step's title, a read step's first heading or line, a question's id. */
export const stepTitleOf = (step: Step): string => {
  if (isHandsOn(step)) return step.handsOn.title;
  if ("quiz" in step) return `Question ${step.quiz}`;
  const lines = step.read.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
  const heading = lines.find((line) => line.startsWith("#"));
  const first = (heading ?? lines[0] ?? "").replace(/^#+\s*/, "");
  return first.length > 72 ? `${first.slice(0, 71)}…` : first;
};

/** The 0-based index among all steps that `step` names: a number (1-based) or a hands-on step's id (also `lesson --step`). */
export const stepIndexIn = (lesson: Pick<Lesson, "steps">, step: string): number | undefined => {
  if (/^[0-9]+$/.test(step)) {
    const index = Number(step) - 1;
    return index >= 0 && index < lesson.steps.length ? index : undefined;
  }
  const index = lesson.steps.findIndex((candidate) => isHandsOn(candidate) && candidate.handsOn.id === step);
  return index >= 0 ? index : undefined;
};

export const resolveTaught = (taught: string, lessons: readonly Pick<Lesson, "id" | "title" | "steps">[]): TaughtStep | undefined => {
  const { lessonId, step } = parseTaught(taught);
  const lesson = lessons.find((candidate) => candidate.id === lessonId);
  if (!lesson) return undefined;
  const index = stepIndexIn(lesson, step);
  if (index === undefined) return undefined;
  return { lessonId, lessonTitle: lesson.title, stepNumber: index + 1, stepTitle: stepTitleOf(lesson.steps[index] as Step) };
};
