import type { Capability, HandsOn } from "../content/schema/lesson";
import { DEFAULT_IDENTITY, type Target } from "../targets/target";

/** The phases' actions that name an identity, so a step acting as "other" needs a second account. */
const identitiesOf = (step: HandsOn): string[] => {
  const actions = [...(step.setup ?? []), ...step.solve, ...(step.check ?? []), ...(step.cleanup ?? [])];
  return [step.as ?? DEFAULT_IDENTITY, ...actions.map((action) => action.as ?? step.as ?? DEFAULT_IDENTITY)];
};

/**
 * What the step needs that the target lacks: its `needs:`, plus secondAccount when it acts as
 * an identity the target cannot be. Empty when the step can run.
 */
export const missingCapabilities = (step: HandsOn, target: Target): Capability[] => {
  const missing = new Set((step.needs ?? []).filter((capability) => !target.capabilities.has(capability)));
  if (identitiesOf(step).some((identity) => !target.identities.includes(identity))) missing.add("secondAccount");
  return [...missing];
};
