import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { finished, packageWithEditedContent, spawnCli, spawnCliOf, waitForOutput } from "../helpers/cli";

/**
 * Where `s3-tutor` keeps its files, seen from outside: a learner's home, the XDG variables they
 * may have set, and what lands where after a quiz answered with `quiz --plain`.
 */

let topic = "";
let edited: Awaited<ReturnType<typeof packageWithEditedContent>> | undefined;
beforeAll(async () => {
  topic = (await shippedCatalog()).quizzes[0]!.quiz.topic;
  edited = await packageWithEditedContent();
});
afterAll(async () => {
  await edited?.remove();
});

const homes: string[] = [];
afterEach(async () => {
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
});

const newHome = async (): Promise<string> => {
  const home = await mkdtemp(join(tmpdir(), "s3-tutor-home-"));
  homes.push(home);
  return home;
};

/** No S3_TUTOR_STATE_DIR, XDG variable or compile-cache folder of the test runner's: only what `env` says. */
const asLearner = (home: string, env: Record<string, string> = {}) => ({
  S3_TUTOR_STATE_DIR: "",
  NODE_COMPILE_CACHE: "",
  XDG_STATE_HOME: "",
  XDG_DATA_HOME: "",
  XDG_CACHE_HOME: "",
  HOME: home,
  ...env,
});

/**
 * Answers one question (any reply is an answer) and lets the quiz end. The built s3-tutor starts
 * from the content checked at build time and writes no content cache; with a lesson saved since
 * the build ("edited"), it reads the YAML and keeps it in the cache folder, which is what the
 * cache-folder tests need.
 */
const answerOne = async (env: Record<string, string>, content: "as built" | "edited" = "as built") => {
  const args = ["quiz", topic, "--plain", "--count", "1"];
  const child = content === "edited" ? spawnCliOf(edited!.dir, args, env) : spawnCli(args, env);
  child.stdin.end("1\n\n");
  const run = await finished(child);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(0);
  return run;
};

/** The cache folder after a run: the compiled code of s3-tutor's chunks, and the content cache. */
const CACHE_FILES = ["compile-cache", "content-cache.json"];

const QUIZ_FILES = ["quiz-history.json", "review-cards.json"];

describe.runIf(process.platform !== "win32" && process.platform !== "darwin")("the folders s3-tutor writes to (XDG base directories)", () => {
  it("by default: state in ~/.local/state/s3-tutor, the content cache in ~/.cache/s3-tutor, nothing in ~/.local/share", async () => {
    const home = await newHome();
    await answerOne(asLearner(home), "edited");
    expect((await readdir(join(home, ".local", "state", "s3-tutor"))).sort()).toEqual(QUIZ_FILES);
    expect((await readdir(join(home, ".cache", "s3-tutor"))).sort()).toEqual(CACHE_FILES);
    expect(existsSync(join(home, ".local", "share"))).toBe(false);
  });

  it("honours XDG_STATE_HOME and XDG_CACHE_HOME", async () => {
    const home = await newHome();
    await answerOne(asLearner(home, { XDG_STATE_HOME: join(home, "st"), XDG_CACHE_HOME: join(home, "ca"), XDG_DATA_HOME: join(home, "da") }), "edited");
    expect((await readdir(join(home, "st", "s3-tutor"))).sort()).toEqual(QUIZ_FILES);
    expect((await readdir(join(home, "ca", "s3-tutor"))).sort()).toEqual(CACHE_FILES);
    expect((await readdir(home)).sort()).toEqual(["ca", "st"]);
  });

  it("ignores an XDG variable that is not an absolute path, as the spec says", async () => {
    const home = await newHome();
    await answerOne(asLearner(home, { XDG_STATE_HOME: "relative/state" }));
    expect((await readdir(join(home, ".local", "state", "s3-tutor"))).sort()).toEqual(QUIZ_FILES);
    // The built s3-tutor starts from the content checked at build time: no content cache to keep.
    // The cache folder holds only the compiled code of s3-tutor's chunks.
    expect(await readdir(join(home, ".cache", "s3-tutor"))).toEqual(["compile-cache"]);
    expect((await readdir(home)).sort()).toEqual([".cache", ".local"]);
  });

  it("the learner's sandbox (their buckets and objects) is their data: in XDG_DATA_HOME, beside nothing else", async () => {
    const home = await newHome();
    const child = spawnCli(["sandbox", "--port", "0"], asLearner(home, { XDG_DATA_HOME: join(home, "da") }));
    const done = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/);
    expect(banner).toContain(`kept in ${join(home, "da", "s3-tutor", "sandbox")}`);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
    expect(await readdir(join(home, "da", "s3-tutor"))).toEqual(["sandbox"]);
    expect(existsSync(join(home, ".local", "state"))).toBe(false);
  });

  it("S3_TUTOR_STATE_DIR puts everything in that one folder", async () => {
    const home = await newHome();
    const all = join(home, "all");
    await answerOne(asLearner(home, { S3_TUTOR_STATE_DIR: all, XDG_STATE_HOME: join(home, "st") }), "edited");
    expect((await readdir(all)).sort()).toEqual([...CACHE_FILES, ...QUIZ_FILES].sort());
    expect(await readdir(home)).toEqual(["all"]);
  });
});

/** What a version before the XDG split left in ~/.local/share/s3-tutor. */
const formerFolder = async (home: string) => {
  const former = join(home, ".local", "share", "s3-tutor");
  await mkdir(join(former, "targets", "aws"), { recursive: true });
  await mkdir(join(former, "sandbox"), { recursive: true });
  await mkdir(join(former, "code"), { recursive: true });
  const answer = { questionId: "old.one", correct: true, guessed: false, mode: "practice", at: "2026-01-01T00:00:00.000Z" };
  await writeFile(join(former, "quiz-history.json"), JSON.stringify({ version: 1, answers: [answer], sessions: [] }));
  await writeFile(join(former, "progress.json"), JSON.stringify({ version: 1, welcomed: true, lessons: {} }));
  await writeFile(join(former, "progress.json.corrupt-2026-01-01T00-00-00-000Z"), "{ torn");
  await writeFile(join(former, "targets", "aws", "journal.json"), '{"version":1,"resources":[]}');
  await writeFile(join(former, "sandbox", "world.json"), "{}");
  await writeFile(join(former, "code", "lesson-step.ts"), "// mine");
  await writeFile(join(former, "content-cache.json"), "{}");
  return former;
};

const historyAnswers = async (path: string) => (JSON.parse(await readFile(path, "utf8")) as { answers: { questionId: string }[] }).answers.map((a) => a.questionId);

describe.runIf(process.platform !== "win32" && process.platform !== "darwin")("state left where versions before the XDG split kept it", () => {
  it("is moved to the state folder on the first run, the learner is told once, and the sandbox and saved code stay as data", async () => {
    const home = await newHome();
    const former = await formerFolder(home);
    const state = join(home, ".local", "state", "s3-tutor");
    const first = await answerOne(asLearner(home));
    expect(first.stderr).toContain(`s3-tutor: your progress, quiz history and cleanup journals now live in ${state}; 4 file(s) were moved there from ${former}.`);
    const history = await historyAnswers(join(state, "quiz-history.json"));
    expect(history[0]).toBe("old.one");
    expect(history).toHaveLength(2);
    expect((await readdir(state)).sort()).toEqual(["progress.json", "progress.json.corrupt-2026-01-01T00-00-00-000Z", ...QUIZ_FILES, "targets"].sort());
    expect(await readFile(join(state, "targets", "aws", "journal.json"), "utf8")).toBe('{"version":1,"resources":[]}');
    expect((await readdir(former)).sort()).toEqual(["MOVED-TO-STATE-FOLDER.txt", "code", "sandbox"]);
    expect(await readFile(join(former, "MOVED-TO-STATE-FOLDER.txt"), "utf8")).toContain(state);

    const second = await answerOne(asLearner(home));
    expect(second.stderr).toBe("");
    expect(await historyAnswers(join(state, "quiz-history.json"))).toHaveLength(3);
  });

  it("never writes over a file the state folder already has: the old one stays, and the learner is told which", async () => {
    const home = await newHome();
    const former = await formerFolder(home);
    const state = join(home, ".local", "state", "s3-tutor");
    await mkdir(state, { recursive: true });
    await writeFile(join(state, "quiz-history.json"), JSON.stringify({ version: 1, answers: [], sessions: [] }));
    const run = await answerOne(asLearner(home));
    expect(run.stderr).toContain(`3 file(s) were moved there from ${former}. Left in ${former}, because ${state} already has newer ones: quiz-history.json.`);
    expect(await historyAnswers(join(state, "quiz-history.json"))).toHaveLength(1);
    expect(await historyAnswers(join(former, "quiz-history.json"))).toEqual(["old.one"]);
    expect(await readFile(join(former, "MOVED-TO-STATE-FOLDER.txt"), "utf8")).toContain("quiz-history.json");
  });
});
