import { isHandsOnStep } from "../content/step-kinds";
import type { Action, HandsOn, Lesson } from "../content/schema/lesson";
import type { Target } from "../targets/target";
import { missingCapabilities } from "./needs";
import type { PhaseResult } from "./results";
import { actionsOf, runCleanup, runPhase, runStepPhases, type RunContext } from "./runner";
import { stepFor } from "./step-variant";
import { isAlreadyGone } from "./tolerated-errors";

/**
 * Bringing a target to the state a step starts from: what earlier steps would have left (their
 * setup and solve, as "do it for me" runs them, and their check, which waits for what they set
 * off) and the step's own setup. Used by
 * `s3-tutor setup <lesson> <step>`, and when a resumed lesson finds its lab gone.
 */

/** A hands-on step with its place: `number` counts hands-on steps from 1, `index` all steps from 0. */
export interface HandsOnPlace {
  number: number;
  index: number;
  step: HandsOn;
}

/** The lesson's hands-on steps, as they run on this target (real accounts use their variants). */
export const handsOnPlaces = (lesson: Lesson, target: Pick<Target, "name">): HandsOnPlace[] =>
  lesson.steps.flatMap((step, index) => (isHandsOnStep(step) ? [{ index, step: stepFor(step.handsOn, target) }] : [])).map((place, at) => ({ ...place, number: at + 1 }));

export interface ReplayedStep {
  place: HandsOnPlace;
  /** Why it was passed over: the target cannot run it. */
  notApplicable?: string;
  phases: PhaseResult[];
  pass: boolean;
}

export interface Preparation {
  /** The lesson's cleanup, when asked to start from a clean slate. */
  cleanup: PhaseResult[];
  earlier: ReplayedStep[];
  /** The step's own setup. */
  setup?: PhaseResult;
  pass: boolean;
}

const replay = async (place: HandsOnPlace, context: RunContext, phases: ("setup" | "solve" | "check")[]): Promise<ReplayedStep> => {
  const missing = missingCapabilities(place.step, context.target);
  if (missing.length > 0) return { place, notApplicable: `needs ${missing.join(", ")}`, phases: [], pass: true };
  const results = await runStepPhases(place.step, { ...context, answers: "reveal" }, phases);
  return { place, phases: results, pass: results.every((phase) => phase.pass) };
};

/**
 * Replays the solutions of the hands-on steps before `place`, then runs its setup. With `reset`,
 * the lesson's cleanup runs first (last step first), so the result does not depend on what was
 * there: only what the lesson made is removed, as the steps' own cleanup would.
 */
export const prepareStep = async (
  lesson: Lesson,
  place: HandsOnPlace,
  context: RunContext,
  options: { reset?: boolean; onStep?: (step: ReplayedStep) => void } = {},
): Promise<Preparation> => {
  const places = handsOnPlaces(lesson, context.target);
  const cleanup: PhaseResult[] = [];
  if (options.reset) {
    for (const earlier of [...places].reverse()) {
      if (earlier.step.cleanup?.length && missingCapabilities(earlier.step, context.target).length === 0) {
        cleanup.push(await runCleanup(earlier.step, context));
      }
    }
  }
  const earlier: ReplayedStep[] = [];
  for (const before of places.filter((candidate) => candidate.number < place.number)) {
    // The check too: it waits for what the step sets off (replication) before the next one builds on it.
    const replayed = await replay(before, context, ["setup", "solve", "check"]);
    earlier.push(replayed);
    options.onStep?.(replayed);
  }
  const setup = place.step.setup?.length ? (await runStepPhases(place.step, context, ["setup"]))[0] : undefined;
  return {
    cleanup,
    earlier,
    ...(setup ? { setup } : {}),
    pass: cleanup.every((phase) => phase.pass) && earlier.every((step) => step.pass) && (setup?.pass ?? true),
  };
};

/** A check's actions that look at state: no questions for the learner, one try each. */
const stateActions = (step: HandsOn): Action[] =>
  actionsOf(step, "check")
    .filter((action) => !action.ask)
    .map(({ eventually: _wait, ...action }) => action);

export interface LostState {
  place: HandsOnPlace;
  /** What is missing, in words: "NoSuchBucket: The specified bucket does not exist". */
  reason: string;
}

/**
 * Whether the lab lost what the earlier, passed steps made (a sandbox started afresh, a
 * LocalStack restarted). The first of them that looks at state is the foundation the others
 * build on; it is lost when its check now finds its resource missing. Only "not found" answers
 * count, so a later step that changed earlier work on purpose (deleted a bucket, let another
 * account take a name) is not mistaken for a loss.
 */
export const findLostState = async (passed: readonly HandsOnPlace[], context: RunContext): Promise<LostState | undefined> => {
  for (const place of passed) {
    if (missingCapabilities(place.step, context.target).length > 0) continue;
    const actions = stateActions(place.step);
    if (actions.length === 0) continue;
    const result = await runPhase("check", actions, { ...context, identity: place.step.as ?? context.identity });
    const failed = result.actions.find((action) => !action.pass && !action.notRun);
    if (failed?.error && isAlreadyGone(failed.error.code)) return { place, reason: `${failed.error.code}${failed.error.message ? `: ${failed.error.message}` : ""}` };
    return undefined;
  }
  return undefined;
};
