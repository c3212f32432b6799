import type { ReviewRating } from "../review-schedule";

/**
 * An interview question's spaced-review card lives in the same review-cards.json as the quiz
 * questions', under a key of its own so the two never collide (quiz screens only count the ids
 * they know, so these keys do not show up there).
 */
export const interviewCardKey = (questionId: string): string => `interview:${questionId}`;

/** The rating from the share of the chain's points made: under half is Again, under 80% Hard, else Good. */
export const interviewRating = (made: number, asked: number): ReviewRating => {
  const share = asked === 0 ? 0 : made / asked;
  return share < 0.5 ? "again" : share < 0.8 ? "hard" : "good";
};
