import { UserError } from "./errors";
import { REPLICATION_DELAY_HELP, replicationDelayOf } from "./parse";

/** The environment variable that sets the sandbox's replication delay; --replication-delay overrides it. */
export const REPLICATION_DELAY_VARIABLE = "S3_TUTOR_REPLICATION_DELAY";

/**
 * The replication delay a command gives the sandbox it starts: the flag's, else the environment
 * variable's, else undefined (the sandbox's own 1–3 s, so a learner can watch PENDING).
 */
export const replicationDelayFrom = (
  flag: number | [number, number] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number | [number, number] | undefined => {
  if (flag !== undefined) return flag;
  const given = env[REPLICATION_DELAY_VARIABLE]?.trim();
  if (!given) return undefined;
  const delay = replicationDelayOf(given);
  if (delay === undefined) throw new UserError(`${REPLICATION_DELAY_VARIABLE}="${given}" is not a delay: ${REPLICATION_DELAY_HELP}`, 2);
  return delay;
};
