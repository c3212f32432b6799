import type { TargetName } from "./target";

/** How the user chose a target on the command line (or in the app). */
export interface TargetOptions {
  target: TargetName;
  /** LocalStack's (or another emulator's) URL; default http://localhost:4566. */
  endpoint?: string;
  region?: string;
  /** A named AWS profile (aws target). */
  profile?: string;
  /** The session prefix for resource names; generated and remembered when absent. */
  prefix?: string;
  /**
   * Sandbox only: "learner" is the learner's own sandbox, kept on disk on a stable port and shared
   * by the app, `setup`, `check` and `env`; "ephemeral" (the default) a fresh one in memory.
   */
  sandbox?: "learner" | "ephemeral";
  /** Skip the confirmation before the first write to a real account (scripts). */
  yes?: boolean;
  /**
   * Asks the learner to approve what will be created on a real account; resolves true to go on.
   * Without it (and without `yes`), writes to a real account are refused.
   */
  confirm?: (whatWillBeCreated: string[]) => Promise<boolean>;
  /**
   * Things the learner should know that are not errors: a corrupt state file moved aside, a
   * resource that could not be tagged, an unexpected success undone. Default: a line on stderr
   * (the Ink app passes its own so the screen is not torn).
   */
  onNotice?: (message: string) => void;
}
