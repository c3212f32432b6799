import type { Action, Capability, HandsOn } from "../content/schema/lesson";
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

const CAPABILITY_WORDS: Record<Capability, string> = {
  secondAccount: "a second account",
  replication: "replication that really copies objects",
  regionRedirect: "wrong-region redirects",
  reservedNames: "S3's reserved bucket-name prefixes and suffixes",
  lifecycleRules: "S3's lifecycle checks",
  policySimulation: "an IAM policy simulator that evaluates policies as AWS does",
  requesterPays: "Requester Pays buckets that refuse requests which do not accept the charge",
  blockPublicAccess: "Block Public Access that refuses public bucket policies",
  multiRegionAccessPoints: "S3 Control's Multi-Region Access Points, with requests signed with SigV4A",
};

export const TARGET_WORDS: Record<Target["name"], string> = { sandbox: "the sandbox", localstack: "LocalStack", aws: "this AWS account" };

/** "a second account and replication that really copies objects" */
export const capabilityWords = (missing: readonly Capability[]): string => missing.map((capability) => CAPABILITY_WORDS[capability]).join(" and ");

/** Why one action is not checked on this target, or undefined when it can run (its own `needs:`). */
export const actionNotChecked = (action: Action, target: Target): string | undefined => {
  const missing = (action.needs ?? []).filter((capability) => !target.capabilities.has(capability));
  if (missing.length === 0) return undefined;
  return `not checked on ${TARGET_WORDS[target.name]}: it needs ${capabilityWords(missing)}`;
};
