import { describe, expect, it } from "vitest";
import { planInterview, questionCost } from "../../src/engine/interview/interview-plan";
import { seededRandom } from "../../src/engine/random";
import { reviewCard } from "../../src/engine/review-schedule";
import type { StoredCard } from "../../src/store/review-cards";
import { deepQuestion, question } from "./interview-fixtures";

const now = new Date("2026-03-10T09:00:00Z");
// Each costs 2.5 minutes + 1.5 for its one follow-up = 4.
const questions = ["buckets.a", "buckets.b", "buckets.c", "security.d", "security.e", "security.f"].map((id) => question(id));
const design = question("buckets.design", { kind: "design", minutes: 8 });
const ids = (plan: readonly { id: string }[]) => plan.map((q) => q.id);

const cardDue = (due: Date): StoredCard => ({ ...reviewCard(undefined, "good", new Date("2026-03-01T09:00:00Z")), due: due.toISOString() });

describe("planning an interview", () => {
  it("gives the same plan for the same seed and another for another seed", () => {
    const plan = (seed: number) => ids(planInterview(questions, { minutes: 12, random: seededRandom(seed), cards: {}, now }));
    expect(plan(7)).toEqual(plan(7));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => plan(seed).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("fills the minutes with what the questions and their follow-ups may take", () => {
    expect(questionCost(questions[0]!)).toBe(4);
    expect(planInterview(questions, { minutes: 12, random: seededRandom(1), cards: {}, now })).toHaveLength(3);
    expect(planInterview(questions, { minutes: 11.9, random: seededRandom(1), cards: {}, now })).toHaveLength(2);
    expect(planInterview(questions, { minutes: 100, random: seededRandom(1), cards: {}, now })).toHaveLength(6);
  });

  it("asks at least one question, however few the minutes", () => {
    expect(planInterview(questions, { minutes: 1, random: seededRandom(1), cards: {}, now })).toHaveLength(1);
  });

  it("asks the interview cards due today first, then questions never asked, then the rest", () => {
    const cards = {
      "interview:buckets.a": cardDue(new Date("2026-04-01T00:00:00Z")),
      "interview:buckets.b": cardDue(new Date("2026-03-09T00:00:00Z")),
      "interview:security.d": cardDue(new Date("2026-04-02T00:00:00Z")),
      "interview:security.e": cardDue(new Date("2026-04-03T00:00:00Z")),
      // A quiz card with the same id is not the interview's.
      "security.f": cardDue(new Date("2026-04-03T00:00:00Z")),
    };
    const plan = ids(planInterview(questions, { minutes: 12, random: seededRandom(3), cards, now }));
    expect(plan[0]).toBe("buckets.b");
    expect(new Set(plan.slice(1))).toEqual(new Set(["buckets.c", "security.f"]));
  });

  it("draws only from the topics asked for", () => {
    const plan = planInterview(questions, { minutes: 100, topics: ["security"], random: seededRandom(2), cards: {}, now });
    expect(ids(plan).sort()).toEqual(["security.d", "security.e", "security.f"]);
    expect(planInterview(questions, { minutes: 100, topics: ["nothing"], random: seededRandom(2), cards: {}, now })).toEqual([]);
  });

  it("ends a 20-minute interview on a design prompt, and leaves design prompts out of shorter ones", () => {
    const all = [...questions, design];
    for (const seed of [1, 2, 3]) {
      const long = planInterview(all, { minutes: 20, random: seededRandom(seed), cards: {}, now });
      expect(long.at(-1)?.id).toBe("buckets.design");
      expect(long.reduce((sum, q) => sum + questionCost(q), 0)).toBeLessThanOrEqual(20);
      expect(ids(planInterview(all, { minutes: 19, random: seededRandom(seed), cards: {}, now }))).not.toContain("buckets.design");
    }
  });

  it("budgets every follow-up of the longest chain, up to three", () => {
    expect(questionCost(deepQuestion("buckets.deep"))).toBe(2.5 + 3 * 1.5);
    expect(questionCost(question("buckets.short", { minutes: 3 }))).toBe(4.5);
  });
});
