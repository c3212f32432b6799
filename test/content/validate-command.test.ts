import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";
import { fixture } from "./fixtures";

// `s3-tutor validate` as a user runs it: what it prints, and its exit code.

const validate = async (...paths: string[]) => finished(spawnCli(["validate", ...paths]));

describe("s3-tutor validate", () => {
  it("prints file:line:col: message for a broken file, a summary, and exits 1 without a stack trace", async () => {
    const file = fixture("bad", "lessons", "unknown-field.yaml");
    const run = await validate(file);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:3:1: unknown field "titel" (did you mean "title"?)`,
      `${file}:11:7: unknown field "hnit" (did you mean "hint"?)`,
      `${file}:14:11: unknown field "inptu" (did you mean "input"?)`,
      "3 problems in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("reports YAML syntax errors the same way", async () => {
    const file = fixture("bad", "lessons", "syntax-error.yaml");
    const run = await validate(file);
    expect(run.stdout).toBe(
      `${file}:5:1: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]\n1 problem in 1 file\n`,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("counts problems across every file of the folders it is given", async () => {
    const run = await validate(fixture("bad"), fixture("duplicates"));
    const lines = run.stdout.trim().split("\n");
    const problems = lines.slice(0, -1);
    expect(problems.every((line) => /^test[\\/]fixtures[\\/]content[\\/].+\.yaml:\d+:\d+: \S/.test(line))).toBe(true);
    const files = new Set(problems.map((line) => line.slice(0, line.indexOf(".yaml:"))));
    expect(lines.at(-1)).toBe(`${problems.length} problems in ${files.size} files`);
    expect(files.size).toBe(18);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("says the content is valid and exits 0 for good files", async () => {
    const run = await validate(fixture("good"));
    expect(run.stdout).toBe("lessons and quizzes are valid: 2 lessons, 4 questions\n");
    expect(run.code).toBe(0);
  });

  it("reports a path that does not exist as a problem, not a crash", async () => {
    const run = await validate("no-such-folder/lesson.yaml");
    expect(run.stdout.split("\n")).toEqual([
      `${fixtureFree("no-such-folder/lesson.yaml")}: no such file or folder`,
      "1 problem in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });
});

/** A relative path as this platform prints it. */
const fixtureFree = (path: string) => path.split("/").join(process.platform === "win32" ? "\\" : "/");
