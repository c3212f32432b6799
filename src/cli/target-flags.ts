import type { TargetOptions } from "../targets/options";
import type { TargetName } from "../targets/target";

/** The target flags as commander hands them over (every command that talks to S3 has them). */
export interface TargetFlags {
  target?: TargetName;
  endpoint?: string;
  region?: string;
  profile?: string;
  prefix?: string;
  yes?: boolean;
}

/** The flags as TargetOptions: only what the user gave, so each target's defaults apply. */
export const targetOptionsFrom = (flags: TargetFlags): TargetOptions => ({
  target: flags.target ?? "sandbox",
  ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
  ...(flags.region ? { region: flags.region } : {}),
  ...(flags.profile ? { profile: flags.profile } : {}),
  ...(flags.prefix ? { prefix: flags.prefix } : {}),
  ...(flags.yes ? { yes: true } : {}),
});
