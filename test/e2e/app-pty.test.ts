import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import type { QuizRequest } from "../../src/engine/quiz-plan";
import { anotherSeed, firstChoiceStep, seededLessonOptions, seededQuiz, shippedQuestions, type Asked } from "../helpers/seeded-shuffles";
import { colourSequences, EXIT_MARK, privateModes, PtyApp, root, terminalEnv, type StartOptions } from "./pty-app";

/**
 * The built `s3-tutor` (dist/cli.js) in a pseudo-terminal, started the way a learner starts it:
 * what reaches the terminal is all these tests look at. The ink-testing-library tests in
 * test/ui cover the flows in depth; these cover what only a real terminal shows: raw keys,
 * the size, resizing, colour, leaving the terminal as it was, and the exit codes.
 */

const KEYS = { enter: "\r", ctrlC: "\u0003" } as const;
const DOWN = "\u001B[B";
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

/** The built binary with `args`, its stdin a pipe fed `input`: as a script or CI runs it. */
const withoutTerminal = (args: string[], input: string) =>
  spawnSync(process.execPath, ["dist/cli.js", ...args], { cwd: root, env: terminalEnv(newStateDir()), input, encoding: "utf8", timeout: 30_000 });

/** The row that is a rule of "─" across the whole width: the status bar's top edge. */
const ruleWidth = (rows: string[]): number | undefined =>
  rows.filter((row) => /^─+$/.test(row)).map((row) => row.length).at(-1);


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
        const esc = screen.findIndex((row) => /^ (n next lesson|esc: back to the menu)/.test(row));
        const last = screen.findLastIndex((row, index) => index < esc && /^ [✓✗] /.test(row));
        // Between them only the result's details (indented) and the margin.
        return last > 0 && screen.slice(last + 1, esc).every((row) => row === "" || /^ {5}\S/.test(row));
      });
      const text = rows.join("\n");
      expect(text).toMatch(/✓ s3:DeleteBucket\n {5}204\n\n n next lesson/);
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

  it.each([
    { cols: 60, rows: 20 },
    { cols: 80, rows: 24 },
  ])("keys that arrive in one write are taken in order at $cols×$rows: Down Enter, and typed text with its Enter", async (size) => {
    const app = start({ ...size, args: ["quiz", "basics"] });
    await app.waitFor(/question 1 of \d+/);
    await app.waitForKeys();
    const questions = new Map((await shippedCatalog()).quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question])));
    const down = "\u001B[B";
    const up = "\u001B[A";
    const done = { truefalse: false, text: false };
    for (let number = 1; !(done.truefalse && done.text); number++) {
      const rows = await app.waitFor(new RegExp(`question ${number} of \\d+ {2}\\(`));
      const id = /question \d+ of \d+ {2}\(([a-z0-9.-]+)\)/.exec(rows.join("\n"))?.[1];
      const question = id ? questions.get(id) : undefined;
      if (question?.type === "truefalse" && !done.truefalse) {
        // True is highlighted first: Down Enter answers False, Down Up Enter answers True.
        app.press(question.answer ? `${down}${up}\r` : `${down}\r`);
        done.truefalse = true;
      } else if (question?.type === "text" && !done.text) {
        // As `tmux send-keys "1024" Enter` or a paste ending in a newline sends it.
        app.press(`${question.accept[0]}\r`);
        done.text = true;
      } else {
        // Passed over: S, or Enter on an empty answer where letters are text.
        app.press(question?.type === "text" ? "\r" : "S");
        continue;
      }
      const feedback = await app.waitFor(/✓ Correct\.|✗ Not quite/);
      expect(feedback.join("\n")).toContain("✓ Correct.");
      app.press("n");
    }
  });

  it("`s3-tutor` alone (started without commander) takes S3_TUTOR_REPLICATION_DELAY as `s3-tutor --target sandbox` does: a bad one stops both", async () => {
    for (const args of [[], ["--target", "sandbox"]]) {
      const app = start({ args, env: { S3_TUTOR_REPLICATION_DELAY: "soon" } });
      expect(await app.waitForExit(), args.join(" ")).toMatchObject({ exitCode: 2 });
      expect(stripVTControlCharacters(app.output), args.join(" ")).toContain('s3-tutor: S3_TUTOR_REPLICATION_DELAY="soon" is not a delay');
    }
  });

  it("without a terminal, exits 2 and says what to use instead", () => {
    const result = withoutTerminal([], "");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("need an interactive terminal");
    expect(result.stderr).toContain("s3-tutor run <lesson|all> --auto");
    expect(result.stderr).toContain("s3-tutor quiz --plain");
    expect(result.stderr).toContain("s3-tutor validate");
  });
});

describe("--seed in a terminal: a room sits the same exam", () => {
  const EXAM_ARGS = ["quiz", "consistency", "--mode", "exam", "--count", "3"];
  const EXAM: QuizRequest = { mode: "exam", topics: ["consistency"], tags: [], count: 3 };
  const words = (text: string) => text.replace(/\s+/g, " ").trim();

  /** The one shipped question whose prompt is on screen (at 60 columns the header has no room for its id). */
  const questionOn = (rows: string[]) => {
    const text = words(rows.join(" "));
    const found = [...shippedQuestions.values()].filter((question) => text.includes(words(question.prompt).slice(0, 40)));
    return found.length === 1 ? found[0] : undefined;
  };

  /** The options of a choice question that the rows show, in screen order, each known by its first words wherever it wraps. */
  const optionsOn = (rows: string[], choices: readonly { text: string }[]): string[] => {
    const text = words(rows.join(" "));
    return choices
      .map((choice) => ({ text: choice.text, at: text.indexOf(words(choice.text).slice(0, 20)) }))
      .filter((option) => option.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((option) => option.text);
  };

  /** Joins the windows of one list seen while it scrolled down: each new option follows the one above it. */
  const joinWindows = (windows: string[][]): string[] => {
    const joined: string[] = [];
    for (const window of windows) {
      window.forEach((option, index) => {
        if (joined.includes(option)) return;
        const above = index > 0 ? joined.indexOf(window[index - 1] ?? "") : -1;
        joined.splice(above + 1, 0, option);
      });
    }
    return joined;
  };

  /**
   * The question on a screen that shows `marker`, and its options in the order shown. A question
   * whose options do not all fit is read while Down moves the cursor through them and the view follows it.
   */
  const readQuestion = async (app: PtyApp, marker: string): Promise<Asked> => {
    let rows = await app.waitFor((frame) => frame.join("\n").includes(marker) && questionOn(frame) !== undefined);
    const question = questionOn(rows);
    if (!question) throw new Error(`not one known question on screen:\n${rows.join("\n")}`);
    if (question.type !== "single" && question.type !== "multi") return { id: question.id, options: [] };
    const windows = [optionsOn(rows, question.choices)];
    for (let press = 0; press < question.choices.length && joinWindows(windows).length < question.choices.length; press++) {
      const before = rows.join("\n");
      app.press(DOWN);
      rows = await app.waitFor((frame) => frame.join("\n") !== before);
      windows.push(optionsOn(rows, question.choices));
    }
    const options = joinWindows(windows);
    if (options.length < question.choices.length) throw new Error(`options never shown for ${question.id}:\n${rows.join("\n")}`);
    return { id: question.id, options };
  };

  /** Starts the exam with `seed` and goes through it with n (Enter on a text answer), reading each question. */
  const sitExam = async (seed: number, cols: number, rows: number): Promise<Asked[]> => {
    const app = start({ cols, rows, args: [...EXAM_ARGS, "--seed", String(seed)] });
    await app.waitFor("question 1 of 3");
    await app.waitForKeys();
    const asked: Asked[] = [];
    for (let number = 1; number <= 3; number++) {
      const previous = asked.at(-1);
      if (previous) app.press(shippedQuestions.get(previous.id)?.type === "text" ? KEYS.enter : "n");
      asked.push(await readQuestion(app, `question ${number} of 3`));
    }
    app.kill();
    return asked;
  };

  for (const [cols, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`quiz consistency --mode exam --count 3 --seed 3 at ${cols}×${rows}: the same questions and option order on two runs; another seed, another exam`, async () => {
      const first = await sitExam(3, cols, rows);
      expect(first).toEqual(seededQuiz(EXAM, 3));
      expect(await sitExam(3, cols, rows)).toEqual(first);
      const other = anotherSeed(EXAM, 3);
      const another = await sitExam(other, cols, rows);
      expect(another).toEqual(seededQuiz(EXAM, other));
      expect(another).not.toEqual(first);
    });
  }

  it("--plain with the same seed asks the same exam, options in the same order, for whoever answers line by line; --seed may come before quiz", () => {
    for (const args of [[...EXAM_ARGS, "--seed", "3", "--plain"], ["--seed", "3", ...EXAM_ARGS, "--plain"]]) {
      // Three empty lines: each question left unanswered, so all three are shown.
      const result = withoutTerminal(args, "\n\n\n");
      expect(result.status).toBe(0);
      const asked = result.stdout
        .split(/\n(?=Question \d+ of 3 )/)
        .slice(1)
        .map((block): Asked => {
          const id = /^Question \d+ of 3 \(([^)]+)\)/.exec(block)?.[1] ?? "";
          const type = shippedQuestions.get(id)?.type;
          const options = type === "single" || type === "multi" ? [...block.matchAll(/^\d+\. (.+)$/gm)].map((match) => match[1] ?? "") : [];
          return { id, options };
        });
      expect(asked, args.join(" ")).toEqual(seededQuiz(EXAM, 3));
    }
  });

  it("lesson <id> --seed N (or --seed N lesson <id>) shows the lesson's question with its options in that seed's order, the right one not always first", async () => {
    const lessonId = "regions-and-buckets";
    const { index, question } = firstChoiceStep(lessonId);
    const right = question.type === "single" || question.type === "multi" ? question.choices.find((choice) => choice.correct)?.text : undefined;
    const seed = Array.from({ length: 30 }, (_v, n) => n).find((n) => seededLessonOptions(lessonId, index, n)[0] !== right) as number;
    for (const args of [["lesson", lessonId, "--seed", String(seed)], ["--seed", String(seed), "lesson", lessonId]]) {
      const app = start({ args });
      await app.waitFor("step 1 of");
      await app.waitForKeys();
      for (let step = 0; step < index; step++) app.press("n");
      const asked = await readQuestion(app, "? Question");
      expect(asked, args.join(" ")).toEqual({ id: question.id, options: seededLessonOptions(lessonId, index, seed) });
      expect(asked.options[0]).not.toBe(right);
      app.kill();
    }
  });
});
