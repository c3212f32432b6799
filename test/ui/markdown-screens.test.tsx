import { fileURLToPath } from "node:url";
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/ui/components/markdown";
import { hyperlinksSupported } from "../../src/ui/text-layout";
import { IN_FILE_ORDER } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// Markdown and text as the lesson and quiz screens show them, at 60×20, 80×24 and 160×50.
const FIXTURE = fileURLToPath(new URL("../fixtures/content/markdown", import.meta.url));
// Fits a row of 60 columns, but not after the words before it: a hard wrap would split it.
const SHORT_URL = "https://aws.amazon.com/s3/consistency/#ReadAfterWrite";
const CONSISTENCY = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel";
const LONG_URL =
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-requirements.html#replication-requirements-for-a-very-long-anchor-that-goes-on-and-on";
const PAGE_DOWN = "\u001B[6~";
const RIGHT = "\u001B[C";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const rowsOf = (frame: string) => frame.split("\n");

/** Every row from the first to the last, paging down to the end of the step. */
const wholeStep = async (app: RenderedApp): Promise<string[]> => {
  const seen: string[] = [];
  for (let page = 0; page < 20; page++) {
    const rows = rowsOf(app.frame());
    const end = rows.findIndex((row) => /^ (↓ \d+ more|── end ──)/.test(row));
    seen.push(...rows.slice(0, end === -1 ? rows.length : end).filter((row) => !/^ ↑ \d+ more/.test(row)));
    if (end === -1 || rows[end]!.includes("── end ──")) return seen;
    await app.press(PAGE_DOWN);
  }
  return seen;
};

describe("markdown on the lesson screens", () => {
  for (const size of [
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ]) {
    it(`at ${size.columns}×${size.rows}: bold and code in a list render without their marks, wrapped lines go on under the item's text, and a link stays whole on one row`, async () => {
      app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "markdown-fixture" }, ...size });
      await app.waitFor("Styles in lists");
      await app.waitFor("* Every object lives in a bucket under a key");
      const rows = await wholeStep(app);
      const text = rows.join("\n");
      expect(text).not.toMatch(/\*\*|`/);
      expect(text).toContain("  * A second item with bold at the start");
      // The first item wraps: its second row starts under "Every", not under the bullet.
      const first = rows.findIndex((row) => row.includes("* Every object"));
      expect(rows[first + 1]).toMatch(/^ {5}\S/);
      // The command in backticks is never split between rows.
      expect(text).toContain("aws s3api head-bucket --bucket my-bucket");
      // The link's URL is on one row, whole: not `#Read` / `AfterWrite`.
      expect(rows.some((row) => row.includes(`(${SHORT_URL})`))).toBe(true);
      // One wider than the window stays on its row: cut at the edge with "…", not carried on below.
      // (Pages overlap by a row or two: the same row may be seen twice.)
      const longRows = [...new Set(rows)].filter((row) => row.includes("userguide/") || row.includes("goes-on-and-on"));
      expect(longRows).toHaveLength(1);
      expect(longRows[0]!.trim().startsWith(LONG_URL.slice(0, size.columns - 3))).toBe(true);
      for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(size.columns);
    });
  }

  it("the replication lesson's first step shows its list with the bold rendered", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "replication" }, columns: 80, rows: 24 });
    const frame = await app.waitFor("Versioning enabled");
    expect(frame).toContain("1. Versioning enabled on both buckets;");
    expect(frame).not.toContain("**");
  });

  it("at 160 columns, body text stops at 100 columns, and a URL longer than that runs on, whole, instead of breaking", async () => {
    app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "markdown-fixture" }, columns: 160, rows: 50 });
    await app.waitFor("This paragraph is long on purpose");
    const rows = rowsOf(app.frame());
    const paragraph = rows.filter((row) => /long on purpose|past a hundred|across the screen|comfortably/.test(row));
    expect(paragraph.length).toBeGreaterThan(1);
    for (const row of paragraph) expect(stringWidth(row.trimEnd())).toBeLessThanOrEqual(101);
    expect(rows.some((row) => row.trim() === LONG_URL)).toBe(true);
  });

  for (const size of [
    { columns: 60, rows: 20 },
    { columns: 160, rows: 50 },
  ]) {
    it(`at ${size.columns} columns a code block is not wrapped: it stops at the edge with », and → scrolls it sideways to its end`, async () => {
      app = await renderApp({ content: [FIXTURE], initialView: { screen: "lesson", lessonId: "markdown-fixture" }, ...size });
      // Rendered (until the renderer has loaded, the source shows).
      await app.waitFor("* Every object lives in a bucket");
      const width = Math.min(size.columns - 2, 100);
      const codeRow = async () => {
        const rows = await wholeStep(app!);
        const found = rows.filter((row) => ["put-bucket-replication", "my-source-bucket", "file://replication.json"].some((part) => row.includes(part)));
        expect(found.length, app!.frame()).toBeGreaterThan(0);
        return found[0]!.slice(1).trimEnd();
      };
      let row = await codeRow();
      expect(row.startsWith("  aws s3api put-bucket-replication")).toBe(true);
      expect(row.endsWith("»")).toBe(true);
      expect(stringWidth(row)).toBe(width);
      for (let presses = 0; presses < 10 && !row.endsWith("file://replication.json"); presses++) {
        await app.press(RIGHT);
        row = await codeRow();
      }
      expect(row.startsWith("«")).toBe(true);
      expect(row.endsWith("--replication-configuration file://replication.json")).toBe(true);
    });
  }

  it("renderMarkdown: a link is an OSC 8 hyperlink only when asked, and its URL is shown whole either way", async () => {
    const markdown = `See [the model](${CONSISTENCY}).`;
    const linked = (await renderMarkdown(markdown, 40, { colour: true, hyperlinks: true })).join("\n");
    expect(linked).toContain(`\u001B]8;;${CONSISTENCY}\u0007${CONSISTENCY}\u001B]8;;\u0007`);
    const plain = (await renderMarkdown(markdown, 40, { colour: false })).join("\n");
    expect(plain).not.toContain("\u001B");
    expect(plain.split("\n")).toContain(`(${CONSISTENCY}).`);
  });

  it("hyperlinks only in a terminal known to show them, never with NO_COLOR, TERM=dumb, tmux or no TTY", () => {
    expect(hyperlinksSupported({ TERM_PROGRAM: "iTerm.app" }, true)).toBe(true);
    expect(hyperlinksSupported({ WT_SESSION: "1" }, true)).toBe(true);
    expect(hyperlinksSupported({ VTE_VERSION: "7200" }, true)).toBe(true);
    expect(hyperlinksSupported({ TERM_PROGRAM: "iTerm.app" }, false)).toBe(false);
    expect(hyperlinksSupported({ TERM_PROGRAM: "iTerm.app", NO_COLOR: "1" }, true)).toBe(false);
    expect(hyperlinksSupported({ TERM: "dumb", WT_SESSION: "1" }, true)).toBe(false);
    expect(hyperlinksSupported({ TERM_PROGRAM: "iTerm.app", TMUX: "/tmp/tmux-0/default,1,0" }, true)).toBe(false);
    expect(hyperlinksSupported({ TERM: "xterm-256color" }, true)).toBe(false);
    expect(hyperlinksSupported({ FORCE_HYPERLINK: "1", TMUX: "x" }, true)).toBe(true);
    expect(hyperlinksSupported({ FORCE_HYPERLINK: "0", WT_SESSION: "1" }, true)).toBe(false);
  });
});

describe("option rows", () => {
  for (const size of [
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ]) {
    it(`at ${size.columns}×${size.rows}: the pointer keeps its gap, a long option wraps under its own text, and the source URL stays whole`, async () => {
      app = await renderApp({ content: [FIXTURE], initialView: { screen: "quiz" }, random: IN_FILE_ORDER, ...size });
      const frame = await app.waitFor("Which of these is true of S3 durability");
      const rows = rowsOf(frame);
      const pointer = rows.findIndex((row) => row.includes("❯"));
      expect(rows[pointer]).toMatch(/^ ❯ Eleven nines/);
      // Its second row starts under "Eleven"; the next option under the pointer's gap too.
      expect(rows[pointer + 1]).toMatch(/^ {3}\S/);
      expect(rows.some((row) => /^ {3}It is designed for/.test(row))).toBe(true);
      for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(size.columns);

      await app.press(KEYS.down, KEYS.enter);
      const feedback = await app.waitFor("✓ Correct.");
      // Beside the label where it fits, on the next row where it does not; whole either way.
      expect(rowsOf(feedback).some((row) => row.trimEnd().endsWith(SHORT_URL))).toBe(true);

      await app.press("n");
      const multi = await app.waitFor("Which of these are true of buckets");
      const ticks = rowsOf(multi);
      const firstTick = ticks.findIndex((row) => row.includes("[ ] A bucket lives"));
      expect(ticks[firstTick]).toMatch(/^ ❯ \[ \] A bucket lives/);
      expect(ticks[firstTick + 1]).toMatch(/^ {7}\S/);
    });
  }

  it("at 160 columns a question and its explanation stop at 100 columns", async () => {
    app = await renderApp({ content: [FIXTURE], initialView: { screen: "quiz" }, random: IN_FILE_ORDER, columns: 160, rows: 50 });
    await app.waitFor("Which of these is true of S3 durability");
    await app.press(KEYS.down, KEYS.enter);
    const frame = await app.waitFor("✓ Correct.");
    const explanation = rowsOf(frame).filter((row) => /Durability is about|disks, servers|versioning is for/.test(row));
    expect(explanation.length).toBeGreaterThan(1);
    for (const row of explanation) expect(stringWidth(row.trimEnd())).toBeLessThanOrEqual(101);
  });
});
