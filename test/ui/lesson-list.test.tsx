import { afterEach, describe, expect, it } from "vitest";
import { catalog, playedBasics } from "./played-lesson";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the lesson list", () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`shows every lesson's id, time and score, and the chosen one in full, at ${columns}×${rows}`, async () => {
      app = await renderApp({ stateDir: playedBasics(), initialView: { screen: "lessons" }, columns, rows });
      const list = await app.waitFor("s3-tutor lesson s3-basics");
      const lines = list.split("\n");
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      expect(list).toMatch(/lesson +id +time +score/);
      // Every lesson on its row with its id and minutes whole (the list scrolls in a short
      // window, so the last ones show as the cursor reaches them); the finished one with its score.
      const seen = [list];
      for (let moved = 1; moved < catalog.lessons.length; moved += 1) {
        await app.press(KEYS.down);
        const lesson = catalog.lessons[moved];
        if (lesson) seen.push(await app.waitFor(`s3-tutor lesson ${lesson.id}`));
      }
      for (const frame of seen) expect(frame.split("\n").length).toBeLessThanOrEqual(rows);
      for (const lesson of catalog.lessons) expect(seen.join("\n")).toMatch(new RegExp(`[✓◐·] .+ ${lesson.id} +${lesson.minutes} min`));
      for (let moved = 1; moved < catalog.lessons.length; moved += 1) await app.press(KEYS.up);
      await app.waitFor("s3-tutor lesson s3-basics");
      expect(list).toMatch(/✓ S3 in one picture +s3-basics +9 min +30%/);
      expect(list.replace(/\s+/g, " ")).toContain("s3-tutor lesson s3-basics S3 in one picture · score 1.5 of 5 (30%) · about 9 min.");

      await app.press(KEYS.down);
      const second = catalog.lessons[1];
      if (!second) throw new Error("one lesson only");
      const chosen = await app.waitFor(`s3-tutor lesson ${second.id}`);
      // The list scrolls so that the chosen lesson's detail keeps its rows under it, at every size.
      expect(chosen.replace(/\s+/g, " ")).toContain(`s3-tutor lesson ${second.id} ${second.title} · not started · about ${second.minutes} min.`);
    });
  }
});
