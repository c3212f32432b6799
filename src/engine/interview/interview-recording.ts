import { withInterview, type HistoryInterview } from "../../store/quiz-history";
import type { QuizStores } from "../../store/quiz-stores";
import { withCards, type StoredCard } from "../../store/review-cards";
import { reviewCard } from "../review-schedule";
import { interviewCardKey, interviewRating } from "./interview-card";
import { chainScore, missedIn, type InterviewState } from "./interview-session";

/** What an interview leaves in the history: per question, the points made and asked over its chain and the ones missed. */
export const interviewRecord = (state: InterviewState): HistoryInterview => ({
  startedAt: state.startedAt,
  finishedAt: state.finishedAt ?? state.askedAt,
  endedBy: state.endedBy ?? "ended",
  questions: state.asked.map(({ questionId, asks }) => ({
    questionId,
    ...chainScore(asks),
    missed: asks.flatMap(missedIn),
  })),
});

/**
 * Writes a done interview: its record into the quiz history (for the trend) and, for each question
 * answered, a review of its card interview:<id>, rated by the share of the chain's points made
 * and dated when its last ask was scored. A question skipped unanswered is not reviewed, and an
 * interview with nothing scored leaves nothing (it would only add a 0% with no meaning to the trend).
 */
export const recordInterview = async (stores: QuizStores, state: InterviewState): Promise<void> => {
  if (!state.asked.some((question) => question.asks.length > 0)) return;
  const record = interviewRecord(state);
  await Promise.all([
    stores.history.update((history) => withInterview(history, record)),
    stores.cards.update((data) => {
      const cards: Record<string, StoredCard> = {};
      for (const { questionId, asks } of state.asked) {
        const last = asks.at(-1);
        if (!last) continue;
        const { made, asked } = chainScore(asks);
        const key = interviewCardKey(questionId);
        cards[key] = reviewCard(data.cards[key], interviewRating(made, asked), new Date(last.scoredAt));
      }
      return withCards(data, cards);
    }),
  ]);
};
