import { useCallback, useEffect, useRef, useState } from "react";
import type { Capability, HandsOn } from "../../content/schema/lesson";
import { notApplicableReason } from "../../handson/auto-run";
import { missingCapabilities } from "../../handson/needs";
import type { Phase, PhaseResult, PollProgress } from "../../handson/results";
import { runCleanup, runStepPhases } from "../../handson/runner";
import type { Variables } from "../../handson/template";
import { targetVariables } from "../../handson/variables";
import { TargetError, type Target } from "../../targets/target";
import type { TargetSession } from "../../targets/target-session";

/**
 * One hands-on step as the learner works it: the target started when the step is reached,
 * setup run, then "do it for me" and "check" on demand, each with its results as data and
 * the polling progress while `eventually` waits.
 */

export type HandsOnActivity = "idle" | "starting" | "setup" | "solve" | "check" | "cleanup";

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
}

export interface HandsOnControls {
  view: HandsOnView;
  solve: () => Promise<boolean>;
  check: () => Promise<boolean>;
}

/** One variables map per lesson, so values saved in one step reach the next. */
export type LessonVariables = Map<string, Variables>;

export const useHandsOn = (
  step: HandsOn,
  lessonId: string,
  session: TargetSession,
  variablesByLesson: LessonVariables,
  alreadyPassed: boolean,
): HandsOnControls => {
  const [view, setView] = useState<HandsOnView>({ activity: "starting", passed: alreadyPassed });
  const busy = useRef(false);
  const abort = useRef(new AbortController());

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

  const context = useCallback(async () => {
    const target = await session.ready();
    const variables = await lessonVariables(target);
    return {
      target,
      variables,
      signal: abort.current.signal,
      onProgress: (progress: PollProgress) => setView((current) => ({ ...current, progress })),
    };
  }, [session, lessonVariables]);

  const run = useCallback(
    async (phases: Phase[], activity: HandsOnActivity): Promise<PhaseResult[] | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setView((current) => ({ ...current, activity, progress: undefined }));
      try {
        const ready = await context();
        const results = await runStepPhases(step, ready, phases);
        setView((current) => ({ ...current, activity: "idle", progress: undefined, last: { phase: phases.at(-1) ?? "check", results } }));
        return results;
      } catch (error) {
        const problem = describe(error);
        setView((current) => ({ ...current, activity: "idle", progress: undefined, targetProblem: problem }));
        return undefined;
      } finally {
        busy.current = false;
      }
    },
    [context, step],
  );

  // Reaching the step starts the target and runs the step's setup, if it can run here.
  useEffect(() => {
    let live = true;
    const controller = abort.current;
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
    const results = await run(["solve"], "solve");
    return results?.every((phase) => phase.pass) ?? false;
  }, [run]);

  const check = useCallback(async () => {
    const results = await run(["check"], "check");
    const passed = results?.every((phase) => phase.pass) ?? false;
    if (results) setView((current) => ({ ...current, passed: current.passed || passed }));
    return passed;
  }, [run]);

  return { view, solve, check };
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
