import { withAnswers, withSession } from "../store/quiz-history";
import type { QuizStores } from "../store/quiz-stores";
import { withCards, withFlag, type StoredCard } from "../store/review-cards";
import type { QuizResults } from "./quiz-results";
import { answersToRecord, type QuizState } from "./quiz-session";
import { ratingFor, reviewCard } from "./review-schedule";

/**
 * Writes what a session settled: each answer into the history and, as a review, into its
 * question's FSRS card. Returns the ids written, for the caller to tell the session
 * ({ type: "recorded" }) so nothing is written twice.
 */
export const recordSettledAnswers = (stores: QuizStores, state: QuizState, options: { leaving?: boolean } = {}): string[] => {
  const records = answersToRecord(state, options);
  if (records.length === 0) return [];
  const guessed = (id: string) => state.guessed.includes(id);
  const markedRight = (id: string) => state.markedRight.includes(id);
  void stores.history.update((history) =>
    withAnswers(
      history,
      records.map((record) => ({
        questionId: record.questionId,
        correct: record.correct,
        guessed: guessed(record.questionId),
        ...(markedRight(record.questionId) ? { markedRight: true } : {}),
        mode: state.mode,
        at: record.at,
      })),
    ),
  );
  void stores.cards.update((data) => {
    const cards: Record<string, StoredCard> = {};
    for (const record of records) {
      cards[record.questionId] = reviewCard(data.cards[record.questionId], ratingFor(record.correct, guessed(record.questionId)), new Date(record.at));
    }
    // An answer marked right by the learner is flagged, so spaced review brings it back to be checked.
    const flagged = records.filter((record) => markedRight(record.questionId)).reduce((current, record) => withFlag(current, record.questionId, true), data);
    return withCards(flagged, cards);
  });
  return records.map((record) => record.questionId);
};

/** A finished session's score, for the stats (and an exam's pass or fail). */
export const recordSession = (stores: QuizStores, results: QuizResults): Promise<void> =>
  stores.history.update((history) =>
    withSession(history, {
      mode: results.mode,
      startedAt: results.startedAt,
      finishedAt: results.finishedAt ?? new Date(Date.parse(results.startedAt) + results.durationMs).toISOString(),
      correct: results.correct,
      total: results.total,
      ...(results.passed !== undefined ? { passed: results.passed } : {}),
    }),
  );

/** Flags are kept between sessions: a flagged question comes up in spaced review until unflagged. */
export const saveFlag = (stores: QuizStores, questionId: string, flagged: boolean): Promise<void> =>
  stores.cards.update((data) => withFlag(data, questionId, flagged));
