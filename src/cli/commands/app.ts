import { stepIndexIn, stepTitleOf } from "../../content/interview-taught";
import { formatProblem } from "../../content/problem";
import type { Lesson } from "../../content/schema/lesson";
import { loadAppContent } from "../app-content";
import { UserError } from "../errors";
import type { View } from "../../ui/app-context";
import { targetOptionsFrom, type TargetFlags } from "../target-flags";

export const NO_TERMINAL_MESSAGE = [
  "s3-tutor's screens need an interactive terminal, and this is not one (a pipe, a script or CI).",
  "Without one, use:",
  "  s3-tutor run <lesson|all> --auto   run the lessons' hands-on steps headless, a line per step",
  "  s3-tutor quiz --plain              answer the quiz line by line on stdin and stdout",
  "  s3-tutor interview --plain         a mock interview line by line",
  "  s3-tutor validate                  check the lessons and quizzes",
  "",
].join("\n");

/** The app's flags: where hands-on steps run, and `--seed` to shuffle the same way every time. */
export interface AppFlags extends TargetFlags {
  seed?: number;
}

/**
 * `s3-tutor`, `s3-tutor lesson <id> [--step <n>]` and `s3-tutor quiz` in a terminal: the screens.
 * Exits 2 without a terminal.
 */
export const runAppCommand = async (flags: AppFlags, lessonId?: string, initialView?: View, step?: string): Promise<number> => {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL_MESSAGE);
    return 2;
  }
  // Raw mode from the start: keys typed while the app loads wait for it, instead of being echoed
  // by the terminal and turned into a newline Ink would not read as Enter.
  process.stdin.setRawMode(true);
  try {
    return await openApp(flags, lessonId, initialView, step);
  } finally {
    process.stdin.setRawMode(false);
  }
};

/** `--step`: the step's index, named as an interview point's `taught` names it (a number among all steps, or a hands-on id). */
const stepIndex = (lesson: Lesson, step: string): number => {
  const found = stepIndexIn(lesson, step);
  if (found !== undefined) return found;
  const steps = lesson.steps.map((each, index) => `  ${index + 1}  ${stepTitleOf(each)}`).join("\n");
  throw new UserError(`lesson "${lesson.id}" has no step "${step}". Its steps:\n${steps}`, 2);
};

const openApp = async (flags: AppFlags, lessonId?: string, initialView?: View, step?: string): Promise<number> => {
  // The screens' code (Ink, React, yoga) loads while the lessons are read from disk.
  const screens = import("../../ui/start-app");
  screens.catch(() => undefined);
  const loaded = await loadAppContent();
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new UserError(`the lessons have ${loaded.problems.length} problems (above); run s3-tutor validate for details.`);
  }
  const { content } = loaded;
  const lesson = lessonId ? content.lessons.find((candidate) => candidate.id === lessonId) : undefined;
  if (lessonId && !lesson) {
    const known = content.lessons.map((candidate) => candidate.id).join(", ");
    throw new UserError(`there is no lesson "${lessonId}". Lessons: ${known}.`);
  }
  const startAt = lesson && step !== undefined ? stepIndex(lesson, step) : undefined;
  const { startApp } = await screens;
  return startApp({
    content,
    // The learner's own sandbox: kept between runs, on a port their shell can use too (s3-tutor env).
    target: { ...targetOptionsFrom(flags), sandbox: "learner" },
    ...(lessonId ? { initialView: { screen: "lesson", lessonId, ...(startAt !== undefined ? { step: startAt } : {}) } } : initialView ? { initialView } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  });
};
