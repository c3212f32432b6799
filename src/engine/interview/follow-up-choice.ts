import type { FollowUp } from "../../content/schema/interview";
import { MAX_CHAIN_DEPTH } from "../../content/interview-chain";

export { MAX_CHAIN_DEPTH };

/**
 * What the interviewer asks next, chosen by what the candidate missed: the first follow-up whose
 * `when` names a missed point, else the one without `when` (asked when nothing it listens for was
 * missed), else none. `depth` is the depth of `node` in its chain (1 for the question itself):
 * at MAX_CHAIN_DEPTH the chain stops.
 */
export const chooseFollowUp = (
  node: { followUps?: readonly FollowUp[] | undefined },
  missed: readonly string[],
  depth = 1,
): FollowUp | undefined => {
  if (depth >= MAX_CHAIN_DEPTH) return undefined;
  const followUps = node.followUps ?? [];
  return followUps.find((followUp) => followUp.when?.some((point) => missed.includes(point))) ?? followUps.find((followUp) => followUp.when === undefined);
};

/** How many follow-ups a chain from `node` may ask at most (the plan budgets time for them). */
export const maxFollowUps = (node: { followUps?: readonly FollowUp[] | undefined }, depth = 1): number => {
  if (depth >= MAX_CHAIN_DEPTH) return 0;
  const deeper = (node.followUps ?? []).map((followUp) => 1 + maxFollowUps(followUp, depth + 1));
  return deeper.length === 0 ? 0 : Math.max(...deeper);
};
