import { afterEach, describe, expect, it } from "vitest";
import { renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the interview drill", () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`keeps the model answer and the follow-ups hidden until the learner asks, at ${columns}×${rows}`, async () => {
      app = await renderApp({ initialView: { screen: "lesson", lessonId: "interview-drill" }, columns, rows });
      await app.waitFor("How to use this drill");
      await app.press("n");
      const asked = await app.waitFor("Is S3 a global or a regional service?");
      expect(asked).toContain("step 2 of");
      expect(asked.replace(/\s+/g, " ")).toContain("Answer it yourself first: press n to see the rest.");
      expect(asked).not.toContain("Model answer");
      expect(asked).not.toContain("Follow-ups");
      expect(asked).not.toMatch(/more lines? below/);

      // The first n shows it, on the same step; the next one moves on.
      await app.press("n");
      const shown = await app.waitFor("Model answer.");
      expect(shown).toContain("step 2 of");
      expect(shown).toContain("Is S3 a global or a regional service?");
      for (const line of shown.split("\n")) expect(line.length).toBeLessThanOrEqual(columns);
      expect(shown).not.toContain("press n to see the rest");
      await app.press("n");
      await app.waitFor("step 3 of");
      // Back again: what was shown stays shown.
      await app.press("b");
      await app.waitFor("step 2 of");
      expect(app.frame()).toContain("Model answer.");
    });
  }
});
