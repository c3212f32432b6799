import type { TargetOptions } from "../../targets/options";
import { TargetError, type TargetName } from "../../targets/target";

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `s3-tutor cleanup [--target ...]`: removes everything the target's cleanup journal lists and
 * prints each resource. Exit 0 when the journal is empty afterwards, 1 otherwise.
 */
export const runCleanupCommand = async (options: Partial<TargetOptions>): Promise<number> => {
  const name: TargetName = options.target ?? "sandbox";
  if (name === "sandbox") {
    out("Nothing to clean up: the sandbox starts empty on every run and keeps nothing afterwards.");
    return 0;
  }
  const { CleanupJournal } = await import("../../targets/journal");
  let unreadable = false;
  const journal = CleanupJournal.forTarget(name, (message) => {
    unreadable = true;
    err(message);
  });
  if ((await journal.entries()).length === 0) {
    if (unreadable) {
      out(`Nothing else is journaled on ${name}; what the unreadable journal listed must be removed by hand (see above).`);
      return 1;
    }
    out(`Nothing to clean up on ${name}: its cleanup journal is empty.`);
    return 0;
  }

  const { createTarget } = await import("../../targets/create-target");
  const { cleanupJournaled, formatCleanupLine } = await import("../../targets/cleanup");
  let target;
  try {
    target = await createTarget({ ...options, target: name, cleanupOnly: true, onNotice: err });
    await target.preflight();
    out(`Removing what s3-tutor created on ${name} (account ${await target.account("default")}):`);
    const result = await cleanupJournaled(target, journal, (line) => out(`  ${formatCleanupLine(line)}`));
    const leftAlone = result.lines.filter((line) => line.outcome === "leftAlone").length;
    if (leftAlone > 0) {
      out(`${leftAlone} resource(s) were left alone: s3-tutor cannot prove it created them (see above), so it never touches them. If one is yours from a lesson, delete it by hand.`);
    }
    if (result.remaining.length === 0) {
      out("Done: nothing is left in the cleanup journal.");
      return unreadable ? 1 : 0;
    }
    out(`${result.remaining.length} resource(s) remain in the cleanup journal (${journal.path}). Fix what is said above, then run s3-tutor cleanup again.`);
    return 1;
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    err(`s3-tutor: ${error.message}\n  ${error.fix}`);
    return 1;
  } finally {
    await target?.close();
  }
};
