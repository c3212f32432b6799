import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { IN_FILE_ORDER } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// Every screen that holds more than fits scrolls, says so, and reaches its last line.
const CODE_FIXTURE = fileURLToPath(new URL("../fixtures/content/code-view", import.meta.url));
const MARKDOWN_FIXTURE = fileURLToPath(new URL("../fixtures/content/markdown", import.meta.url));
const PAGE_DOWN = "\u001B[6~";
const PAGE_UP = "\u001B[5~";
const END = "\u001B[F";
const SIZES = [
  { columns: 60, rows: 20 },
  { columns: 80, rows: 24 },
] as const;

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
  vi.unstubAllEnvs();
});

const open = async (size: { columns: number; rows: number }, options: Parameters<typeof renderApp>[0] = {}) => {
  const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-scroll-"));
  vi.stubEnv(STATE_DIR_VARIABLE, stateDir);
  return renderApp({ stateDir, ...size, ...options });
};

/** Presses `key` until the screen shows `text`, as a learner pages down to find it. */
const pressUntil = async (app: RenderedApp, key: string, text: string | RegExp, most = 40): Promise<string> => {
  for (let presses = 0; presses < most; presses++) {
    const frame = app.frame();
    if (typeof text === "string" ? frame.includes(text) : text.test(frame)) return frame;
    await app.press(key);
  }
  return app.waitFor(text, 500);
};

const rowsOf = (frame: string) => frame.split("\n");

/** Presses `key` until the screen's rows satisfy `check`; fails with the last frame. */
const pressUntilRows = async (app: RenderedApp, key: string, check: (rows: string[]) => boolean, timeoutMs = 20_000): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await app.press(key);
    const frame = app.frame();
    if (check(rowsOf(frame))) return frame;
    if (Date.now() > deadline) throw new Error(`the screen never got there; it shows:\n${frame}`);
  }
};

/** "Do it for me" on the hands-on step on screen, once it is ready; then back to its top. */
const solveStep = async (app: RenderedApp): Promise<void> => {
  const deadline = Date.now() + 20_000;
  // s is taken once the step is ready (the target started, its setup run); End shows its last lines.
  // Done once the checklist's heading or its last line shows (End may have scrolled past the heading).
  while (!/Done for you:|Now press c to check\./.test(app.frame())) {
    if (Date.now() > deadline) throw new Error(`the step was never done; the screen shows:\n${app.frame()}`);
    await app.press("s", END);
  }
};

describe("scrolling", () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}: the code view says there is more below, and PgDn and j reach its last line`, async () => {
      app = await open(size, { content: [CODE_FIXTURE], initialView: { screen: "lesson", lessonId: "code-view-fixture" } });
      await app.waitFor("Do it yourself");
      await app.press("v");
      let frame = await app.waitFor("[TypeScript SDK]");
      // The frame fits the window, and says there is more below.
      expect(rowsOf(frame).length).toBeLessThanOrEqual(size.rows);
      frame = await app.waitFor(/↓ \d+ more — j\/PgDn/);
      expect(frame).not.toMatch(/↑ \d+ more/);
      // The last note under the code is out of sight until scrolled to.
      expect(frame).not.toContain("y copies this code");
      frame = await pressUntil(app, PAGE_DOWN, "── end ──");
      // The last line of the view is on screen: the note under the code, to its last word.
      expect(frame).toContain("OSC 52.");
      expect(frame).toMatch(/↑ \d+ more — k\/PgUp/);
      expect(frame).not.toMatch(/↓ \d+ more/);
      expect(rowsOf(frame).length).toBeLessThanOrEqual(size.rows);
      // k goes back up to the top; j one row at a time reaches the end too.
      frame = await pressUntil(app, "k", /^(?![\s\S]*↑ \d+ more)/, 80);
      expect(frame).toMatch(/↓ \d+ more/);
      expect(frame).not.toMatch(/↑ \d+ more/);
      frame = await pressUntil(app, "j", "── end ──", 80);
      expect(frame).toContain("OSC 52.");
      expect(frame).not.toMatch(/↓ \d+ more/);
      await app.press(PAGE_UP);
      await app.waitFor(/↓ \d+ more/);
    });
  }

  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}: the replication recap's cleanup output scrolls to its last line`, async () => {
      app = await open(size, { initialView: { screen: "lesson", lessonId: "replication" } });
      await app.waitFor("step 1 of");
      // Read, skip the question, have the buckets and the role made for you, skip the rest.
      await app.press("n", "S");
      await app.waitFor("Two versioned buckets");
      await solveStep(app);
      await app.press("S");
      await app.waitFor("The role S3 assumes");
      await solveStep(app);
      for (let presses = 0; presses < 30 && !app.frame().includes("recap"); presses++) await app.press("S");
      await app.waitFor("recap");
      await pressUntilRows(app, END, (rows) => rows.some((row) => row.includes("Press u to clean up")));
      await app.press("u");
      // End goes to the bottom; the cleanup has finished once its last line is a ✓ or ✗ result.
      const end = await pressUntilRows(app, END, (rows) => {
        const esc = rows.findIndex((row) => /^ (n next lesson|esc: back to the menu)/.test(row));
        const lastResult = rows.findLastIndex((row, index) => index < esc && /^ [✓✗] /.test(row));
        return lastResult > 0 && rows.slice(lastResult + 1, esc).every((row) => /^ {5}\S|^\s*$/.test(row));
      });
      // The last action cleaned up is the first step's last: the destination bucket, in the other Region.
      expect(end).toMatch(/✓ s3:DeleteBucket\n {5}204\n/);
      expect(end).not.toContain("Cleaning up…");
      expect(rowsOf(end).length).toBeLessThanOrEqual(size.rows);
      expect(end).toMatch(/↑ \d+ more — k\/PgUp/);
      expect(end).toContain("── end ──");
    }, 60_000);
  }

  it("at 80×24 and then 80×90: measures again on a resize, the markers go when everything fits and come back when it does not", async () => {
    app = await open({ columns: 80, rows: 24 }, { content: [CODE_FIXTURE], initialView: { screen: "lesson", lessonId: "code-view-fixture" } });
    await app.waitFor("Do it yourself");
    await app.press("v");
    await app.waitFor("[TypeScript SDK]");
    await app.press(PAGE_DOWN);
    await app.waitFor(/↑ \d+ more — k\/PgUp/);
    await app.resize(80, 90);
    let frame = await app.waitFor("OSC 52.");
    expect(frame).toContain("[TypeScript SDK]");
    expect(frame).not.toMatch(/↑ \d+ more|↓ \d+ more|── end ──/);
    // Back to 24 rows: where it was scrolled to is kept, with more above and below again.
    await app.resize(80, 24);
    frame = await app.waitFor(/↓ \d+ more — j\/PgDn/);
    expect(frame).toMatch(/↑ \d+ more — k\/PgUp/);
    expect(rowsOf(frame).length).toBeLessThanOrEqual(24);
  });

  it("at 60×20 a long question scrolls with PgDn, and while ↑/↓ move the cursor the view follows it", async () => {
    app = await open({ columns: 60, rows: 20 }, { content: [MARKDOWN_FIXTURE], initialView: { screen: "quiz" }, random: IN_FILE_ORDER });
    await app.waitFor("(layout.long-single)");
    await app.press(KEYS.enter);
    await app.waitFor("Press n for the next question.");
    await app.press("n");
    await app.waitFor("(layout.long-multi)");
    await app.press(" ", KEYS.enter);
    await app.waitFor("Press n for the next question.");
    await app.press("n");
    let frame = await app.waitFor("(layout.long-question)");
    // While the cursor is in the options, the marker names only the keys that scroll.
    frame = await app.waitFor(/↓ \d+ more — PgDn/);
    expect(frame).not.toContain("on by default for every rule");
    frame = await pressUntil(app, PAGE_DOWN, "── end ──");
    expect(frame).toContain("on by default for every rule");
    expect(frame).toMatch(/↑ \d+ more — PgUp/);
    expect(rowsOf(frame).length).toBeLessThanOrEqual(20);
    // ↓ still moves the cursor, and the view follows it: back at the top, down to the last option.
    await app.press(PAGE_UP, PAGE_UP);
    frame = await app.waitFor(/↓ \d+ more — PgDn/);
    expect(frame).toMatch(/❯ Every object the source held/);
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down);
    frame = await app.waitFor(/❯ The delete markers of the source too/);
    expect(frame).toContain("on by default for every rule");
    expect(rowsOf(frame).length).toBeLessThanOrEqual(20);
    // ...and back up to the first.
    await app.press(KEYS.up, KEYS.up, KEYS.up, KEYS.up);
    frame = await app.waitFor(/❯ Every object the source held/);
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("✗ Not quite.");
  });
});
