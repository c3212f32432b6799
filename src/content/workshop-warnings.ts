import type { LoadedWorkshop } from "./content-file";
import { problemAt } from "./located";
import type { Problem } from "./problem";

/**
 * Workshops whose agenda does not add up: the blocks' minutes total more or less than the
 * workshop's `minutes`. The workshop still runs (the agenda clock follows the blocks), so this is
 * a warning `validate` prints, never a problem.
 */
export const workshopWarnings = (workshops: readonly LoadedWorkshop[]): Problem[] =>
  workshops.flatMap((where) => {
    const total = where.workshop.blocks.reduce((sum, block) => sum + block.minutes, 0);
    if (total === where.workshop.minutes) return [];
    const message = `the blocks add up to ${total} minutes, not the workshop's ${where.workshop.minutes}: ${total > where.workshop.minutes ? "the agenda runs over" : "the agenda ends early"}`;
    return [problemAt(where, ["minutes"], message)];
  });
