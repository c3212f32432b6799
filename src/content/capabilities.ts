/**
 * What a target can do that not every target can (DESIGN.md, "Targets and safety"). Apart from
 * the schema so that targets can name them all without loading zod.
 */
export const CAPABILITIES = [
  "secondAccount",
  "replication",
  "regionRedirect",
  "reservedNames",
  "lifecycleRules",
  "policySimulation",
  "requesterPays",
  "blockPublicAccess",
  "multiRegionAccessPoints",
] as const;
export type Capability = (typeof CAPABILITIES)[number];
