import { afterEach, describe, expect, it } from "vitest";
import { openQuizStores } from "../../src/store/quiz-stores";
import { IN_FILE_ORDER, answerOnScreen, choose } from "./quiz-driver";
import { FIXTURE, question } from "./fixture-questions";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const SIZES = [
  [60, 20],
  [80, 24],
] as const;

describe('"I was right" in a practice quiz', () => {
  for (const [columns, rows] of SIZES) {
    it(`counts a typed answer marked wrong as right, flags it, and the stats say so, at ${columns}×${rows}`, async () => {
      app = await renderApp({
        content: [FIXTURE],
        random: IN_FILE_ORDER,
        columns,
        rows,
        initialView: { screen: "quiz", request: { mode: "practice", topics: [], tags: [] } },
      });
      for (const id of ["fixture.shared-namespace", "fixture.pick-two", "fixture.region-in-name"]) {
        await app.waitFor(`(${id})`);
        await answerOnScreen(app, question(id), true);
        await app.waitFor("✓ Correct.");
        // A choice answer is not offered the override.
        expect(app.frame()).not.toContain("I was right");
        await app.press("n");
      }
      await app.waitFor("(fixture.error-code)");
      await app.press("InvalidName", KEYS.enter);
      // The status bar follows once the answer line has gone.
      const wrong = await app.waitFor(/✗ Not quite[\s\S]*i I was right/);
      expect(wrong.replace(/\s+/g, " ")).toContain("Right in other words? Press i (I was right): it counts as right, flagged for review.");
      await app.press("i");
      const marked = await app.waitFor("✓ You marked it right");
      expect(marked).toContain("⚑ flagged");
      expect(marked).not.toContain("Right in other words?");
      for (const line of marked.split("\n")) expect(line.length).toBeLessThanOrEqual(columns);
      // Once is enough.
      await app.press("i");
      await app.waitFor("Already marked right.");
      await app.press("n");
      const results = await app.waitFor("Practice: results");
      expect(results).toContain("Score: 4 of 4 (100%)");

      await app.press(KEYS.escape);
      await app.waitFor("Quiz stats");
      await choose(app, "Quiz stats");
      const stats = (await app.waitFor("Marked right by you")).replace(/\s+/g, " ");
      expect(stats).toContain('Marked right by you ("I was right"), flagged to check: fixture.error-code.');
      expect(stats).toContain("Flagged: 1.");

      const stateDir = app.stateDir;
      await app.unmount();
      app = undefined;
      const { stores } = await openQuizStores(stateDir);
      expect(stores.history.data.answers.at(-1)).toEqual(expect.objectContaining({ questionId: "fixture.error-code", correct: true, markedRight: true }));
      expect(stores.history.data.answers.filter((answer) => answer.markedRight)).toHaveLength(1);
      expect(stores.cards.data.flagged).toEqual(["fixture.error-code"]);
      expect(stores.history.data.sessions).toEqual([expect.objectContaining({ correct: 4, total: 4 })]);
    });
  }

  it("is not offered for a right typed answer, and the key says why", async () => {
    app = await renderApp({
      content: [FIXTURE],
      random: IN_FILE_ORDER,
      initialView: { screen: "quiz", request: { mode: "practice", topics: [], tags: [], questionIds: ["fixture.error-code"] } },
    });
    await app.waitFor("(fixture.error-code)");
    await app.press("InvalidBucketName", KEYS.enter);
    const right = await app.waitFor("✓ Correct.");
    expect(right).not.toContain("I was right");
    await app.press("i");
    await app.waitFor("That answer is already right.");
  });
});

describe('"I was right" in a lesson question', () => {
  for (const [columns, rows] of SIZES) {
    it(`earns the point, says so in the recap, and flags the question, at ${columns}×${rows}`, async () => {
      app = await renderApp({ content: [FIXTURE], random: IN_FILE_ORDER, columns, rows, initialView: { screen: "lesson", lessonId: "fixture-follow-up" } });
      await app.waitFor("step 1 of 3");
      await app.press("S", "S");
      await app.waitFor("step 3 of 3");
      await app.press("InvalidName", KEYS.enter);
      // The status bar follows once the answer line has gone.
      const wrong = await app.waitFor(/✗ Not quite[\s\S]*i I was right/);
      expect(wrong.replace(/\s+/g, " ")).toContain("Press i (I was right)");
      await app.press("i");
      await app.waitFor("✓ You marked it right");
      await app.press("n");
      const recap = (await app.waitFor("score 1 of 3")).replace(/\s+/g, " ");
      expect(recap).toContain("(you marked your answer right (flagged for review))");
      const stateDir = app.stateDir;
      await app.unmount();
      app = undefined;
      const { stores } = await openQuizStores(stateDir);
      expect(stores.cards.data.flagged).toEqual(["fixture.error-code"]);
    });
  }
});
