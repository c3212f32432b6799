import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, PASTE_END, PASTE_START } from "../../src/ui/keys/bracketed-paste";
import { colourSequences, PtyApp, root, type StartOptions } from "./pty-app";

/**
 * The mock interview in the built app, in an 80×24 pseudo-terminal with NO_COLOR, taught from
 * fixture content: a package folder holding a copy of dist/ beside the fixture lessons, quizzes
 * and interview questions (the app teaches what lies beside its package.json), so the questions,
 * their cues and their follow-ups are known to the test.
 */

const KEYS = { enter: "\r", down: "\u001B[B" } as const;
const SEED = "3";

const made: string[] = [];
const apps: PtyApp[] = [];
let fixturePackage = "";

const newDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/**
 * dist/ copied (a link would resolve back to this repository and its shipped content), and the
 * fixture files laid out as the package ships content, each with the schema line of that layout.
 */
const makeFixturePackage = (): string => {
  const folder = newDir("s3-tutor-fixture-package-");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "s3-tutor", version, type: "module" }));
  cpSync(join(root, "dist"), join(folder, "dist"), { recursive: true, filter: (source) => !source.endsWith(".map") });
  const fixtures = join(root, "test", "fixtures", "content");
  const lay = (from: string, kind: "lessons" | "quizzes" | "interviews", schema: string) => {
    mkdirSync(join(folder, kind));
    for (const name of readdirSync(from).filter((file) => file.endsWith(".yaml"))) {
      const lines = readFileSync(join(from, name), "utf8").split("\n");
      writeFileSync(join(folder, kind, name), [`# yaml-language-server: $schema=../schema/${schema}.schema.json`, ...lines.slice(1)].join("\n"));
    }
  };
  lay(join(fixtures, "good", "lessons"), "lessons", "lesson");
  lay(join(fixtures, "good", "quizzes"), "quizzes", "quiz");
  lay(join(fixtures, "interview", "interviews"), "interviews", "interview");
  return folder;
};

const start = (options: Partial<StartOptions> & { stateDir: string }): PtyApp => {
  const app = new PtyApp({ packageRoot: fixturePackage, env: { NO_COLOR: "1" }, ...options });
  apps.push(app);
  return app;
};

/** The row holding `text`. */
const rowWith = (rows: string[], text: string): string => rows.find((row) => row.includes(text)) ?? "";

const fits = (rows: string[]) => {
  expect(rows.length).toBeLessThanOrEqual(24);
  for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
};

beforeAll(() => {
  fixturePackage = makeFixturePackage();
}, 120_000);

afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("the mock interview in a terminal", () => {
  it("80×24, NO_COLOR: a typed answer pre-ticks points, the candidate unticks and ticks, a missed point brings its follow-up, the report, the card written", { timeout: 60_000 }, async () => {
    const stateDir = newDir("s3-tutor-pty-interview-");
    const app = start({ stateDir, args: ["interview", "--seed", SEED, "--minutes", "10", "--topics", "fixture"] });
    let rows = await app.waitFor("Where does a bucket live, and who else can use its name?");
    await app.waitForKeys();
    expect(rowWith(rows, "Mock interview")).toMatch(/question 1 of 2\s+⏱ [12]:\d\d left/);
    fits(rows);
    app.press("It lives in one region; versioning keeps every version.");
    await app.waitFor("every version.");
    app.press(KEYS.enter);

    rows = await app.waitFor("Which points did you make?");
    fits(rows);
    expect(rowWith(rows, "A bucket lives in the one Region")).toContain("1 [x]");
    expect(rows.join("\n")).toContain('seems covered — you said "one region"');
    expect(rowWith(rows, "Its name is taken in every Region")).toContain("2 [ ]");
    expect(rowWith(rows, "Versioning keeps every version")).toContain("3 [x]");
    app.press("3");
    await app.waitFor((shown) => rowWith(shown, "Versioning keeps every version").includes("3 [ ]"));
    app.press(KEYS.down);
    app.press(KEYS.down);
    app.press(" ");
    await app.waitFor((shown) => rowWith(shown, "Versioning keeps every version").includes("❯ 3 [x]"));

    app.press(KEYS.enter);
    rows = await app.waitFor("So what happens when another account asks for the same bucket name?");
    expect(rows.join("\n")).toContain("follow-up: ask 2 of up to 4");
    expect(rows.join("\n")).toContain("You did not mention: Its name is taken in every Region and every account.");
    // Nothing typed: answered out loud, then ticked by hand.
    app.press(KEYS.enter);
    await app.waitFor("You answered out loud.");
    app.press("1");
    await app.waitFor((shown) => rowWith(shown, "The create fails with BucketAlreadyExists").includes("1 [x]"));
    app.press(KEYS.enter);

    await app.waitFor("A create-bucket call fails. Which error codes would you expect, and why?");
    app.press("InvalidBucketName, or BucketAlreadyExists from another account");
    await app.waitFor("another account");
    app.press(KEYS.enter);
    await app.waitFor("Which points did you make?");
    // e: this rubric counts, and the interview ends.
    app.press("e");

    rows = await app.waitFor("Mock interview: report");
    fits(rows);
    const report = rows.join("\n");
    expect(report).toMatch(/Score: 5 of 8 points \(63%\) · time used \d+:\d\d of 10:00/);
    expect(report).toMatch(/~ 3 of 5 \(60%\)\s+Where does a bucket live/);
    expect(report).toContain("✗ Its name is taken in every Region and every account");
    expect(report).toContain("What to study next (enter opens the lesson at that step)");
    expect(colourSequences(app.output)).toEqual([]);

    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
    const cards = JSON.parse(readFileSync(join(stateDir, "review-cards.json"), "utf8")) as { cards: Record<string, unknown> };
    expect(Object.keys(cards.cards).sort()).toEqual(["interview:fixture.error-codes", "interview:fixture.where-buckets-live"]);
    const history = JSON.parse(readFileSync(join(stateDir, "quiz-history.json"), "utf8")) as { interviews: { questions: { questionId: string; made: number; asked: number }[] }[] };
    expect(history.interviews.map((interview) => interview.questions.map((question) => [question.questionId, question.made, question.asked]))).toEqual([
      [
        ["fixture.where-buckets-live", 3, 5],
        ["fixture.error-codes", 2, 3],
      ],
    ]);
  });

  it("the answer box asks the terminal to mark pastes, so a pasted answer of two lines is not sent at its first line break", { timeout: 60_000 }, async () => {
    const app = start({ stateDir: newDir("s3-tutor-pty-paste-"), args: ["interview", "--seed", SEED, "--minutes", "10", "--topics", "fixture"] });
    await app.waitFor("Where does a bucket live, and who else can use its name?");
    await app.waitForKeys();
    expect(app.output).toContain(BRACKETED_PASTE_ON);
    // What a terminal sends for a paste in that mode: the text between marks, its line breaks as CR.
    app.press(`${PASTE_START}It lives in one region.\rVersioning keeps every version.${PASTE_END}`);
    const rows = await app.waitFor("Versioning keeps every version.");
    expect(rows.join("\n")).toContain("question 1 of 2");
    expect(rowWith(rows, "It lives in one region.")).not.toContain("Versioning");
    app.press(KEYS.enter);
    await app.waitFor("Which points did you make?");
    // The box no longer has the keys: the terminal pastes as before.
    expect(app.output.slice(app.output.lastIndexOf(BRACKETED_PASTE_ON))).toContain(BRACKETED_PASTE_OFF);
    app.press("q");
    await app.waitFor("Leave the interview?");
  });

  it("lesson --step opens the lesson at that step; a step it does not have is said in words", { timeout: 30_000 }, async () => {
    const app = start({ stateDir: newDir("s3-tutor-pty-step-"), args: ["lesson", "fixture-basics", "--step", "4"] });
    const rows = await app.waitFor("step 4 of 5");
    expect(rows.join("\n")).toContain("Another account tries the same name");
    app.press("q");
    await app.waitForExit();

    const wrong = start({ stateDir: newDir("s3-tutor-pty-step-"), args: ["lesson", "fixture-basics", "--step", "9"] });
    expect((await wrong.waitForExit()).exitCode).toBe(2);
    expect(wrong.plain()).toContain('lesson "fixture-basics" has no step "9". Its steps:');
    expect(wrong.plain()).toContain("4  Another account tries the same name");
  });
});
