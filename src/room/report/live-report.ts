import type { LiveLeaderboardRow } from "../protocol";
import type { RoomState } from "../room-state";
import type { LiveQuestionRow } from "./report-types";

/** Each live question the instructor asked, in order: who answered, how many right, the distribution and the median time. */
export const liveQuestionRows = (state: RoomState): LiveQuestionRow[] =>
  state.live.asked.map((asked) => {
    const answers = [...asked.answers.values()];
    const correct = answers.filter((answer) => answer.correct).length;
    return {
      questionId: asked.question.id,
      prompt: asked.question.prompt,
      askedAt: asked.startedAt,
      revealed: asked.revealed !== undefined,
      answered: answers.length,
      correct,
      correctPercent: answers.length ? Math.round((correct / answers.length) * 100) : 0,
      distribution: asked.question.choices.map((choice, index) => ({
        choice,
        count: answers.filter((answer) => answer.choices.includes(index)).length,
        correct: asked.question.correct.includes(index),
      })),
      medianMs: median(answers.map((answer) => answer.ms)),
    };
  });

/** The leaderboard over every revealed live question (correct first, then speed). */
export const liveLeaderboard = (state: RoomState): LiveLeaderboardRow[] => state.live.leaderboard(state.nameOf);

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};
