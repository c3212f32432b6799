import { describe, expect, it } from "vitest";
import { mistakeIds } from "../../src/engine/mistakes";
import { planQuiz } from "../../src/engine/quiz-plan";
import { DEFAULT_EXAM_COUNT, filterProblem, selectQuestions, type SelectionInput } from "../../src/engine/quiz-selection";
import { seededRandom } from "../../src/engine/random";
import { reviewCard } from "../../src/engine/review-schedule";
import type { HistoryAnswer, QuizHistory } from "../../src/store/quiz-history";
import type { ReviewCards } from "../../src/store/review-cards";
import { QUESTIONS } from "./quiz-fixtures";

const now = new Date(2026, 2, 10, 12, 0, 0);
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const answer = (questionId: string, correct: boolean, hoursAgo: number): HistoryAnswer => ({ questionId, correct, guessed: false, mode: "practice", at: ago(hoursAgo) });
const noHistory: QuizHistory = { version: 1, answers: [], sessions: [] };
const noCards: ReviewCards = { version: 1, cards: {}, flagged: [] };
const input = (changes: Partial<SelectionInput> = {}): SelectionInput => ({ questions: QUESTIONS, history: noHistory, cards: noCards, now, random: seededRandom(1), ...changes });
const all = { topics: [], tags: [] };
const ids = (selection: { questions: { id: string }[] }) => selection.questions.map((question) => question.id);

describe("the mistakes deck", () => {
  it("holds questions whose latest answer was wrong, in any mode", () => {
    const answers = [
      answer("naming.shared", false, 30),
      answer("naming.shared", true, 20), // put right since: out
      answer("naming.rules", true, 30),
      answer("naming.rules", false, 10), // wrong since: in
      answer("naming.code", false, 5),
    ];
    expect(mistakeIds(answers).sort()).toEqual(["naming.code", "naming.rules"]);
  });

  it("selects only those, shuffled, and says why when there are none", () => {
    const history: QuizHistory = { ...noHistory, answers: [answer("naming.code", false, 5), answer("replication.existing", false, 2)] };
    expect(ids(selectQuestions("mistakes", all, undefined, input({ history }))).sort()).toEqual(["naming.code", "replication.existing"]);
    expect(ids(selectQuestions("mistakes", { topics: ["replication"], tags: [] }, undefined, input({ history })))).toEqual(["replication.existing"]);
    expect(selectQuestions("mistakes", all, undefined, input())).toMatchObject({ reason: expect.stringContaining("not answered a question here wrong") });
    const fixed: QuizHistory = { ...noHistory, answers: [answer("naming.code", false, 5), answer("naming.code", true, 1)] };
    expect(selectQuestions("mistakes", all, undefined, input({ history: fixed }))).toMatchObject({ reason: expect.stringContaining("you have since got right") });
  });
});

describe("practice and exam", () => {
  it("practice asks every question that matches, shuffled", () => {
    const selection = selectQuestions("practice", all, undefined, input());
    expect(ids(selection).sort()).toEqual(QUESTIONS.map((question) => question.id).sort());
    const orders = new Set([1, 2, 3, 4].map((seed) => ids(selectQuestions("practice", all, undefined, input({ random: seededRandom(seed) }))).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("filters by topic and by tag (any of the tags given)", () => {
    expect(ids(selectQuestions("practice", { topics: ["replication"], tags: [] }, undefined, input())).sort()).toEqual(["replication.existing", "replication.versioning"]);
    expect(ids(selectQuestions("practice", { topics: [], tags: ["errors", "replication"] }, undefined, input())).sort()).toEqual([
      "naming.code",
      "replication.existing",
      "replication.versioning",
    ]);
    expect(selectQuestions("practice", { topics: ["replication"], tags: ["errors"] }, undefined, input())).toMatchObject({ questions: [], reason: expect.any(String) });
  });

  it("an exam asks --count questions, 20 by default, and gives 90 seconds each", () => {
    expect(DEFAULT_EXAM_COUNT).toBe(20);
    expect(selectQuestions("exam", all, 4, input()).questions).toHaveLength(4);
    expect(selectQuestions("exam", all, undefined, input()).questions).toHaveLength(Math.min(DEFAULT_EXAM_COUNT, QUESTIONS.length));
    const plan = planQuiz({ mode: "exam", ...all, count: 4 }, input());
    if (!("state" in plan)) throw new Error(plan.reason);
    expect(plan.state.timeLimitMs).toBe(4 * 90_000);
    expect(plan.state.mode).toBe("exam");
  });

  it("names an unknown topic or tag with the ones there are", () => {
    expect(filterProblem(QUESTIONS, { topics: ["nope"], tags: [] })).toBe('there is no quiz topic "nope". Topics: naming, replication.');
    expect(filterProblem(QUESTIONS, { topics: [], tags: ["nope", "nada"] })).toBe(
      'no question has the tags "nope", "nada". Tags: errors, namespace, naming, replication.',
    );
    expect(filterProblem(QUESTIONS, { topics: ["naming"], tags: ["errors"] })).toBeUndefined();
  });

  it("a retry asks exactly the questions given", () => {
    const plan = planQuiz({ mode: "practice", ...all, questionIds: ["naming.code", "replication.existing", "gone.question"] }, input());
    if (!("state" in plan)) throw new Error(plan.reason);
    expect(plan.state.items.map((item) => item.questionId).sort()).toEqual(["naming.code", "replication.existing"]);
  });
});

describe("spaced review", () => {
  const card = (hoursAgoAnswered: number, correct: boolean) => reviewCard(undefined, correct ? "good" : "again", new Date(ago(hoursAgoAnswered)));

  it("asks due cards and flagged questions first, then questions never answered", () => {
    const future = { ...card(1, true), due: new Date(now.getTime() + 5 * 86_400_000).toISOString() };
    const cards: ReviewCards = {
      version: 1,
      cards: { "naming.shared": card(30, true), "naming.rules": future, "naming.code": card(2, false), "replication.versioning": future },
      flagged: ["replication.versioning"],
    };
    const selection = ids(selectQuestions("review", all, undefined, input({ cards })));
    expect(selection.slice(0, 3).sort()).toEqual(["naming.code", "naming.shared", "replication.versioning"]);
    expect(selection.slice(3).sort()).toEqual(["naming.regions", "replication.existing"]);
    expect(selection).not.toContain("naming.rules");
    // --count caps the deck, due cards first.
    const capped = ids(selectQuestions("review", all, 2, input({ cards })));
    expect(capped).toHaveLength(2);
    for (const id of capped) expect(["naming.code", "naming.shared", "replication.versioning"]).toContain(id);
  });

  it("says when the next card is due when nothing is", () => {
    const due = new Date(2026, 2, 15, 9, 0, 0);
    const cards: ReviewCards = {
      version: 1,
      cards: Object.fromEntries(QUESTIONS.map((question) => [question.id, { ...card(1, true), due: due.toISOString() }])),
      flagged: [],
    };
    expect(selectQuestions("review", all, undefined, input({ cards }))).toEqual({
      questions: [],
      reason: "Nothing is due for review today. The next card is due on 2026-03-15.",
    });
  });
});
