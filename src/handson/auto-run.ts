import { isHandsOnStep } from "../content/step-kinds";
import type { Capability, HandsOn, Lesson } from "../content/schema/lesson";
import {
  isLessonComplete,
  lessonReducer,
  lessonScore,
  startLesson,
  stepKind,
  type LessonScore,
  type LessonState,
} from "../engine/lesson-session";
import type { Target } from "../targets/target";
import { capabilityWords, missingCapabilities, TARGET_WORDS } from "./needs";
import { stepFor } from "./step-variant";
import type { PhaseResult, PollProgress } from "./results";
import { runCleanup, runStepPhases } from "./runner";
import { renderString, type Variables } from "./template";
import { targetVariables } from "./variables";

/**
 * `run --auto`: every hands-on step of a lesson solved and checked, as if the learner pressed
 * "do it for me" then "check", driven through the same lesson session the app uses.
 * Afterwards each step's cleanup runs, last step first.
 */

export type StepOutcome = "passed" | "failed" | "notApplicable";

export interface StepRun {
  /** The step's position in the lesson, from 0. */
  index: number;
  title: string;
  outcome: StepOutcome;
  /** Why it failed, or why it does not apply here, in words. */
  reason?: string;
  missing?: Capability[];
  phases: PhaseResult[];
  durationMs: number;
}

export interface LessonRun {
  lessonId: string;
  title: string;
  steps: StepRun[];
  cleanup: PhaseResult[];
  /** No step failed and cleanup removed everything. */
  passed: boolean;
  complete: boolean;
  score: LessonScore;
  durationMs: number;
}

export interface AutoRunCallbacks {
  onStepStart?: (lesson: Lesson, index: number, title: string) => void;
  onStepDone?: (lesson: Lesson, run: StepRun) => void;
  onProgress?: (progress: PollProgress) => void;
}

/** Why a step cannot run here, and what real AWS would show (with the lesson's variables filled in). */
export const notApplicableReason = (step: HandsOn, missing: Capability[], target: Target, variables: Variables): string => {
  const needs = capabilityWords(missing);
  const otherwise = step.otherwise ? ` ${String(renderString(step.otherwise.trim(), variables, "otherwise", "keep"))}` : "";
  return `needs ${needs}, which ${TARGET_WORDS[target.name]} cannot provide here.${otherwise}`;
};

/** The first failing expectation of a step, told with its phase and action. */
export const firstFailure = (phases: readonly PhaseResult[]): string => {
  for (const phase of phases) {
    for (const action of phase.actions) {
      if (action.pass || action.notRun) continue;
      const failing = action.items.find((item) => !item.pass);
      const what = action.action.label ?? `${action.service}:${action.operation}`;
      return `${phase.phase} · ${what}: ${failing?.reason ?? "failed"}`;
    }
  }
  return "failed";
};

export const autoRunLesson = async (
  lesson: Lesson,
  target: Target,
  callbacks: AutoRunCallbacks = {},
  variables?: Variables,
): Promise<LessonRun> => {
  const started = performance.now();
  const context = {
    target,
    variables: variables ?? (await targetVariables(target)),
    ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
  };
  let state: LessonState = startLesson(lesson);
  const steps: StepRun[] = [];
  const ran: HandsOn[] = [];

  for (const [index, step] of lesson.steps.entries()) {
    state = lessonReducer(lesson, state, { type: "goto", index });
    if (!isHandsOnStep(step)) {
      // Reading is done by passing it; questions are for people, so run --auto passes over them.
      state = lessonReducer(lesson, state, { type: stepKind(step) === "read" ? "next" : "skip" });
      continue;
    }
    const handsOn = stepFor(step.handsOn, target);
    callbacks.onStepStart?.(lesson, index, handsOn.title);
    const stepStarted = performance.now();
    const missing = missingCapabilities(handsOn, target);
    let run: StepRun;
    if (missing.length > 0) {
      state = lessonReducer(lesson, state, { type: "skip" });
      run = {
        index,
        title: handsOn.title,
        outcome: "notApplicable",
        reason: notApplicableReason(handsOn, missing, target, context.variables),
        missing,
        phases: [],
        durationMs: 0,
      };
    } else {
      ran.push(handsOn);
      state = lessonReducer(lesson, state, { type: "solve" });
      // "Do it for me" then check: the check's questions are answered with what the target says.
      const phases = await runStepPhases(handsOn, { ...context, answers: "reveal" });
      const passed = phases.every((phase) => phase.pass);
      state = lessonReducer(lesson, state, { type: "checked", passed });
      run = {
        index,
        title: handsOn.title,
        outcome: passed ? "passed" : "failed",
        ...(passed ? {} : { reason: firstFailure(phases) }),
        phases,
        durationMs: performance.now() - stepStarted,
      };
      if (!passed) state = lessonReducer(lesson, state, { type: "skip" });
    }
    steps.push(run);
    callbacks.onStepDone?.(lesson, run);
  }

  const cleanup: PhaseResult[] = [];
  for (const handsOn of [...ran].reverse()) {
    if (handsOn.cleanup?.length) cleanup.push(await runCleanup(handsOn, context));
  }
  return {
    lessonId: lesson.id,
    title: lesson.title,
    steps,
    cleanup,
    passed: steps.every((step) => step.outcome !== "failed") && cleanup.every((phase) => phase.pass),
    complete: isLessonComplete(state),
    score: lessonScore(lesson, state),
    durationMs: performance.now() - started,
  };
};
