import type { Lesson, Step } from "../../content/schema/lesson";

/** Where a rubric point is taught, resolved for the report: the lesson and the step, each with its title. */
export interface TaughtStep {
  lessonId: string;
  lessonTitle: string;
  /** 1-based among all the lesson's steps (read, quiz and hands-on alike), as `lesson --step` takes it. */
  step: number;
  stepTitle: string;
}

/** A read step's first Markdown heading, else its first line; a hands-on step's title; a quiz step's question. */
export const stepTitle = (step: Step): string => {
  if ("handsOn" in step) return step.handsOn.title;
  if ("quiz" in step) return `Quiz question ${step.quiz}`;
  const lines = step.read.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
  const heading = lines.find((line) => /^#{1,6}\s/.test(line));
  return (heading ?? lines[0] ?? "").replace(/^#{1,6}\s+/, "").replace(/\s+#+$/, "");
};

/** `<lesson id>#<step>` (the step's number, or a hands-on step's id) resolved; undefined when the lesson or step is not there. */
export const resolveTaught = (lessons: readonly Lesson[], taught: string): TaughtStep | undefined => {
  const [lessonId = "", which = ""] = taught.split("#");
  const lesson = lessons.find((candidate) => candidate.id === lessonId);
  if (!lesson) return undefined;
  const index = /^\d+$/.test(which) ? Number(which) - 1 : lesson.steps.findIndex((step) => "handsOn" in step && step.handsOn.id === which);
  const step = lesson.steps[index];
  return step ? { lessonId, lessonTitle: lesson.title, step: index + 1, stepTitle: stepTitle(step) } : undefined;
};
