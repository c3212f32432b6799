import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/catalog";
import type { Question } from "../../src/content/schema/quiz";
import { seededRandom } from "../../src/engine/random";
import { reviewCard } from "../../src/engine/review-schedule";
import type { QuizHistory } from "../../src/store/quiz-history";
import { openQuizStores } from "../../src/store/quiz-stores";
import type { ReviewCards } from "../../src/store/review-cards";
import { IN_FILE_ORDER, answerOnScreen, choose, questionIdOnScreen } from "./quiz-driver";
import { handClock } from "./hand-clock";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// Every mode on fixture content (a quiz with one question of each type), so the tests can name questions.
const FIXTURE = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));
const fixture = await loadContent([FIXTURE]);
const QUESTIONS = new Map<string, Question>(fixture.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question])));
const question = (id: string): Question => {
  const found = QUESTIONS.get(id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found;
};

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const stateDirWith = (files: { history?: QuizHistory; cards?: ReviewCards }): string => {
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-ui-quiz-"));
  if (files.history) writeFileSync(join(dir, "quiz-history.json"), JSON.stringify(files.history));
  if (files.cards) writeFileSync(join(dir, "review-cards.json"), JSON.stringify(files.cards));
  return dir;
};

const quizView = (mode: "practice" | "exam" | "review" | "mistakes", count?: number) =>
  ({ screen: "quiz", request: { mode, topics: [], tags: [], ...(count ? { count } : {}) } }) as const;

describe("practice mode", () => {
  it("from the home screen: mode, topics, feedback after each answer, I guessed, a flag, then the score; all of it saved", async () => {
    app = await renderApp({ content: [FIXTURE], random: IN_FILE_ORDER });
    await app.waitFor("Practice quiz, exam and review");
    await choose(app, "Practice quiz, exam and review");
    await app.waitFor("Quiz: choose a mode");
    await choose(app, "Practice");
    await app.waitFor("Practice: choose the topics");
    await app.press(KEYS.enter);
    await app.waitFor(`question 1 of ${QUESTIONS.size}  (fixture.shared-namespace)`);

    await answerOnScreen(app, question("fixture.shared-namespace"), true);
    const feedback = await app.waitFor("✓ Correct.");
    expect(feedback).toContain("The name is taken for every account.");
    expect(feedback).toContain("Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html");
    await app.press("g");
    await app.waitFor("~ guessed");
    await app.press("f");
    await app.waitFor("⚑ flagged");
    await app.waitFor("Flagged for review");
    await app.press("n");
    await app.waitFor("(fixture.pick-two)");
    await answerOnScreen(app, question("fixture.pick-two"), true);
    await app.waitFor("✓ Correct.");
    await app.press("n");
    await app.waitFor("(fixture.region-in-name)");
    await answerOnScreen(app, question("fixture.region-in-name"), false);
    await app.waitFor("✗ Not quite. The answer: false");
    await app.press("n");
    await app.waitFor("(fixture.error-code)");
    // Text answers are normalised: case, spaces and quotes do not matter.
    await app.press(' "invalidbucketname" ', KEYS.enter);
    await app.waitFor("✓ Correct.");
    await app.press("n");
    const results = await app.waitFor("Practice: results");
    expect(results).toContain("Score: 3 of 4 (75%)");
    expect(results).toContain("Missed (1)");
    expect(results).toContain("Buckets in different regions may share a name.");
    const stateDir = app.stateDir;
    await app.unmount();
    app = undefined;

    const { stores } = await openQuizStores(stateDir);
    expect(stores.history.data.answers.map((answer) => [answer.questionId, answer.correct, answer.guessed, answer.mode])).toEqual([
      ["fixture.shared-namespace", true, true, "practice"],
      ["fixture.pick-two", true, false, "practice"],
      ["fixture.region-in-name", false, false, "practice"],
      ["fixture.error-code", true, false, "practice"],
    ]);
    expect(Object.keys(stores.cards.data.cards).sort()).toEqual([...QUESTIONS.keys()].sort());
    expect(stores.cards.data.flagged).toEqual(["fixture.shared-namespace"]);
    expect(stores.history.data.sessions).toEqual([expect.objectContaining({ mode: "practice", correct: 3, total: 4 })]);
  });

  it("shuffles the options and still grades by the right ones", async () => {
    app = await renderApp({ content: [FIXTURE], random: seededRandom(11), initialView: quizView("practice") });
    for (let number = 1; number <= QUESTIONS.size; number++) {
      const frame = await app.waitFor(`question ${number} of ${QUESTIONS.size}`);
      await answerOnScreen(app, question(questionIdOnScreen(frame)), true);
      await app.waitFor("✓ Correct.");
      await app.press("n");
    }
    await app.waitFor(`Score: ${QUESTIONS.size} of ${QUESTIONS.size} (100%)`);
  });

  it("while a text answer is typed, letters are text; enter on an empty answer skips", async () => {
    app = await renderApp({ content: [FIXTURE], random: IN_FILE_ORDER, initialView: quizView("practice") });
    await app.waitFor("(fixture.shared-namespace)");
    await app.press("S", "S", "S");
    await app.waitFor("(fixture.error-code)");
    await app.press("qfg");
    await app.waitFor("Your answer: qfg");
    expect(app.exitChoice()).toBeUndefined();
    expect(app.frame()).not.toContain("⚑ flagged");
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.enter);
    await app.waitFor("Practice: results");
    expect(app.frame()).toContain("Score: 0 of 4 (0%)");
  });
});

describe("exam mode", () => {
  const exam = (clock: () => Date, stateDir?: string) =>
    renderApp({ content: [FIXTURE], random: IN_FILE_ORDER, clock, initialView: quizView("exam", 3), ...(stateDir ? { stateDir } : {}) });

  it("has a visible timer and no feedback; at the end the score, pass or fail, time, breakdowns, missed questions explained, and a retry", async () => {
    const time = handClock();
    app = await exam(time.clock);
    const first = await app.waitFor("Exam  question 1 of 3");
    expect(first).toContain("⏱ 4:30 left");
    time.advance(65_000);
    await app.waitFor("⏱ 3:25 left");

    await answerOnScreen(app, question("fixture.shared-namespace"), false);
    const saved = await app.waitFor("Your answer: Yes, in another region");
    expect(saved).not.toMatch(/Correct|Not quite/);
    // An answer may change until the exam ends.
    // A look at the keys keeps the exam as it was.
    await app.press("?");
    await app.waitFor("Keys on this screen (Quiz)");
    await app.press("x");
    await app.waitFor("Your answer: Yes, in another region");
    await app.press("c");
    await app.waitFor("❯ Yes, in another region");
    await app.press(KEYS.enter);
    await app.waitFor("Your answer: Yes, in another region");
    await app.press("n");
    await app.waitFor("(fixture.pick-two)");
    await answerOnScreen(app, question("fixture.pick-two"), true);
    await app.waitFor("Your answer: Buckets are regional; Names are global");
    await app.press("n");
    await app.waitFor("(fixture.region-in-name)");
    await app.press("e");
    await app.waitFor("End the exam with 1 question unanswered? They count as missed.");
    await app.press("y");

    const results = await app.waitFor("Exam: results");
    expect(results).toContain("Score: 1 of 3 (33%) ✗ fail (pass mark 70%)");
    expect(results).toContain("Not answered: 1");
    expect(results).toContain("Time taken: 1:05 of 4:30");
    expect(results).toMatch(/By topic\n\s+fixture\s+1 of 3\s+33%/);
    expect(results).toMatch(/By tag\n\s+namespace\s+0 of 1\s+0%/);
    expect(results).toContain("Missed (2)");
    expect(results).toContain("✗ Your answer: Yes, in another region");
    expect(results).toContain("✓ The answer: No, names are unique in the partition");
    expect(results).toContain("The name is taken for every account.");
    await app.press("\u001B[6~");
    await app.waitFor("✗ Not answered");
    await app.waitFor("r retries the 2 you missed");

    await app.press("r");
    await app.waitFor("Practice  question 1 of 2");
    const stateDir = app.stateDir;
    await app.unmount();
    app = undefined;
    // Only answered questions are recorded; the exam's score is kept for the stats.
    const { stores } = await openQuizStores(stateDir);
    expect(stores.history.data.answers.map((answer) => [answer.questionId, answer.correct, answer.mode])).toEqual([
      ["fixture.shared-namespace", false, "exam"],
      ["fixture.pick-two", true, "exam"],
    ]);
    expect(stores.history.data.sessions).toEqual([expect.objectContaining({ mode: "exam", correct: 1, total: 3, passed: false })]);
  });

  it("hands the exam in when the time is up", async () => {
    const time = handClock();
    app = await exam(time.clock);
    await app.waitFor("⏱ 4:30 left");
    await answerOnScreen(app, question("fixture.shared-namespace"), true);
    await app.waitFor("Your answer:");
    time.advance(4 * 60_000 + 31_000);
    const results = await app.waitFor("Time is up: the exam was handed in.");
    expect(results).toContain("Score: 1 of 3 (33%) ✗ fail");
    expect(results).toContain("Time taken: 4:30 of 4:30");
  });

  it("asks before leaving an exam that was not handed in, and records nothing if the learner leaves", async () => {
    app = await exam(handClock().clock);
    await app.waitFor("Exam  question 1 of 3");
    await answerOnScreen(app, question("fixture.shared-namespace"), true);
    await app.press(KEYS.escape);
    await app.waitFor("Leave the exam? It has not been handed in, so it will not be scored.");
    await app.press("n");
    await app.waitFor((frame) => frame.includes("Exam  question 1 of 3") && !frame.includes("Leave the exam?"));
    await app.press(KEYS.escape);
    await app.waitFor("Leave the exam?");
    await app.press("y");
    await app.waitFor("Practice quiz, exam and review");
    await app.quizStores.history.flush();
    expect(app.quizStores.history.data.answers).toEqual([]);
  });
});

describe("spaced review", () => {
  const now = new Date(2026, 2, 10, 12, 0, 0);
  const cards = (): ReviewCards => ({
    version: 1,
    cards: {
      "fixture.error-code": reviewCard(undefined, "again", new Date(2026, 2, 9, 12)),
      "fixture.pick-two": { ...reviewCard(undefined, "good", new Date(2026, 2, 9, 12)), due: new Date(2026, 2, 20).toISOString() },
    },
    flagged: [],
  });

  it("the home screen says how many cards are due today; review asks them first, then new questions, and reschedules", async () => {
    const stateDir = stateDirWith({ cards: cards() });
    app = await renderApp({ content: [FIXTURE], stateDir, clock: () => now });
    await app.waitFor("1 due for review today");
    await choose(app, "Practice quiz, exam and review");
    await app.waitFor("Spaced review  1 due today");
    await choose(app, "Spaced review");
    await app.waitFor("Spaced review: choose the topics");
    await app.press(KEYS.enter);
    // The due card first; the card not due yet is left out; the two never answered follow.
    await app.waitFor("Spaced review  question 1 of 3  (fixture.error-code)");
    await answerOnScreen(app, question("fixture.error-code"), true);
    await app.waitFor("✓ Correct.");
    await app.press("n");
    const second = questionIdOnScreen(await app.waitFor("question 2 of 3"));
    expect(["fixture.shared-namespace", "fixture.region-in-name"]).toContain(second);
    await app.press(KEYS.escape);
    // Still due today: a card in its learning steps comes back ten minutes after a right answer.
    await app.waitFor("1 due for review today");
    await app.unmount();
    app = undefined;
    const { stores } = await openQuizStores(stateDir);
    const card = stores.cards.data.cards["fixture.error-code"];
    expect(card?.reps).toBe(2);
    expect(card?.lastReview).toBe(now.toISOString());
    expect(Date.parse(card?.due ?? "") - now.getTime()).toBe(10 * 60_000);
  });

  it("says when the next card is due when nothing is due and every question has a card", async () => {
    const due = new Date(2026, 2, 20, 9).toISOString();
    const all = Object.fromEntries([...QUESTIONS.keys()].map((id) => [id, { ...reviewCard(undefined, "good", now), due }]));
    app = await renderApp({ content: [FIXTURE], stateDir: stateDirWith({ cards: { version: 1, cards: all, flagged: [] } }), clock: () => now, initialView: quizView("review") });
    await app.waitFor("Nothing is due for review today. The next card is due on 2026-03-20.");
  });
});

describe("mistakes mode", () => {
  const at = (hours: number) => new Date(Date.parse("2026-03-02T10:00:00.000Z") + hours * 3_600_000).toISOString();
  const history: QuizHistory = {
    version: 1,
    answers: [
      { questionId: "fixture.region-in-name", correct: false, guessed: false, mode: "exam", at: at(0) },
      { questionId: "fixture.shared-namespace", correct: false, guessed: false, mode: "practice", at: at(1) },
      { questionId: "fixture.shared-namespace", correct: true, guessed: false, mode: "review", at: at(2) },
    ],
    sessions: [],
  };

  it("asks only the questions answered wrong and not right since; a right answer takes one out", async () => {
    const stateDir = stateDirWith({ history });
    app = await renderApp({ content: [FIXTURE], stateDir, initialView: quizView("mistakes") });
    await app.waitFor("My mistakes  question 1 of 1  (fixture.region-in-name)");
    await answerOnScreen(app, question("fixture.region-in-name"), true);
    await app.waitFor("✓ Correct.");
    await app.press("n");
    await app.waitFor("Score: 1 of 1 (100%)");
    await app.press(KEYS.escape);
    await choose(app, "Practice quiz, exam and review");
    await app.waitFor("My mistakes  0 to go over");
    await choose(app, "My mistakes");
    await app.press(KEYS.enter);
    await app.waitFor("No mistakes to go over: every question you got wrong here, you have since got right.");
  });
});

describe("the stats screen", () => {
  it("shows accuracy per topic over the weeks, the streak, what is due and the weakest tags", async () => {
    const now = new Date(2026, 2, 20, 18);
    const day = (daysAgo: number) => new Date(2026, 2, 20 - daysAgo, 10).toISOString();
    const history: QuizHistory = {
      version: 1,
      answers: [
        { questionId: "fixture.shared-namespace", correct: false, guessed: false, mode: "practice", at: day(8) },
        { questionId: "fixture.shared-namespace", correct: false, guessed: false, mode: "practice", at: day(1) },
        { questionId: "fixture.shared-namespace", correct: true, guessed: false, mode: "review", at: day(0) },
        { questionId: "fixture.error-code", correct: true, guessed: false, mode: "practice", at: day(0) },
      ],
      sessions: [{ mode: "exam", startedAt: day(1), finishedAt: day(1), correct: 3, total: 4, passed: true }],
    };
    app = await renderApp({ content: [FIXTURE], stateDir: stateDirWith({ history }), clock: () => now });
    await choose(app, "Quiz stats");
    const stats = await app.waitFor("Accuracy per topic");
    expect(stats).toContain("4 answers, 50% right; streak: 2 days in a row.");
    expect(stats).toContain("Review: 0 due today. Flagged: 0. Mistakes to go over: 0.");
    expect(stats).toMatch(/fixture\s+–\s+–\s+0%\s+67%\s+50% of 4/);
    expect(stats).toMatch(/Weakest tags\n\s+namespace\s+1 of 3\s+33%/);
    expect(stats).toMatch(/2026-03-19 {2}3 of 4 \(75%\) {2}✓ pass/);
  });
});

describe("quiz files that cannot be read", () => {
  it("are moved aside, the learner is told, and the quiz starts afresh", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-ui-quiz-"));
    writeFileSync(join(stateDir, "quiz-history.json"), '{"version":1,"answers":[{"questionId":');
    writeFileSync(join(stateDir, "review-cards.json"), "[]");
    app = await renderApp({ content: [FIXTURE], stateDir });
    const home = await app.waitFor("Your quiz history file could not be read");
    expect(home).toContain("0 due for review today");
    expect(app.notices).toEqual([
      expect.stringMatching(/^Your quiz history file could not be read .* kept as .*quiz-history\.json\.corrupt-/),
      expect.stringMatching(/^Your review cards file could not be read \(not a review cards file of this version\)/),
    ]);
  });
});
