import { useCallback, useEffect, useRef, useState } from "react";
import type { Capability, HandsOn, Lesson } from "../../content/schema/lesson";
import type { Answers } from "../../handson/answers";
import { notApplicableReason } from "../../handson/auto-run";
import { missingCapabilities } from "../../handson/needs";
import { findLostState, prepareStep, type HandsOnPlace, type Preparation } from "../../handson/restore";
import type { Phase, PhaseResult, PollProgress } from "../../handson/results";
import { questionsOf, runCleanup, runStepPhases, type RunContext } from "../../handson/runner";
import type { Variables } from "../../handson/template";
import { targetVariables } from "../../handson/variables";
import { TargetError, type Target } from "../../targets/target";
import type { TargetSession } from "../../targets/target-session";

/**
 * One hands-on step as the learner works it: the target started when the step is reached,
 * setup run, then "do it for me" and "check" on demand, each with its results as data and
 * the polling progress while `eventually` waits. A new solve or check while one is still
 * running (a check polling for replication) stops the old one first, so the keys always work.
 */

export type HandsOnActivity = "idle" | "starting" | "restoring" | "setup" | "solve" | "check" | "cleanup";

export interface RestoredLab {
  /** What was found missing, e.g. "step 1 Two versioned buckets: NoSuchBucket: ...". */
  lost: string;
  preparation: Preparation;
}

export interface HandsOnView {
  activity: HandsOnActivity;
  /** The target that ran (for code views), once it is ready. */
  target?: Target;
  /** The lesson's variables, once the target is ready, for the goal, hint and code views. */
  variables?: Variables;
  targetProblem?: { message: string; fix: string };
  notApplicable?: { missing: Capability[]; reason: string };
  /** What the last run found: setup, solve or check. */
  last?: { phase: Phase; results: PhaseResult[] };
  progress?: PollProgress;
  /** The check passed (this visit, or before). */
  passed: boolean;
  /** The lab had lost what earlier steps made, and their solutions were run again. */
  restored?: RestoredLab;
}

export interface HandsOnControls {
  view: HandsOnView;
  solve: () => Promise<boolean>;
  /** The check's results, or undefined when it did not run to the end (stopped, target down). */
  check: (answers?: Answers) => Promise<PhaseResult[] | undefined>;
}

/** One variables map per lesson, so values saved in one step reach the next. */
export type LessonVariables = Map<string, Variables>;

/** The step, where it sits in its lesson, and the earlier hands-on steps that passed, to tell a lost lab. */
export interface StepPlace {
  lesson: Lesson;
  place: HandsOnPlace;
  passedEarlier: readonly HandsOnPlace[];
  /** Shared by the lesson's steps: the lab is looked at once per visit of the lesson. */
  lab: { looked: boolean };
}

export const useHandsOn = (where: StepPlace, session: TargetSession, variablesByLesson: LessonVariables, alreadyPassed: boolean): HandsOnControls => {
  const { step } = where.place;
  const lessonId = where.lesson.id;
  const [view, setView] = useState<HandsOnView>({ activity: "starting", passed: alreadyPassed });
  const running = useRef<{ controller: AbortController; done: Promise<unknown> } | undefined>(undefined);
  const leaving = useRef(new AbortController());

  const lessonVariables = useCallback(
    async (target: Target): Promise<Variables> => {
      let variables = variablesByLesson.get(lessonId);
      if (!variables) {
        variables = await targetVariables(target);
        variablesByLesson.set(lessonId, variables);
      }
      return variables;
    },
    [variablesByLesson, lessonId],
  );

  const context = useCallback(
    async (signal: AbortSignal): Promise<RunContext> => {
      const target = await session.ready();
      const variables = await lessonVariables(target);
      return { target, variables, signal, onProgress: (progress: PollProgress) => setView((current) => ({ ...current, progress })) };
    },
    [session, lessonVariables],
  );

  /** Runs phases; one that is still running is stopped first (its results are not shown). */
  const run = useCallback(
    async (phases: Phase[], activity: HandsOnActivity, answers?: Answers): Promise<PhaseResult[] | undefined> => {
      const previous = running.current;
      if (previous) {
        previous.controller.abort();
        await previous.done.catch(() => undefined);
      }
      const controller = new AbortController();
      const signal = AbortSignal.any([controller.signal, leaving.current.signal]);
      const work = (async () => {
        setView((current) => ({ ...current, activity, progress: undefined }));
        try {
          const ready = await context(signal);
          const results = await runStepPhases(step, { ...ready, ...(answers ? { answers } : {}) }, phases);
          if (signal.aborted) return undefined;
          setView((current) => ({ ...current, activity: "idle", progress: undefined, last: { phase: phases.at(-1) ?? "check", results } }));
          return results;
        } catch (error) {
          if (!signal.aborted) setView((current) => ({ ...current, activity: "idle", progress: undefined, targetProblem: describe(error) }));
          return undefined;
        }
      })();
      const entry = { controller, done: work };
      running.current = entry;
      try {
        return await work;
      } finally {
        if (running.current === entry) running.current = undefined;
      }
    },
    [context, step],
  );

  // Reaching the step starts the target, makes sure the lab still holds what earlier steps made,
  // and runs the step's setup, if it can run here.
  useEffect(() => {
    let live = true;
    const controller = leaving.current;
    void (async () => {
      try {
        const target = await session.ready();
        const variables = await lessonVariables(target);
        if (!live) return;
        const missing = missingCapabilities(step, target);
        if (missing.length > 0) {
          const notApplicable = { missing, reason: notApplicableReason(step, missing, target, variables) };
          setView((current) => ({ ...current, activity: "idle", target, variables, notApplicable }));
          return;
        }
        setView((current) => ({ ...current, activity: "idle", target, variables }));
        if (!where.lab.looked) {
          where.lab.looked = true;
          const restored = await restoreLostLab(where, { target, variables, signal: controller.signal }, () =>
            setView((current) => ({ ...current, activity: "restoring" })),
          );
          if (!live) return;
          if (restored) {
            // Restoring ran this step's setup too.
            setView((current) => ({ ...current, activity: "idle", restored }));
            return;
          }
        }
        if (step.setup?.length && live) await run(["setup"], "setup");
      } catch (error) {
        if (live) setView((current) => ({ ...current, activity: "idle", targetProblem: describe(error) }));
      }
    })();
    return () => {
      live = false;
      controller.abort();
    };
  }, [session, step, run, lessonVariables]);

  const solve = useCallback(async () => {
    // A step that asks what the learner saw: doing it for them also answers, with what the target said.
    const asks = questionsOf(step).length > 0;
    const results = await run(asks ? ["solve", "check"] : ["solve"], "solve", asks ? "reveal" : undefined);
    const passed = results?.every((phase) => phase.pass) ?? false;
    if (asks && passed) setView((current) => ({ ...current, passed: true }));
    return passed;
  }, [run, step]);

  const check = useCallback(
    async (answers?: Answers) => {
      const results = await run(["check"], "check", answers);
      const passed = results?.every((phase) => phase.pass) ?? false;
      if (results) setView((current) => ({ ...current, passed: current.passed || passed }));
      return results;
    },
    [run],
  );

  return { view, solve, check };
};

/**
 * A lesson resumed on a target that lost its lab (a sandbox started afresh, LocalStack
 * restarted): the solutions of the earlier steps run again, and the learner is told.
 */
const restoreLostLab = async (where: StepPlace, context: RunContext, onRestoring: () => void): Promise<RestoredLab | undefined> => {
  if (where.passedEarlier.length === 0) return undefined;
  const lost = await findLostState(where.passedEarlier, context);
  if (!lost) return undefined;
  onRestoring();
  const preparation = await prepareStep(where.lesson, where.place, context);
  return { lost: `step ${lost.place.number} ${lost.place.step.title}: ${lost.reason}`, preparation };
};

const describe = (error: unknown): { message: string; fix: string } =>
  error instanceof TargetError
    ? { message: error.message, fix: error.fix }
    : { message: error instanceof Error ? error.message : String(error), fix: "" };

/** Runs every hands-on step's cleanup in a lesson, last step first. */
export const cleanUpLesson = async (
  steps: readonly HandsOn[],
  session: TargetSession,
  variables: Variables | undefined,
): Promise<PhaseResult[]> => {
  const target = await session.ready();
  const context = { target, variables: variables ?? (await targetVariables(target)) };
  const results: PhaseResult[] = [];
  for (const step of [...steps].reverse()) {
    if (step.cleanup?.length) results.push(await runCleanup(step, context));
  }
  return results;
};
