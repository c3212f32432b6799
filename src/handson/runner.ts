import type { Action, Ask, HandsOn } from "../content/schema/lesson";
import type { PlannedCall } from "../targets/target";
import { parseCall } from "./call-name";
import type { Phase, PhaseResult } from "./results";
import { failedBeforeAnswer, notRunResult, plannedCallOf, runAction, type RunContext } from "./run-action";
import { renderAction } from "./template";

export { runAction, type RunContext } from "./run-action";

/**
 * Runs hands-on action lists against a target. Within a phase, later actions depend on
 * earlier ones (a bucket before its objects), so a phase stops at the first failure and the
 * rest are reported as not run — except cleanup, which tries everything it can remove.
 */

export const STEP_PHASES: readonly Phase[] = ["setup", "solve", "check"];

/** The actions of a phase; check defaults to solve's actions and their expectations. */
export const actionsOf = (step: HandsOn, phase: Phase): readonly Action[] => {
  switch (phase) {
    case "setup":
      return step.setup ?? [];
    case "solve":
      return step.solve;
    case "check":
      return step.check ?? step.solve;
    case "cleanup":
      return step.cleanup ?? [];
  }
};

/** The check's questions for the learner (`ask:`), in the order they are asked. */
export const questionsOf = (step: HandsOn): Ask[] => actionsOf(step, "check").flatMap((action) => (action.ask ? [action.ask] : []));

export const runPhase = async (phase: Phase, actions: readonly Action[], context: RunContext): Promise<PhaseResult> => {
  const results = [];
  let failed = false;
  for (const action of actions) {
    if (failed && phase !== "cleanup") {
      results.push(notRunResult(action, context));
      continue;
    }
    const result = await runAction(action, phase, context);
    results.push(result);
    if (!result.pass) failed = true;
  }
  return { phase, actions: results, pass: !failed };
};

const notRunPhase = (phase: Phase, actions: readonly Action[], context: RunContext): PhaseResult => ({
  phase,
  actions: actions.map((action) => notRunResult(action, context)),
  pass: false,
});

const stepContext = (step: HandsOn, context: RunContext): RunContext => ({ ...context, identity: step.as ?? context.identity });

/**
 * The calls a step's phases will make, for a real account's one confirmation. Values saved by
 * earlier actions are not known yet, so those placeholders stay as written.
 */
export const plannedCalls = (step: HandsOn, context: RunContext, phases: readonly Phase[] = STEP_PHASES): PlannedCall[] => {
  const forStep = stepContext(step, context);
  return phases.flatMap((phase) =>
    actionsOf(step, phase).flatMap((action) => {
      try {
        parseCall(action.call);
      } catch {
        return []; // Validation reports it; running it fails with the reason.
      }
      return [plannedCallOf(renderAction(action, context.variables, "keep"), forStep)];
    }),
  );
};

/** A declined confirmation: the first action carries the reason, nothing runs. */
const declinedPhases = (step: HandsOn, context: RunContext, phases: readonly Phase[], error: unknown): PhaseResult[] => {
  let reported = false;
  return phases.map((phase) => ({
    phase,
    pass: false,
    actions: actionsOf(step, phase).map((action) => {
      if (reported) return notRunResult(action, context);
      reported = true;
      return failedBeforeAnswer(renderAction(action, context.variables, "keep"), context, error);
    }),
  }));
};

/**
 * Runs a step's phases in order (by default setup → solve → check, as `run --auto` does; the
 * app runs ["check"] alone when the learner did the work). First the target may confirm the
 * writes (real accounts ask once, listing them). A failed phase leaves the later ones not run.
 * The step's `as:` is the identity of every action that does not name its own.
 */
export const runStepPhases = async (
  step: HandsOn,
  context: RunContext,
  phases: readonly Phase[] = STEP_PHASES,
): Promise<PhaseResult[]> => {
  const forStep = stepContext(step, context);
  try {
    await forStep.target.confirmWrites?.(plannedCalls(step, forStep, phases));
  } catch (error) {
    return declinedPhases(step, forStep, phases, error);
  }
  const results: PhaseResult[] = [];
  for (const phase of phases) {
    const actions = actionsOf(step, phase);
    const failedBefore = results.some((result) => !result.pass);
    results.push(failedBefore ? notRunPhase(phase, actions, forStep) : await runPhase(phase, actions, forStep));
  }
  return results;
};

/** Removes what a step made; every action is tried, and "already gone" counts as done. */
export const runCleanup = (step: HandsOn, context: RunContext): Promise<PhaseResult> =>
  runPhase("cleanup", actionsOf(step, "cleanup"), stepContext(step, context));
