import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/catalog";
import { INTERVIEW_PURPOSE, planInterview } from "../../src/engine/interview/interview-plan";
import { seededSource } from "../../src/engine/random";
import { reviewCard } from "../../src/engine/review-schedule";
import type { ReviewCards } from "../../src/store/review-cards";
import { openQuizStores } from "../../src/store/quiz-stores";
import { choose } from "./quiz-driver";
import { handClock } from "./hand-clock";
import { PASTE_END, PASTE_START } from "../../src/ui/keys/bracketed-paste";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// The fixture lessons, and two interview questions over them (test/fixtures/content/interview).
const GOOD = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));
const INTERVIEWS = fileURLToPath(new URL("../fixtures/content/interview", import.meta.url));
const fixture = await loadContent([GOOD, INTERVIEWS]);
const questions = fixture.interviews.flatMap((loaded) => loaded.interviews.interviews);
const SEED = 3;
const PAGE_DOWN = "\u001B[6~";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

/** From home to the first question: "Mock interview", 20 minutes (the first choice), every topic. */
const toFirstQuestion = async (app: RenderedApp): Promise<string> => {
  await app.waitFor("Mock interview");
  await choose(app, "Mock interview");
  await app.waitFor("❯ 20 minutes");
  await app.press(KEYS.enter);
  await app.waitFor("Mock interview, 20 minutes: choose the topics");
  expect(app.frame()).toContain("[ ] Fixture interview  2 questions");
  await app.press(KEYS.enter);
  return app.waitFor("question 1 of 2");
};

/** The row of the rubric that holds `text`. */
const rowWith = (frame: string, text: string): string => frame.split("\n").find((line) => line.includes(text)) ?? "";

describe("the mock interview", () => {
  it("the fixture content is valid", () => expect(fixture.problems).toEqual([]));

  it("asks as the seed plans; a typed answer pre-ticks what it covers; the candidate corrects it; a missed point chooses the follow-up", async () => {
    const time = handClock();
    const plan = planInterview(questions, { minutes: 20, random: seededSource(SEED)(INTERVIEW_PURPOSE), cards: {}, now: time.clock() });
    expect(plan.map((question) => question.id)).toEqual(["fixture.where-buckets-live", "fixture.error-codes"]);

    app = await renderApp({ content: [GOOD, INTERVIEWS], seed: SEED, clock: time.clock, columns: 80, rows: 24 });
    let frame = await toFirstQuestion(app);
    expect(frame).toContain("Where does a bucket live, and who else can use its name?");
    expect(frame).toContain("⏱ 2:00 left");
    time.advance(2 * 60_000 + 5_000);
    // The clock does not cut the candidate off: it says how far over they are.
    await app.waitFor("⏱ over time 0:05");

    // Letters are text here: q neither quits nor e ends.
    await app.press(..."It lives in one region; versioning keeps every version. q");
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.enter);
    frame = await app.waitFor("Which points did you make?");
    expect(frame).toContain("You said: It lives in one region; versioning keeps every version.");
    expect(rowWith(frame, "A bucket lives in the one Region")).toContain("[x]");
    expect(frame).toContain('seems covered — you said "one region"');
    expect(rowWith(frame, "Its name is taken in every Region")).toContain("[ ]");
    expect(rowWith(frame, "Versioning keeps every version")).toContain("[x]");
    expect(frame).toContain('seems covered — you said "versioning"');
    expect(app.exitChoice()).toBeUndefined();

    // The candidate has the last word: 3 unticks versioning, then ↓↓ and space tick it again.
    await app.press("3");
    expect(rowWith(await app.waitFor((f) => rowWith(f, "Versioning keeps every version").includes("[ ]")), "Versioning")).toContain("3 [ ]");
    await app.press(KEYS.down, KEYS.down, " ");
    await app.waitFor((f) => rowWith(f, "Versioning keeps every version").includes("❯ 3 [x]"));

    // The name point was missed: the follow-up that listens for it comes next.
    await app.press(KEYS.enter);
    frame = await app.waitFor("So what happens when another account asks for the same bucket name?");
    expect(frame).toContain("follow-up: ask 2 of up to 4");
    expect(frame).toContain("You did not mention: Its name is taken in every Region and every account.");
    expect(frame).toContain("⏱ 1:30 left");

    // Answered out loud: nothing typed, nothing pre-ticked; the candidate ticks what they said.
    time.advance(40_000);
    await app.press(KEYS.enter);
    frame = await app.waitFor("You answered out loud.");
    expect(frame).not.toContain("seems covered");
    expect(rowWith(frame, "The create fails with BucketAlreadyExists")).toContain("1 [ ]");
    await app.press("1");
    await app.waitFor((f) => rowWith(f, "The create fails with BucketAlreadyExists").includes("[x]"));
    expect(app.frame()).toContain("enter: scored, on to the next question");
    await app.press(KEYS.enter);

    frame = await app.waitFor("question 2 of 2");
    expect(frame).toContain("A create-bucket call fails. Which error codes would you expect, and why?");
    time.advance(50_000);
    await app.press(..."InvalidBucketName, or BucketAlreadyExists when another account has it", KEYS.enter);
    frame = await app.waitFor("Which points did you make?");
    expect(rowWith(frame, "another account has the name")).toContain("[x]");
    expect(rowWith(frame, "BucketAlreadyOwnedByYou")).toContain("[ ]");
    // e scores this rubric and ends the interview: the report.
    await app.press("e");
    frame = await app.waitFor("Mock interview: report (ended early)");
    expect(frame).toContain("Score: 5 of 8 points (63%) · time used 3:35 of 20:00");
    expect(frame).toMatch(/~ 3 of 5 \(60%\)\s+Where does a bucket live/);
    expect(frame).toContain("✗ Its name is taken in every Region and every account");
    expect(frame).toContain("✗ It fails in any Region they try (follow-up)");
    expect(frame).toMatch(/~ 2 of 3 \(67%\)\s+A create-bucket call fails/);
    // What to study: the missed points by the lesson step that teaches them.
    expect(frame).toContain("What to study next (enter opens the lesson at that step)");
    expect(frame).toContain("❯ Buckets live in a region, step 2: Question fixture.shared-namespace");
    expect(frame).toContain("enter open lesson");
    await app.press(PAGE_DOWN);
    expect(await app.waitFor("Your interviews so far")).toMatch(/2026-03-02  █+·+\s+63%  ← now/);

    // Written when the report came up: a card per question answered, and the interview in the history.
    const stateDir = app.stateDir;
    await app.quizStores.cards.flush();
    const cards = app.quizStores.cards.data.cards;
    expect(Object.keys(cards).sort()).toEqual(["interview:fixture.error-codes", "interview:fixture.where-buckets-live"]);
    expect(app.quizStores.history.data.interviews).toEqual([
      expect.objectContaining({ endedBy: "ended", questions: [expect.objectContaining({ questionId: "fixture.where-buckets-live", made: 3, asked: 5 }), expect.objectContaining({ questionId: "fixture.error-codes", made: 2, asked: 3 })] }),
    ]);

    // Enter opens the lesson at the step that teaches the missed point.
    await app.press(KEYS.down, KEYS.up, KEYS.enter);
    frame = await app.waitFor("step 2 of 5");
    expect(frame).toContain("Buckets live in a region");
    await app.unmount();
    app = undefined;
    const { stores } = await openQuizStores(stateDir);
    expect(stores.cards.data.cards["interview:fixture.where-buckets-live"]).toBeDefined();
  });

  it("a pasted answer of several lines (a bracketed paste) stays in the box as lines, and enter sends it whole", async () => {
    const time = handClock();
    app = await renderApp({ content: [GOOD, INTERVIEWS], seed: SEED, clock: time.clock, columns: 80, rows: 24 });
    await toFirstQuestion(app);
    // As a terminal in bracketed paste mode sends it: marks around the text, line breaks as CR.
    await app.burst(`${PASTE_START}It lives in one region.\rVersioning keeps every version.\r${PASTE_END}`);
    const frame = await app.waitFor("Versioning keeps every version.");
    expect(frame).toContain("question 1 of 2");
    expect(frame).not.toContain("Which points did you make?");
    expect(rowWith(frame, "It lives in one region.")).not.toContain("Versioning");
    await app.press(KEYS.enter);
    const scoring = await app.waitFor("Which points did you make?");
    expect(scoring).toContain("You said: It lives in one region. / Versioning keeps every version.");
    const rubricRow = (text: string) => scoring.split("\n").find((line) => line.includes(text) && /\[.\]/.test(line)) ?? "";
    expect(rubricRow("A bucket lives in the one Region")).toContain("[x]");
    expect(rubricRow("Versioning keeps every version")).toContain("[x]");
  });

  it("home counts the interview cards due; the interview asks a due one first", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-ui-interview-"));
    const yesterday = new Date(Date.parse("2026-03-01T10:00:00.000Z"));
    const cards: ReviewCards = { version: 1, cards: { "interview:fixture.error-codes": reviewCard(undefined, "again", yesterday) }, flagged: [] };
    writeFileSync(join(stateDir, "review-cards.json"), JSON.stringify(cards));
    app = await renderApp({ content: [GOOD, INTERVIEWS], stateDir, seed: SEED, clock: handClock().clock });
    await app.waitFor("Mock interview  2 questions, with follow-ups · 1 due for review");
    await choose(app, "Mock interview");
    await app.waitFor("❯ 20 minutes");
    await app.press(KEYS.enter);
    await app.waitFor("choose the topics");
    await app.press(KEYS.enter);
    // The seed alone asks where-buckets-live first (the test above); the due card comes before it.
    const frame = await app.waitFor("question 1 of 2");
    expect(frame).toContain("A create-bucket call fails.");
  });

  it("the answer box takes several lines (ctrl+j), edits where the cursor is, and hands over the whole answer", async () => {
    app = await renderApp({ content: [GOOD, INTERVIEWS], seed: SEED, initialView: { screen: "interview", minutes: 10 } });
    await app.waitFor("Where does a bucket live");
    await app.press(..."one regon", "\n", ..."globaly unique");
    await app.waitFor("globaly unique");
    // Back along the line, a letter in; then up a line (the same column), along one, a letter in there too.
    await app.press(...Array<string>(9).fill(KEYS.left), "l", KEYS.up, KEYS.right, "i");
    const typed = await app.waitFor("  globally unique");
    expect(typed).toContain("❯ one region");
    await app.press(KEYS.enter);
    const scoring = await app.waitFor("Which points did you make?");
    expect(scoring).toContain("You said: one region / globally unique");
    expect(rowWith(scoring, "Its name is taken in every Region")).toContain("[x]");
  });

  it("at 60×20: every row fits, a long answer's too; S skips a question; leaving asks first and records nothing", async () => {
    app = await renderApp({ content: [GOOD, INTERVIEWS], seed: SEED, columns: 60, rows: 20, initialView: { screen: "interview", minutes: 10 } });
    let frame = await app.waitFor("Where does a bucket live");
    const fits = (shown: string) => {
      const lines = shown.split("\n");
      expect(lines.length).toBeLessThanOrEqual(20);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    };
    fits(frame);
    // A long answer scrolls inside its box, which keeps within the window.
    await app.burst("word ".repeat(120).trim());
    frame = await app.waitFor(/↑ \d+ more lines/);
    fits(frame);
    expect(frame).toContain("enter: done");
    await app.press(KEYS.enter);
    frame = await app.waitFor("Which points did you make?");
    fits(frame);
    await app.press("S");
    frame = await app.waitFor("question 2 of 2");
    expect(frame).toContain("A create-bucket call fails.");
    await app.press(KEYS.escape);
    await app.waitFor("Leave the interview? Nothing of it is recorded");
    await app.press("n");
    await app.press(..."still here");
    await app.waitFor("❯ still here");
    await app.press(KEYS.escape);
    await app.waitFor("Leave the interview?");
    await app.press("y");
    await app.waitFor("Mock interview  ");
    expect(app.frame()).toContain("Practice quiz, exam and review");
    await app.quizStores.history.flush();
    expect(app.quizStores.history.data.interviews ?? []).toEqual([]);
    expect(Object.keys(app.quizStores.cards.data.cards)).toEqual([]);
  });
});
