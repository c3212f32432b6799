import type { LoadedWorkshop } from "./content-file";
import { EXAM_SECONDS_PER_QUESTION } from "./exam-pace";
import { problemAt } from "./located";
import type { Problem } from "./problem";

/**
 * Workshops whose agenda does not add up: the blocks' minutes total more or less than the
 * workshop's `minutes`, or an exam's clock (90 s a question) runs past its block. The workshop
 * still runs (the agenda clock follows the blocks), so these are warnings `validate` prints,
 * never problems.
 */

const totalMinutes = (where: LoadedWorkshop): Problem[] => {
  const total = where.workshop.blocks.reduce((sum, block) => sum + block.minutes, 0);
  if (total === where.workshop.minutes) return [];
  const message = `the blocks add up to ${total} minutes, not the workshop's ${where.workshop.minutes}: ${total > where.workshop.minutes ? "the agenda runs over" : "the agenda ends early"}`;
  return [problemAt(where, ["minutes"], message)];
};

const examClocks = (where: LoadedWorkshop): Problem[] =>
  where.workshop.blocks.flatMap((block, index) => {
    if (!("exam" in block)) return [];
    const needed = (block.exam.count * EXAM_SECONDS_PER_QUESTION) / 60;
    if (needed <= block.minutes) return [];
    const message = `an exam of ${block.exam.count} questions runs ${needed} minutes (${EXAM_SECONDS_PER_QUESTION} s a question), but the block gives it ${block.minutes}: give the block more minutes or the exam fewer questions`;
    return [problemAt(where, ["blocks", index, "minutes"], message)];
  });

export const workshopWarnings = (workshops: readonly LoadedWorkshop[]): Problem[] =>
  workshops.flatMap((where) => [...totalMinutes(where), ...examClocks(where)]);
