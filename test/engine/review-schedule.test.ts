import { describe, expect, it } from "vitest";
import { dueToday, endOfDay, nextDueAfterToday } from "../../src/engine/review-due";
import { ratingFor, REVIEW_PARAMETERS, reviewCard, type ReviewRating } from "../../src/engine/review-schedule";
import type { StoredCard } from "../../src/store/review-cards";

// A fixed clock: every date below is computed from this one, never from Date.now().
const start = new Date(2026, 2, 2, 9, 0, 0);
const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const gapMs = (card: StoredCard, from: Date) => Date.parse(card.due) - from.getTime();

/** Reviews one card with these ratings, each at the moment it falls due. */
const reviewAtDue = (ratings: ReviewRating[]): StoredCard[] => {
  const cards: StoredCard[] = [];
  let card: StoredCard | undefined;
  let at = start;
  for (const rating of ratings) {
    card = reviewCard(card, rating, at);
    cards.push(card);
    at = new Date(card.due);
  }
  return cards;
};

describe("the rating from an answer", () => {
  it("wrong is Again, right but guessed is Hard, right is Good", () => {
    expect(ratingFor(false, false)).toBe("again");
    expect(ratingFor(false, true)).toBe("again");
    expect(ratingFor(true, true)).toBe("hard");
    expect(ratingFor(true, false)).toBe("good");
  });
});

describe("FSRS scheduling with a fixed clock", () => {
  it("uses the parameters the design states", () => {
    expect(REVIEW_PARAMETERS).toMatchObject({ request_retention: 0.9, maximum_interval: 180, enable_fuzz: false, enable_short_term: true });
  });

  it("a first right answer comes back in ten minutes (the learning step), a wrong one in one", () => {
    const good = reviewCard(undefined, "good", start);
    expect(good.state).toBe("Learning");
    expect(gapMs(good, start)).toBe(minutes(10));
    expect(good.reps).toBe(1);
    expect(good.lastReview).toBe(start.toISOString());
    const again = reviewCard(undefined, "again", start);
    expect(gapMs(again, start)).toBe(minutes(1));
  });

  it("right answers at each due date graduate the card and the intervals grow, stopped by the 180-day cap", () => {
    const cards = reviewAtDue(["good", "good", "good", "good", "good", "good", "good", "good", "good", "good"]);
    expect(cards[1]?.state).toBe("Review");
    const intervals = cards.slice(1).map((card) => card.scheduledDays);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThanOrEqual(intervals[i - 1]!);
    expect(intervals[0]!).toBeGreaterThanOrEqual(1);
    // The cap stops the growth; ts-fsrs keeps Good one day longer than Hard, which sits at the cap.
    expect(intervals.slice(-3)).toEqual([181, 181, 181]);
  });

  it("the same answers at the same times give the same schedule (no fuzz)", () => {
    expect(reviewAtDue(["good", "hard", "good", "again", "good"])).toEqual(reviewAtDue(["good", "hard", "good", "again", "good"]));
  });

  it("a guess (Hard) comes back sooner than a sure answer (Good); a miss relearns with a lapse", () => {
    const graduated = reviewAtDue(["good", "good"]).at(-1)!;
    const at = new Date(graduated.due);
    const hard = reviewCard(graduated, "hard", at);
    const good = reviewCard(graduated, "good", at);
    expect(gapMs(hard, at)).toBeLessThan(gapMs(good, at));
    const missed = reviewCard(graduated, "again", at);
    expect(missed.state).toBe("Relearning");
    expect(missed.lapses).toBe(1);
    expect(gapMs(missed, at)).toBe(minutes(10));
  });

  it("due today means due before the learner's midnight; the next due date comes after it", () => {
    const soon = reviewCard(undefined, "good", start);
    const weekLater = { ...soon, due: later(start, days(7)).toISOString() };
    const cards = { "a.soon": soon, "a.later": weekLater, "a.overdue": { ...soon, due: later(start, -days(3)).toISOString() } };
    expect(endOfDay(start)).toEqual(new Date(2026, 2, 3));
    expect(dueToday(cards, start)).toEqual(["a.overdue", "a.soon"]);
    expect(dueToday(cards, start, new Set(["a.soon"]))).toEqual(["a.soon"]);
    expect(nextDueAfterToday(cards, start)).toEqual(later(start, days(7)));
  });
});
