import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InterviewReport } from "../../src/engine/interview/interview-report";
import { CLI, finished, notSourceMap } from "../helpers/cli";
import { newStateDir } from "./plain-driver";

// `interview --plain` through a child process with piped stdin, as a screen reader or a script runs it.
// The interviews are a fixture (test/fixtures/interview-cli) in a copy of the package, so the
// follow-ups and the lesson steps they name are known here whatever ships.

const root = fileURLToPath(new URL("../../", import.meta.url));
let copy = "";

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "s3-tutor-interview-"));
  // dist/ copied, not linked: a link would resolve back to this repository and its shipped content.
  for (const entry of ["package.json", "dist", "lessons", "quizzes", "schema"]) await cp(join(root, entry), join(copy, entry), { recursive: true, filter: notSourceMap });
  // Beside package.json the schema line points one folder up, not four.
  const fixtures = join(root, "test/fixtures/interview-cli/interviews");
  await mkdir(join(copy, "interviews"));
  for (const name of await readdir(fixtures)) {
    const text = await readFile(join(fixtures, name), "utf8");
    await writeFile(join(copy, "interviews", name), text.replace("$schema=../../../../schema/", "$schema=../schema/"));
  }
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

const interview = (args: string[], stateDir = newStateDir()) => {
  const child = spawn(process.execPath, [CLI, "interview", ...args], {
    cwd: copy,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", S3_TUTOR_STATE_DIR: stateDir },
  });
  return { child, stateDir };
};

/** Runs an interview with everything the candidate types given at once, as a pipe gives it. */
const runWith = async (args: string[], input: string[], stateDir?: string) => {
  const { child, stateDir: folder } = interview(args, stateDir);
  child.stdin.end(input.map((line) => `${line}\n`).join(""));
  return { ...(await finished(child)), stateDir: folder };
};

/** The review cards written to the state folder; none when the file was never written. */
const cards = async (stateDir: string): Promise<Record<string, { reps: number }>> => {
  const text = await readFile(join(stateDir, "review-cards.json"), "utf8").catch(() => undefined);
  return text === undefined ? {} : (JSON.parse(text) as { cards: Record<string, { reps: number }> }).cards;
};

describe("s3-tutor interview --plain", () => {
  it("pre-ticks the points the typed answer makes, asks the follow-up the missed point chose, and ends on the report", async () => {
    const run = await runWith(
      ["--plain", "--topics", "regions", "--minutes", "5", "--seed", "3"],
      [
        "It's regional: a bucket lives in one Region,",
        "and the name is globally unique.",
        "",
        "", // keep the ticks
        "A 301 PermanentRedirect.",
        "",
        "",
      ],
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).toContain("Question 1 of 1 (regions.cli-global): 2:30 to answer.\nIs S3 a global service or a regional one?\n");
    expect(out).toContain(
      [
        "The points a strong answer makes:",
        '1. [x] Each bucket lives in the one Region chosen when it is created (seems covered: you said "one region")',
        '2. [x] Bucket names are unique across the partition (seems covered: you said "globally unique")',
        "3. [ ] A request to the wrong Region is redirected or refused, naming the bucket's Region",
      ].join("\n"),
    );
    expect(out).toContain("You made 2 of 3 points.\nModel answer:\nBoth. The list and the names look global;");
    // The follow-up that listens for the missed point, not the default one.
    expect(out).toContain("The interviewer follows up on what you missed: A request to the wrong Region is redirected or refused, naming the bucket's Region.");
    expect(out).toContain("Question 1 of 1 (regions.cli-global), follow-up 1: 1:30 to answer.\nWhat does a request sent to the wrong Region get back?");
    expect(out).not.toContain("And if that Region goes down?");
    expect(out).toContain('1. [x] A 301 or a 400 naming the bucket\'s Region (seems covered: you said "301")');
    expect(out).toMatch(/Interview report\nScore: 3 of 5 points \(60%\)\. Time used: 0:\d\d\./);
    expect(out).toContain("1. regions.cli-global: 3 of 5 points (60%)");
    expect(out).toContain("What to study next:\n- Global service, regional buckets, step ");
    expect(out).toMatch(/^ {4}open it: s3-tutor lesson regions-and-buckets --step \d+$/m);
    expect(out).toContain("Trend, oldest first: 60% (this one)");
    // 3 of 5 is under 80%: one review, rated Hard, of the card interview:<id>, beside the quiz's cards.
    expect(Object.keys(await cards(run.stateDir))).toEqual(["interview:regions.cli-global"]);
  });

  it("lets the candidate correct the ticks by number, and the follow-up follows the corrected misses", async () => {
    const run = await runWith(["--plain", "--topics", "regions", "--minutes", "5"], ["one region, redirects", "", "7", "1 2 3", "", ""]);
    expect(run.stdout).toContain("Give the numbers of the points, 1 to 3, apart by spaces; none if you made none.");
    expect(run.stdout).toContain("You made 3 of 3 points.");
    // Every point made: the follow-up without `when`.
    expect(run.stdout).toContain("And if that Region goes down?");
    expect(run.stdout).not.toContain("The interviewer follows up on what you missed");
  });

  it("keeps the trend over interviews in the history, and reviews the same card again", async () => {
    const first = await runWith(["--plain", "--topics", "regions", "--minutes", "5"], ["", "", "", ""]);
    const second = await runWith(["--plain", "--topics", "regions", "--minutes", "5"], ["one region", "", "", "", ""], first.stateDir);
    expect(second.stdout).toContain("Trend, oldest first: 0% → 20% (this one)");
    expect((await cards(first.stateDir))["interview:regions.cli-global"]?.reps).toBe(2);
  });

  it("asks the same questions in the same order for the same --seed", async () => {
    const order = async (seed: number) => {
      const run = await runWith(["--plain", "--minutes", "60", "--seed", String(seed)], ["/skip", "/skip"]);
      return [...run.stdout.matchAll(/^Question \d of 2 \(([a-z.-]+)\)/gm)].map((match) => match[1]);
    };
    const once = await order(11);
    expect(once).toHaveLength(2);
    expect(await order(11)).toEqual(once);
  });

  it("ends on the report when the input ends before an answer, and records nothing to review", async () => {
    const run = await runWith(["--plain", "--topics", "naming"], []);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Interview report (ended early)\nScore: 0 of 0 points (0%).");
    expect(run.stdout).toContain("No question was answered.");
    // Without --minutes: 20.
    expect(run.stdout).toContain("Mock interview: 1 question, about 20 minutes.");
    expect(await cards(run.stateDir)).toEqual({});
  });

  it("/end stops the interview: the asks scored count, the report says it ended early", async () => {
    const run = await runWith(["--plain", "--topics", "regions", "--minutes", "5"], ["one region", "", "", "/end", "more text nobody reads"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Interview report (ended early)\nScore: 1 of 3 points (33%).");
    expect(run.stdout).not.toContain("more text nobody reads");
    expect(Object.keys(await cards(run.stateDir))).toEqual(["interview:regions.cli-global"]);
  });

  it("ends quietly when the reader of its output goes away (| head)", async () => {
    const { child } = interview(["--plain", "--minutes", "60"]);
    const done = finished(child);
    child.stdin.on("error", () => {});
    child.stdout.once("data", () => {
      child.stdout.destroy();
      child.stdin.end(["one region", "", "", "", "", "", "", "", ""].join("\n"));
    });
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});

describe("s3-tutor interview --json", () => {
  it("writes the report as JSON on stdout and the dialogue on stderr", async () => {
    const run = await runWith(["--json", "--topics", "regions", "--minutes", "5"], ["redirected, one region", "", "", "", ""]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Is S3 a global service or a regional one?");
    const report = JSON.parse(run.stdout) as InterviewReport;
    expect(report.questions.map((question) => [question.questionId, question.made, question.asked])).toEqual([["regions.cli-global", 2, 5]]);
    expect(report.questions[0]?.missed.map((point) => point.pointId)).toEqual(["shared-namespace", "regional-outage", "replicate"]);
    expect(report.studyNext[0]?.where).toMatchObject({ lessonId: "regions-and-buckets", stepNumber: 1 });
    expect(report.trend).toEqual([{ startedAt: report.startedAt, percent: 40, current: true }]);
  });
});

describe("s3-tutor interview: mistakes", () => {
  it("names the topics there are when asked for one there is not", async () => {
    const run = await runWith(["--plain", "--topics", "regions,nowhere"], []);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("s3-tutor: no interview questions on nowhere. Topics: naming, regions.\n");
  });

  it("without a terminal and without --plain, says how to run it line by line", async () => {
    const run = await runWith([], []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("s3-tutor interview --plain");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses minutes that are not a number", async () => {
    const run = await runWith(["--plain", "--minutes", "soon"], []);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("give the minutes as a number from 1 to 180.");
  });
});
