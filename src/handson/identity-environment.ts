import { DEFAULT_IDENTITY, type Target } from "../targets/target";

/** Variables that would reveal a real account's secret; never shown, whatever a target returns. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);

/**
 * The environment a code view sets to act as `identity`. On an emulator every command names its
 * keys, the learner's own included, so what they run in their terminal acts as the same account
 * that check inspects (those keys are not secret: the secret is "test"). On real AWS the
 * learner's own credentials apply, and secrets are dropped as a second line of defence.
 */
export const identityEnvironment = (target: Target, identity: string): Record<string, string> => {
  if (target.name === "aws" && identity === DEFAULT_IDENTITY) return {};
  const environment = target.cliEnvironment(identity);
  if (target.name !== "aws") return environment;
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !SECRET_VARIABLES.has(name)));
};
