import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { colourSequences, EXIT_MARK, privateModes, PtyApp, root, terminalEnv, type StartOptions } from "./pty-app";

/**
 * The built `s3-tutor` (dist/cli.js) in a pseudo-terminal, started the way a learner starts it:
 * what reaches the terminal is all these tests look at. The ink-testing-library tests in
 * test/ui cover the flows in depth; these cover what only a real terminal shows: raw keys,
 * the size, resizing, colour, leaving the terminal as it was, and the exit codes.
 */

const KEYS = { enter: "\r", ctrlC: "\u0003" } as const;
const PAGE_DOWN = "\u001B[6~";
const END = "\u001B[F";
const LESSON = "S3 in one picture";

const stateDirs: string[] = [];
const apps: PtyApp[] = [];

const newStateDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-pty-"));
  stateDirs.push(dir);
  return dir;
};

const start = (options: Partial<StartOptions> = {}): PtyApp => {
  const app = new PtyApp({ stateDir: options.stateDir ?? newStateDir(), ...options });
  apps.push(app);
  return app;
};

/** The home screen is up and the app takes keys (see `waitForKeys`). */
const home = async (app: PtyApp): Promise<string[]> => {
  await app.waitFor("enter choose");
  await app.waitForKeys();
  return app.screen();
};

/** The row that is a rule of "─" across the whole width: the status bar's top edge. */
const ruleWidth = (rows: string[]): number | undefined =>
  rows.filter((row) => /^─+$/.test(row)).map((row) => row.length).at(-1);

beforeAll(() => {
  // Never test a stale dist/: bundle the sources as they are now.
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8", shell: process.platform === "win32" });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);

afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});

afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

describe("s3-tutor in a terminal", () => {
  it("opens home at 80×24: title, first-run welcome, menu and status bar, every row within the window", async () => {
    const app = start();
    const rows = await home(app);
    const text = rows.join("\n");
    expect(rows[0]?.trim()).toBe("s3-tutor");
    expect(text).toContain("Welcome!");
    expect(text).toContain("an S3 sandbox built into s3-tutor: nothing to");
    expect(text).toContain("install, no account, no network.");
    for (const item of [`Start: ${LESSON}`, "Lessons", "Practice quiz", "Target and region", "Help", "Quit"]) {
      expect(text).toContain(item);
    }
    expect(rows).toContain("sandbox · eu-west-1 · not started");
    expect(rows.at(-1)).toMatch(/^enter choose · \? help · q quit/);
    expect(ruleWidth(rows)).toBe(80);
    // The frame fits: fewer rows than the window (Ink then keeps its cursor on the row below),
    // and no row wider than it. Every character on this screen takes one column.
    expect(rows.length).toBeLessThan(24);
    expect(Math.max(...rows.map((row) => [...row].length))).toBeLessThanOrEqual(80);

    app.press("q");
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
  });

  it("Enter opens the first lesson, n moves to its question, and a resize reflows to the new width", async () => {
    const app = start();
    await home(app);

    app.press(KEYS.enter);
    // The read step as rendered markdown: the heading without its "#".
    let rows = await app.waitFor((screen) => screen.some((row) => row.trim() === "Objects, keys, buckets"));
    expect(rows.join("\n")).toContain(`${LESSON}  step 1 of 8`);
    expect(rows.join("\n")).not.toMatch(/\*\*|# Objects/);

    app.press("n");
    await app.waitFor("step 2 of 8");
    await app.waitFor("You upload a file with the key");
    rows = await app.waitFor("One object whose key is the whole string");
    expect(ruleWidth(rows)).toBe(80);

    app.pty.resize(100, 30);
    rows = await app.waitFor((screen) => ruleWidth(screen) === 100);
    expect(rows.join("\n")).toContain("step 2 of 8");
    expect(rows.join("\n")).toContain("You upload a file with the key");
    expect(rows.length).toBeLessThan(30);
    expect(Math.max(...rows.map((row) => [...row].length))).toBeLessThanOrEqual(100);

    app.press("q");
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
  });

  it("NO_COLOR=1: no colour sequences at all, on home or in a lesson; without it, colours", async () => {
    const openLesson = async (app: PtyApp) => {
      await home(app);
      app.press(KEYS.enter);
      // Wait for the rendered markdown, whose inline code is coloured when colour is on.
      await app.waitFor((screen) => screen.some((row) => row.trim() === "Objects, keys, buckets"));
      app.press("q");
      expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
      return app.output;
    };

    const plain = await openLesson(start({ env: { NO_COLOR: "1" } }));
    expect(colourSequences(plain)).toEqual([]);
    expect(plain).toContain("\u001B[1m"); // bold still carries meaning

    const coloured = await openLesson(start());
    expect(colourSequences(coloured).length).toBeGreaterThan(0);
  });

  it("Ctrl-C exits 0 and leaves the terminal as it found it", async () => {
    // POSIX: started from sh, which prints the terminal's settings after the app exits.
    const thenStty = process.platform !== "win32";
    const app = start({ thenStty });
    await home(app);
    app.press(KEYS.enter);
    await app.waitFor("step 1 of 8");

    app.press(KEYS.ctrlC);
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });

    const [appOutput = "", afterExit = ""] = app.output.split(EXIT_MARK);
    // The last thing the app wrote shows the cursor again, and every mode it set is reset.
    expect(appOutput.trimEnd().endsWith("\u001B[?25h")).toBe(true);
    const modes = privateModes(appOutput);
    expect(modes.get("25")).toBe(true);
    expect([...modes].filter(([mode, on]) => mode !== "25" && on)).toEqual([]);
    if (thenStty) {
      // Raw mode is off again: the line discipline echoes and edits lines, and Ctrl-C signals.
      const settings = afterExit.split(/\s+/);
      expect(settings).toEqual(expect.arrayContaining(["icanon", "echo", "isig"]));
      expect(settings).not.toContain("-icanon");
      expect(settings).not.toContain("-echo");
    }
  });

  it("q quits with 0, and the next start offers to continue the lesson at the step left", async () => {
    const stateDir = newStateDir();
    const first = start({ stateDir });
    await home(first);
    first.press(KEYS.enter);
    await first.waitFor("step 1 of 8");
    first.press("n");
    await first.waitFor("step 2 of 8");
    first.press("q");
    expect(await first.waitForExit()).toMatchObject({ exitCode: 0 });

    const second = start({ stateDir });
    const rows = await home(second);
    const text = rows.join("\n");
    expect(text).toMatch(new RegExp(`❯ Continue: ${LESSON}\\s+step 2 of 8`));
    expect(text).not.toContain("Welcome!");

    second.press(KEYS.enter);
    await second.waitFor("You upload a file with the key");
    expect(second.screen().join("\n")).toContain("step 2 of 8");
    second.press("q");
    expect(await second.waitForExit()).toMatchObject({ exitCode: 0 });
  });

  it("the code view at 60 columns with NO_COLOR: marks in symbols, and y sends OSC 52 between frames, not into one", async () => {
    const stateDir = newStateDir();
    const app = start({ stateDir, cols: 60, rows: 40, env: { NO_COLOR: "1" } });
    await home(app);
    app.press(KEYS.enter);
    await app.waitFor("step 1 of 8");
    app.press("n");
    await app.waitFor("step 2 of 8");
    app.press(KEYS.enter);
    await app.waitFor("Press n for the next step.");
    app.press("n");
    // The step's setup has run (the target is up): its code can be shown.
    await app.waitFor("Prepared:");
    app.press("v");
    await app.waitFor("[TypeScript SDK]");
    app.press("\t");
    await app.waitFor("[AWS CLI]");
    const before = app.output.length;
    app.press("y");
    const rows = await app.waitFor("✓ Saved as a script (sh runs it):");

    // One OSC 52 with the commands shown, written on its own: Ink cleared its frame before it
    // and drew the frame again after it, so no row of the screen carries a piece of it.
    const written = app.output.slice(before);
    const sequences = [...written.matchAll(/\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/g)];
    expect(sequences).toHaveLength(1);
    const copied = Buffer.from(sequences[0]![1]!, "base64").toString("utf8");
    expect(copied).toMatch(/^printf '%s' 'Hello, S3!' > hello\.txt\nAWS_ACCESS_KEY_ID=111122223333 \\\n {4}AWS_SECRET_ACCESS_KEY=test aws s3api put-object \\\n/);
    const osc = sequences[0]!.index;
    const erasedBefore = written.lastIndexOf("\u001B[2K", osc);
    expect(erasedBefore).toBeGreaterThan(-1);
    expect(stripVTControlCharacters(written.slice(erasedBefore, osc)).trim()).toBe("");

    expect(colourSequences(app.output)).toEqual([]);
    expect(ruleWidth(rows)).toBe(60);
    expect(Math.max(...rows.map((row) => [...row].length))).toBeLessThanOrEqual(60);
    expect(rows.join("\n")).toContain("aws s3api put-object \\");
    app.press("q");
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
  });

  for (const size of [
    { cols: 60, rows: 20 },
    { cols: 80, rows: 24 },
  ]) {
    it(`at ${size.cols}×${size.rows}: PgDn scrolls a long code view to its last line, and End the replication recap's cleanup output to its last result`, async () => {
      const app = start({ ...size, args: ["lesson", "replication"] });
      await app.waitFor("step 1 of 15");
      await app.waitForKeys();
      const fits = (rows: string[]) => {
        expect(rows.length).toBeLessThan(size.rows);
        expect(Math.max(...rows.map((row) => [...row].length))).toBeLessThanOrEqual(size.cols);
      };
      /** Presses `key` until the screen satisfies `check` (each press waits for the next frame to settle). */
      const pressUntil = async (key: string, check: (rows: string[]) => boolean, most = 60): Promise<string[]> => {
        for (let presses = 0; presses < most; presses++) {
          if (check(app.screen())) return app.screen();
          app.press(key);
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
        return app.waitFor(check, 5_000);
      };
      const has = (text: string) => (rows: string[]) => rows.some((row) => row.includes(text));

      app.press("n");
      await app.waitFor("step 2 of 15");
      app.press("S");
      await app.waitFor("Two versioned buckets");
      // The code shows once the target is up; the view is longer than the window.
      await app.waitFor("account 111122223333");
      app.press("v");
      await app.waitFor("[TypeScript SDK]");
      let rows = await app.waitFor(/↓ \d+ more — j\/PgDn/);
      fits(rows);
      rows = await pressUntil(PAGE_DOWN, has("── end ──"));
      expect(rows.join("\n")).toMatch(/↑ \d+ more — k\/PgUp/);
      expect(rows.join("\n")).toContain("OSC 52.");
      fits(rows);

      // Close the code, have this step and the next done for you, skip the rest to the recap.
      // (The status bar shows the code view's keys while it is open.)
      app.press("v");
      await app.waitFor((screen) => !has("tab SDK/CLI")(screen) && has("h hint")(screen));
      const solve = async () => {
        // Done once the checklist's heading or its last line shows (End may have scrolled past the heading).
        const done = (screen: string[]) => has("Done for you:")(screen) || has("Now press c to check.")(screen);
        for (let tries = 0; tries < 100 && !done(app.screen()); tries++) {
          app.press("s");
          await new Promise((resolve) => setTimeout(resolve, 60));
          app.press(END);
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
        await app.waitFor(done);
      };
      await solve();
      app.press("S");
      await app.waitFor("The role S3 assumes");
      await solve();
      await pressUntil("S", has("recap"));
      await pressUntil(END, has("Press u to clean up"));
      app.press("u");
      // At the end: the last action's result, then the way back; nothing still running.
      rows = await pressUntil(END, (screen) => {
        const esc = screen.findIndex((row) => row.includes("esc: back to the menu"));
        const last = screen.findLastIndex((row, index) => index < esc && /^ [✓✗] /.test(row));
        // Between them only the result's details (indented) and the margin.
        return last > 0 && screen.slice(last + 1, esc).every((row) => row === "" || /^ {5}\S/.test(row));
      });
      const text = rows.join("\n");
      expect(text).toMatch(/✓ s3:DeleteBucket\n {5}204\n\n esc: back to the menu/);
      expect(text).toContain("── end ──");
      expect(text).toMatch(/↑ \d+ more — k\/PgUp/);
      expect(text).not.toContain("Cleaning up…");
      fits(rows);

      app.press("q");
      expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
    }, 90_000);
  }

  it("a folder where progress.json should be is moved aside, said on the notice line, and home opens", async () => {
    const stateDir = newStateDir();
    mkdirSync(join(stateDir, "progress.json"));
    writeFileSync(join(stateDir, "progress.json", "kept.txt"), "mine");
    const app = start({ stateDir, cols: 200 });
    const rows = await home(app);
    const text = rows.join("\n");
    expect(text).toMatch(/Your progress file could not be read \(it is a folder, not a file\)\. It was kept as .*progress\.json\.corrupt-\S+, and you start fresh\./);
    expect(text).toContain("Welcome!");
    const aside = readdirSync(stateDir).find((name) => name.startsWith("progress.json.corrupt-"));
    expect(readdirSync(join(stateDir, aside ?? "none"))).toEqual(["kept.txt"]);
    app.press("q");
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
    expect(app.plain()).not.toMatch(/EISDIR|\n\s+at /);
  });

  // A link that loops stands for any file that cannot be opened, even by root; Windows makes links only with privileges.
  it.skipIf(process.platform === "win32")("a progress file that cannot be opened is left as it is: said on the notice line, the app runs, and nothing is written over it", async () => {
    const stateDir = newStateDir();
    const path = join(stateDir, "progress.json");
    symlinkSync("progress.json", path);
    const app = start({ stateDir, cols: 200 });
    const rows = await home(app);
    expect(rows.join("\n")).toContain(
      `Your progress file ${path} could not be read (it is a link that points back at itself). It was left as it is, and this run's progress is not saved over it.`,
    );
    app.press(KEYS.enter);
    await app.waitFor("step 1 of 8");
    app.press("q");
    expect(await app.waitForExit()).toMatchObject({ exitCode: 0 });
    expect(app.plain()).toContain(`s3-tutor: Your progress was not saved to ${path}`);
    expect(readlinkSync(path)).toBe("progress.json");
  });

  it("without a terminal, exits 2 and says what to use instead", () => {
    const result = spawnSync(process.execPath, ["dist/cli.js"], {
      cwd: root,
      env: terminalEnv(newStateDir()),
      input: "",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("need an interactive terminal");
    expect(result.stderr).toContain("s3-tutor run <lesson|all> --auto");
    expect(result.stderr).toContain("s3-tutor quiz --plain");
    expect(result.stderr).toContain("s3-tutor validate");
  });
});
