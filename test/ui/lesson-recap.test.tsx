import { afterEach, describe, expect, it } from "vitest";
import { basics, catalog, playedBasics } from "./played-lesson";
import { renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the lesson recap", () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`explains the score step by step and offers the next lesson, at ${columns}×${rows}`, async () => {
      const next = catalog.lessons[catalog.lessons.indexOf(basics) + 1];
      if (!next) throw new Error("s3-basics is not followed by another lesson");
      app = await renderApp({ stateDir: playedBasics(), initialView: { screen: "lesson", lessonId: "s3-basics" }, columns, rows });
      await app.waitFor("step 8 of 8");
      await app.press("n");
      const recap = await app.waitFor("score 1.5 of 5 (30%)");
      for (const line of recap.split("\n")) expect(line.length).toBeLessThanOrEqual(columns);
      expect(recap).toContain("n next");
      // Everything the recap shows, page by page, down to the offer of the next lesson at its end.
      const pages = [recap];
      for (let page = 0; page < 8 && !app.frame().includes("next lesson:"); page++) {
        const above = (frame: string) => Number(/↑ (\d+) more/.exec(frame)?.[1] ?? 0);
        const before = above(app.frame());
        await app.press("\u001B[6~");
        // Each page once it is drawn: the count above has moved (a frame read too soon is the last page again).
        pages.push(await app.waitFor((frame) => above(frame) !== before));
      }
      const flat = pages.join("\n").replace(/\s+/g, " ");
      expect(flat).toContain("A point for each question right the first time and each hands-on step you passed yourself; half with the hint; none when done for you (s) or skipped. Reading earns nothing.");
      expect(flat).toMatch(/ 0 question: .* \(wrong the first time\)/);
      expect(flat).toMatch(/ ½ hands-on: .* \(passed with the hint: half\)/);
      expect(flat).toMatch(/ 0 hands-on: .* \(done for you\)/);
      expect(flat).toMatch(/ 0 hands-on: .* \(skipped\)/);
      expect(flat).toMatch(/ 1 question: .* \(right the first time\)/);
      const offer = (await app.waitFor("next lesson:")).replace(/\s+/g, " ");
      expect(offer).toContain(`n next lesson: ${next.title} (${next.id}, ${next.minutes} min)`);
      await app.press("n");
      await app.waitFor(`${next.title}  step 1 of ${next.steps.length}`);
    });
  }
});
