import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { IN_FILE_ORDER } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

const FIXTURE = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the exam header", () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`keeps the marks and the clock apart at ${columns}×${rows}`, async () => {
      app = await renderApp({
        content: [FIXTURE],
        random: IN_FILE_ORDER,
        columns,
        rows,
        initialView: { screen: "quiz", request: { mode: "exam", topics: [], tags: [], count: 3 } },
      });
      await app.waitFor("left");
      await app.press(KEYS.enter, "f", "g");
      // Both marks, not only the word: the key hints may say "guessed" before the keys are handled.
      const frame = await app.waitFor((shown) => shown.includes("⚑ flagged") && shown.includes("~ guessed"));
      const lines = frame.split("\n");
      // The clock is whole, on the first row, with nothing written into it.
      expect(lines[0]).toMatch(/ {2}⏱ \d+:\d\d left$/);
      expect(frame).toContain("⚑ flagged");
      expect(frame).toContain("~ guessed");
      expect(frame).toContain("(fixture.shared-namespace)");
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      // The question is still there under the header.
      expect(frame).toContain("Your answer: Yes, in another region");
    });
  }
});
