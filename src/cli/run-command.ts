import type { AppFlags } from "./commands/app";
import { UserError } from "./errors";
import { UnreadableStateFile } from "../store/unreadable-file";

/**
 * What every command shares around its own work, whether commander parsed the arguments (main.ts)
 * or there were none (open-app.ts: `s3-tutor` alone, the commonest start, without loading commander).
 */

/** Set before any command runs. */
export const prepareProcess = (): void => {
  // The AWS SDK warns that its releases after January 2027 need Node 22; s3-tutor pins its SDK,
  // so the warning is not the learner's to act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
};

/** Before any command reads its state: files a version before the XDG split left behind move once. */
export const beforeCommand = async (): Promise<void> => {
  const { moveFormerState } = await import("../store/move-former-state");
  const moved = await moveFormerState();
  if (moved) process.stderr.write(`s3-tutor: ${moved}\n`);
};

/** `s3-tutor` with no command, or with only the app's flags: the screens. */
export const openScreens = async (flags: AppFlags): Promise<void> => {
  const { runAppCommand } = await import("./commands/app");
  process.exitCode = await runAppCommand(flags);
};

/** A command's failure: a mistake the learner can fix is said in words with its exit code; anything else is a bug and throws. */
export const exitOnKnownFailure = (error: unknown): void => {
  if (error instanceof UserError) {
    process.stderr.write(`s3-tutor: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  // A state file nothing could set aside (permissions): said in words, and left for the learner to fix.
  if (error instanceof UnreadableStateFile) {
    process.stderr.write(`s3-tutor: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
};
