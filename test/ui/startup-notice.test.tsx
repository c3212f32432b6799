import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const withCorruptProgress = async (): Promise<string> => {
  const first = await renderApp();
  const stateDir = first.stateDir;
  await first.unmount();
  writeFileSync(join(stateDir, "progress.json"), "{ not json");
  return stateDir;
};

const MENU = ["Start: S3 in one picture", "Lessons", "Practice quiz, exam and review", "Mock interview", "Quiz stats", "Target and region", "Help", "Quit"];

describe("the notice about a corrupt progress file", () => {
  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`fits the first screen with the whole menu, and stays while the learner moves about it, at ${columns}×${rows}`, async () => {
      app = await renderApp({ stateDir: await withCorruptProgress(), columns, rows });
      const home = await app.waitFor("could not be read");
      const lines = home.split("\n");
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      // Every menu row is whole: nothing drawn over another.
      for (const label of MENU) expect(lines.some((line) => line.trimStart().replace(/^❯ /, "").startsWith(label))).toBe(true);
      // The notice is there to the end: where the old file went, and that the learner starts afresh.
      const notice = home.slice(home.indexOf("Your progress file"), home.lastIndexOf("────"));
      expect(notice.replace(/\s*\n\s*/g, "")).toMatch(/progress\.json\.corrupt-/);
      expect(notice.replace(/\s+/g, " ")).toContain("and you start fresh.");
      expect(lines.at(-1)).toContain("q quit");

      await app.press(KEYS.down, KEYS.down, KEYS.up);
      expect(app.frame()).toContain("Your progress file could not be read");
      await app.press("?");
      await app.waitFor("Keys on this screen (Home)");
      await app.press("x");
      await app.waitFor("Practice quiz");
      expect(app.frame()).toContain("Your progress file could not be read");

      // Another screen, and back: the learner has seen it, it is gone.
      await app.press(KEYS.enter);
      await app.waitFor("✓ done · ◐ started");
      expect(app.frame()).not.toContain("could not be read");
      await app.press(KEYS.escape);
      await app.waitFor("Practice quiz");
      expect(app.frame()).not.toContain("could not be read");
    });
  }

  it("home without a notice keeps its whole menu at 60×20", async () => {
    app = await renderApp({ columns: 60, rows: 20 });
    const home = await app.waitFor("Start: S3 in one picture");
    const lines = home.split("\n");
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const label of MENU) expect(lines.some((line) => line.trimStart().replace(/^❯ /, "").startsWith(label))).toBe(true);
    expect(home).toContain("Welcome!");
  });
});
