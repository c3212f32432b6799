import { UserError } from "../errors";
import { onLessonTarget } from "../lesson-target";
import { targetLine } from "../run-report";
import type { TargetFlags } from "../target-flags";

export interface WorldCommandOptions extends TargetFlags {
  watch?: boolean;
}

/** Without a terminal's width (a pipe, a file): the panel's 80×24 width. */
const PLAIN_WIDTH = 80;

/**
 * `s3-tutor world`: the target's S3 world as the lessons' account sees it, printed once as plain
 * text; `--watch` redraws it in the terminal every second until q or ctrl+c.
 */
export const runWorldCommand = async (options: WorldCommandOptions): Promise<number> => {
  if (options.watch && !(process.stdin.isTTY && process.stdout.isTTY)) {
    throw new UserError("--watch redraws the world in a terminal; without one, run s3-tutor world (no --watch) to print it once.", 2);
  }
  return onLessonTarget(options, async (target) => {
    if (options.watch) {
      const { watchWorld } = await import("../../ui/start-world-watch");
      await watchWorld(target, targetLine(target));
      return 0;
    }
    const [{ readWorld }, { worldRows }, { rowsAsText }] = await Promise.all([
      import("../../targets/world/read-world"),
      import("../../ui/components/world/world-layout"),
      import("../../ui/components/world/world-row"),
    ]);
    const world = await readWorld(target);
    const width = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : PLAIN_WIDTH;
    process.stdout.write(`${[targetLine(target), ...rowsAsText(worldRows(world, width))].join("\n")}\n`);
    return 0;
  });
};
