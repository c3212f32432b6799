import { DEFAULT_IDENTITY, type Target } from "../targets/target";

/** Variables that would reveal a real account's secret; never shown, whatever a target returns. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);

/**
 * The environment a code view sets to act as `identity`: nothing for the learner's own
 * (default) identity, the target's CLI environment otherwise. Emulators' keys are not secret
 * (the secret is "test"); on real AWS secrets are dropped as a second line of defence.
 */
export const identityEnvironment = (target: Target, identity: string): Record<string, string> => {
  if (identity === DEFAULT_IDENTITY) return {};
  const environment = target.cliEnvironment(identity);
  if (target.name !== "aws") return environment;
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !SECRET_VARIABLES.has(name)));
};
