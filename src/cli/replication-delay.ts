import { UserError } from "./errors";

const DURATION = /^(\d+(?:\.\d+)?)(ms|s)?$/;

const milliseconds = (text: string): number | undefined => {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === "s" ? value * 1000 : match[2] === "ms" || value === 0 ? value : undefined;
};

// Read without commander: `s3-tutor` alone starts without it, and the variable applies there too.
export const REPLICATION_DELAY_HELP = 'give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".';

/** "2s", "500ms", "0", or a range "1s-3s" in milliseconds; undefined when it is none of those. */
export const replicationDelayOf = (value: string): number | [number, number] | undefined => {
  const [low = "", high, ...rest] = value.split("-");
  const min = milliseconds(low);
  const max = high === undefined ? min : milliseconds(high);
  // A timer holds at most 2^31 - 1 ms (about 24 days); a longer one would fire at once.
  if (min === undefined || max === undefined || rest.length > 0 || max < min || max > 2 ** 31 - 1) return undefined;
  return high === undefined ? min : [min, max];
};

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
