import { isHandsOnStep, isQuizStep } from "../content/step-kinds";
import type { Lesson, Step } from "../content/schema/lesson";

/**
 * A lesson as a plain state machine: where the learner is, and what they did at each step.
 * Events go in, a new state comes out (a reducer, so the UI can hold it in useReducer and
 * progress can store it as JSON). Nothing here runs AWS calls: the caller runs the hands-on
 * actions and reports whether the check passed.
 */

export type StepKind = "read" | "quiz" | "handsOn";

export interface StepProgress {
  /** done: read, answered or checked; skipped: passed over with "skip". */
  status: "pending" | "done" | "skipped";
  hintShown: boolean;
  /** The learner pressed "do it for me". */
  solvedForMe: boolean;
  /** Checks run; a check that passed makes the step done. */
  checks: number;
  /** Quiz steps: whether the first answer was right. */
  firstAnswerCorrect?: boolean;
  /** Quiz steps: a typed answer graded wrong that the learner said was right ("I was right"). */
  markedRight?: boolean;
  answers: number;
}

export interface LessonState {
  lessonId: string;
  index: number;
  steps: StepProgress[];
  /** Why the last event was refused, in words for the learner; cleared by the next event. */
  notice?: string;
}

export type LessonEvent =
  | { type: "next" }
  | { type: "back" }
  | { type: "hint" }
  | { type: "solve" }
  | { type: "checked"; passed: boolean }
  | { type: "answered"; correct: boolean }
  /** "I was right": the first answer, graded wrong, counts as right (the caller allows it for typed answers only). */
  | { type: "markRight" }
  | { type: "skip" }
  | { type: "goto"; index: number };

export const stepKind = (step: Step): StepKind => (isHandsOnStep(step) ? "handsOn" : isQuizStep(step) ? "quiz" : "read");

/** Whether saved data (from the progress file) has the shape of a lesson state. */
export const isLessonState = (value: unknown): value is LessonState => {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<LessonState>;
  return (
    typeof candidate.lessonId === "string" &&
    typeof candidate.index === "number" &&
    Array.isArray(candidate.steps) &&
    candidate.steps.every((step) => typeof step === "object" && step !== null && typeof (step as StepProgress).status === "string")
  );
};

const freshStep = (): StepProgress => ({ status: "pending", hintShown: false, solvedForMe: false, checks: 0, answers: 0 });

/** A new session, or one resumed from saved progress (kept only if it still fits the lesson). */
export const startLesson = (lesson: Lesson, saved?: LessonState): LessonState => {
  if (saved && saved.lessonId === lesson.id && saved.steps.length === lesson.steps.length) {
    return { ...saved, index: Math.min(Math.max(saved.index, 0), lesson.steps.length - 1), notice: undefined };
  }
  return { lessonId: lesson.id, index: 0, steps: lesson.steps.map(freshStep) };
};

const withStep = (state: LessonState, change: Partial<StepProgress>): LessonState => ({
  ...state,
  notice: undefined,
  steps: state.steps.map((progress, i) => (i === state.index ? { ...progress, ...change } : progress)),
});

const refuse = (state: LessonState, notice: string): LessonState => ({ ...state, notice });

const moveTo = (state: LessonState, index: number): LessonState => ({ ...state, index, notice: undefined });

export const lessonReducer = (lesson: Lesson, state: LessonState, event: LessonEvent): LessonState => {
  const step = lesson.steps[state.index];
  const progress = state.steps[state.index];
  if (!step || !progress) return state;
  const kind = stepKind(step);
  const last = state.index === lesson.steps.length - 1;

  switch (event.type) {
    case "next": {
      if (kind === "read" && progress.status === "pending") state = withStep(state, { status: "done" });
      else if (progress.status === "pending") {
        return refuse(state, kind === "quiz" ? "Answer the question first, or skip it (S)." : "Check your work first (c), or skip the step (S).");
      }
      return last ? state : moveTo(state, state.index + 1);
    }
    case "back":
      return state.index === 0 ? refuse(state, "This is the first step.") : moveTo(state, state.index - 1);
    case "goto":
      return event.index >= 0 && event.index < lesson.steps.length ? moveTo(state, event.index) : state;
    case "hint":
      if (kind !== "handsOn" || !isHandsOnStep(step) || !step.handsOn.hint) return refuse(state, "There is no hint for this step.");
      return withStep(state, { hintShown: true });
    case "solve":
      if (kind !== "handsOn") return refuse(state, "Only hands-on steps can be done for you.");
      return withStep(state, { solvedForMe: true });
    case "checked":
      if (kind !== "handsOn") return refuse(state, "Only hands-on steps have a check.");
      return withStep(state, {
        checks: progress.checks + 1,
        ...(event.passed ? { status: "done" as const } : {}),
      });
    case "answered":
      if (kind !== "quiz") return refuse(state, "This step has no question.");
      return withStep(state, {
        answers: progress.answers + 1,
        status: "done",
        ...(progress.firstAnswerCorrect === undefined ? { firstAnswerCorrect: event.correct } : {}),
      });
    case "markRight":
      if (kind !== "quiz" || progress.status !== "done" || progress.firstAnswerCorrect !== false) {
        return refuse(state, "Only an answer marked wrong can be marked right.");
      }
      return withStep(state, { markedRight: true });
    case "skip": {
      const skipped = progress.status === "done" ? state : withStep(state, { status: "skipped" });
      return last ? skipped : moveTo(skipped, state.index + 1);
    }
  }
};

/** Every step read, answered, checked or skipped. */
/** Every step answered, checked or skipped; with `only` (a workshop block's chosen steps), those steps. */
export const isLessonComplete = (state: LessonState, only?: readonly number[]): boolean =>
  state.steps.every((step, index) => step.status !== "pending" || (only !== undefined && !only.includes(index)));

export interface LessonScore {
  earned: number;
  possible: number;
  /** 0-100, rounded. */
  percent: number;
}

/** What one question or hands-on step earned, and why, for the recap. */
export interface StepScore {
  index: number;
  kind: "quiz" | "handsOn";
  /** 0, 0.5 or 1. */
  points: number;
  why: string;
}

/** Why a step earned what it did, in the recap's words. */
const scoreOf = (kind: "quiz" | "handsOn", progress: StepProgress | undefined): { points: number; why: string } => {
  if (!progress || progress.status === "pending") return { points: 0, why: kind === "quiz" ? "not answered yet" : "not checked yet" };
  if (progress.status === "skipped") return { points: 0, why: "skipped" };
  if (kind === "quiz") {
    if (progress.markedRight) return { points: 1, why: "you marked your answer right (flagged for review)" };
    return progress.firstAnswerCorrect ? { points: 1, why: "right the first time" } : { points: 0, why: "wrong the first time" };
  }
  if (progress.solvedForMe) return { points: 0, why: "done for you" };
  return progress.hintShown ? { points: 0.5, why: "passed with the hint: half" } : { points: 1, why: "passed by your own work" };
};

/**
 * Points: a question is worth 1 if the first answer was right (or the learner marked it right);
 * a hands-on step 1 if it passed by the learner's own work, half with the hint, nothing if done
 * for them or skipped. Reading earns nothing and costs nothing.
 */
export const lessonStepScores = (lesson: Lesson, state: LessonState, only?: readonly number[]): StepScore[] =>
  lesson.steps.flatMap((step, index): StepScore[] => {
    const kind = stepKind(step);
    if (only !== undefined && !only.includes(index)) return [];
    return kind === "read" ? [] : [{ index, kind, ...scoreOf(kind, state.steps[index]) }];
  });

/** The lesson's score; with `only` (a workshop block's chosen steps), over those steps alone. */
export const lessonScore = (lesson: Lesson, state: LessonState, only?: readonly number[]): LessonScore => {
  const scores = lessonStepScores(lesson, state, only);
  const earned = scores.reduce((sum, score) => sum + score.points, 0);
  const possible = scores.length;
  return { earned, possible, percent: possible === 0 ? 100 : Math.round((earned / possible) * 100) };
};
