import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";
import type { CardState, StoredCard } from "../store/review-cards";

/**
 * Spaced repetition with FSRS (ts-fsrs). Every answered question is a card; each answer, in
 * any mode, is a review of it. The rating comes from the answer: wrong is Again, right but
 * "I guessed" is Hard, right is Good. (Easy is never given: a quiz cannot tell an easy right
 * answer from a plain one, and FSRS grows intervals fast enough with Good.)
 *
 * Parameters: FSRS's default weights and 90% desired retention; intervals capped at 180 days,
 * since candidates drill for an interview months away, not years; the default short-term
 * steps (1 and 10 minutes, 10 minutes after a lapse), so a miss comes back the same day; no
 * fuzz, so the schedule is the same for the same answers (and testable).
 */
export const REVIEW_PARAMETERS = generatorParameters({
  request_retention: 0.9,
  maximum_interval: 180,
  enable_fuzz: false,
  enable_short_term: true,
});

const scheduler = fsrs(REVIEW_PARAMETERS);

export type ReviewRating = "again" | "hard" | "good";

export const ratingFor = (correct: boolean, guessed: boolean): ReviewRating => (!correct ? "again" : guessed ? "hard" : "good");

const FSRS_RATING: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good };

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: "New",
  [State.Learning]: "Learning",
  [State.Review]: "Review",
  [State.Relearning]: "Relearning",
};

const toFsrs = (card: StoredCard): Card => ({
  due: new Date(card.due),
  stability: card.stability,
  difficulty: card.difficulty,
  elapsed_days: card.elapsedDays,
  scheduled_days: card.scheduledDays,
  learning_steps: card.learningSteps,
  reps: card.reps,
  lapses: card.lapses,
  state: State[card.state],
  ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
});

const fromFsrs = (card: Card): StoredCard => ({
  due: card.due.toISOString(),
  stability: card.stability,
  difficulty: card.difficulty,
  elapsedDays: card.elapsed_days,
  scheduledDays: card.scheduled_days,
  learningSteps: card.learning_steps,
  reps: card.reps,
  lapses: card.lapses,
  state: STATE_NAMES[card.state],
  ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
});

/** The card after an answer at `at`; a question answered for the first time starts as a new card. */
export const reviewCard = (card: StoredCard | undefined, rating: ReviewRating, at: Date): StoredCard =>
  fromFsrs(scheduler.next(card ? toFsrs(card) : createEmptyCard(at), at, FSRS_RATING[rating]).card);
