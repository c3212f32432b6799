import type { TargetName } from "./target";

/** How the user chose a target on the command line (or in the app). */
export interface TargetOptions {
  target: TargetName;
  /** How the status bar names it, when not by `target` (a workshop's "room sandbox"). */
  label?: string;
  /**
   * LocalStack's (or another emulator's) URL; default http://localhost:4566. With the sandbox
   * target: a sandbox already running there (s3-tutor sandbox), used instead of starting one.
   */
  endpoint?: string;
  /**
   * Which sandbox the sandbox target uses: "ephemeral" (the default) a fresh one in memory on a
   * free port, gone at the end (run --auto, tests); "learner" the learner's own, kept on disk
   * and served on a stable port (the app, lesson, setup, check).
   */
  sandbox?: "learner" | "ephemeral";
  region?: string;
  /**
   * Sandbox only: how long a sandbox started by this process waits before replicating, in ms or
   * a [min, max] range; default the sandbox's 1–3 s, so PENDING can be watched. A sandbox another
   * process serves keeps the delay it was started with.
   */
  replicationDelay?: number | readonly [number, number];
  /** A named AWS profile (aws target). */
  profile?: string;
  /** The session prefix for resource names; generated and remembered when absent. */
  prefix?: string;
  /**
   * The target only removes what the cleanup journal lists (s3-tutor cleanup): pre-flight does
   * not claim the session prefix, which nothing will use.
   */
  cleanupOnly?: boolean;
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
