import { describe, expect, it } from "vitest";
import { localDayNumber, streakDays } from "../../src/engine/local-days";
import { quizStats } from "../../src/engine/quiz-stats";
import { reviewCard } from "../../src/engine/review-schedule";
import type { HistoryAnswer, QuizHistory } from "../../src/store/quiz-history";
import type { ReviewCards } from "../../src/store/review-cards";
import { BY_ID } from "./quiz-fixtures";

const now = new Date(2026, 2, 20, 18, 0, 0);
const daysAgo = (days: number, hour = 10) => new Date(2026, 2, 20 - days, hour, 0, 0).toISOString();
const answer = (questionId: string, correct: boolean, days: number): HistoryAnswer => ({ questionId, correct, guessed: false, mode: "practice", at: daysAgo(days) });

describe("quiz stats", () => {
  const history: QuizHistory = {
    version: 1,
    answers: [
      answer("naming.shared", false, 22), // three weeks ago (21-27 days)
      answer("naming.shared", true, 9), // last week (7-13 days)
      answer("naming.rules", false, 2),
      answer("naming.code", false, 1),
      answer("naming.shared", true, 0),
      answer("replication.existing", true, 0),
      answer("replication.versioning", true, 1),
    ],
    sessions: [
      { mode: "practice", startedAt: daysAgo(3), finishedAt: daysAgo(3), correct: 1, total: 2 },
      { mode: "exam", startedAt: daysAgo(2), finishedAt: daysAgo(2), correct: 7, total: 10, passed: true },
      { mode: "exam", startedAt: daysAgo(1), finishedAt: daysAgo(1), correct: 3, total: 10, passed: false },
    ],
  };
  const cards: ReviewCards = {
    version: 1,
    cards: {
      "naming.shared": reviewCard(undefined, "good", new Date(daysAgo(0))),
      "naming.code": reviewCard(undefined, "again", new Date(daysAgo(1))),
      "replication.existing": { ...reviewCard(undefined, "good", new Date(daysAgo(0))), due: new Date(2026, 2, 25).toISOString() },
      "gone.question": reviewCard(undefined, "again", new Date(daysAgo(1))),
    },
    flagged: ["naming.rules", "gone.question"],
  };
  const stats = quizStats(history, cards, BY_ID, now);

  it("gives accuracy per topic, overall and per week (this week last)", () => {
    expect(stats.answered).toBe(7);
    expect(stats.percent).toBe(57);
    expect(stats.topics).toEqual([
      { topic: "naming", answered: 5, percent: 40, weeks: [0, undefined, 100, 33] /* 3, 2, 1 weeks ago, this week */ },
      { topic: "replication", answered: 2, percent: 100, weeks: [undefined, undefined, undefined, 100] },
    ]);
  });

  it("counts the streak of days in a row, the cards due today, the flags and the mistakes of questions that exist", () => {
    expect(stats.streakDays).toBe(3);
    expect(stats.studiedToday).toBe(true);
    expect(stats.dueToday).toBe(2);
    expect(stats.nextDue).toBe(new Date(2026, 2, 25).toISOString());
    expect(stats.flagged).toBe(1);
    expect(stats.mistakes).toBe(2);
  });

  it("names the weakest tags (answered at least twice, not always right) and the last exams, latest first", () => {
    expect(stats.weakestTags).toEqual([{ name: "namespace", correct: 2, total: 4, percent: 50 }]);
    expect(stats.recentExams).toEqual([
      { finishedAt: daysAgo(1), correct: 3, total: 10, percent: 30, passed: false },
      { finishedAt: daysAgo(2), correct: 7, total: 10, percent: 70, passed: true },
    ]);
  });

  it("a streak survives a day not studied yet, and breaks after a missed day", () => {
    const today = localDayNumber(now);
    expect(streakDays(new Set([today - 1, today - 2]), today)).toBe(2);
    expect(streakDays(new Set([today - 2, today - 3]), today)).toBe(0);
    expect(streakDays(new Set(), today)).toBe(0);
  });
});
