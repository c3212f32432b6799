import type { TargetOptions } from "../targets/options";
import type { TargetName } from "../targets/target";
import { replicationDelayFrom } from "./replication-delay";

/** The target flags as commander hands them over (every command that talks to S3 has them). */
export interface TargetFlags {
  target?: TargetName;
  endpoint?: string;
  region?: string;
  profile?: string;
  prefix?: string;
  yes?: boolean;
  /** --replication-delay, parsed: milliseconds, or a [min, max] range. */
  replicationDelay?: number | [number, number];
}

/**
 * The flags as TargetOptions: only what the user gave, so each target's defaults apply. The
 * replication delay is the flag's, else $S3_TUTOR_REPLICATION_DELAY's (a bad value throws UserError).
 */
export const targetOptionsFrom = (flags: TargetFlags, env: NodeJS.ProcessEnv = process.env): TargetOptions => {
  const replicationDelay = replicationDelayFrom(flags.replicationDelay, env);
  return {
    target: flags.target ?? "sandbox",
    ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.prefix ? { prefix: flags.prefix } : {}),
    ...(flags.yes ? { yes: true } : {}),
    ...(replicationDelay !== undefined ? { replicationDelay } : {}),
  };
};
