import type { HandsOn } from "../content/schema/lesson";
import type { Target } from "../targets/target";

/**
 * The step as it runs on this target: on a real AWS account, a step's `onRealAccount` variant
 * replaces its actions (and its needs: a real account has no second identity at hand).
 */
export const stepFor = (step: HandsOn, target: Pick<Target, "name">): HandsOn => {
  const variant = step.onRealAccount;
  if (target.name !== "aws" || !variant) return step;
  const { onRealAccount: _variant, as: _as, needs: _needs, setup: _setup, check: _check, cleanup: _cleanup, ...kept } = step;
  return {
    ...kept,
    goal: variant.goal ?? step.goal,
    ...(variant.hint ?? step.hint ? { hint: variant.hint ?? step.hint } : {}),
    ...(variant.explain ?? step.explain ? { explain: variant.explain ?? step.explain } : {}),
    ...(variant.needs ? { needs: variant.needs } : {}),
    ...(variant.setup ? { setup: variant.setup } : {}),
    solve: variant.solve,
    ...(variant.check ? { check: variant.check } : {}),
    ...(variant.cleanup ? { cleanup: variant.cleanup } : {}),
  };
};
