import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";

// `s3-tutor validate` on workshops as an instructor or a content CI runs it: what it prints and its exit code.

const workshop = (name: string) => join("test", "fixtures", "workshops", `${name}.yaml`);

describe("s3-tutor validate with workshops", () => {
  it("without paths checks the shipped workshops too, and --strict exits 0: no problem, no warning", async () => {
    const run = await finished(spawnCli(["validate", "--strict"]));
    expect(run.stdout).toMatch(/^lessons, quizzes and workshops are valid: \d+ lessons, \d+ questions, 2 workshops, \d+ interview questions\n$/);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("given a shipped workshop's path, checks it against the shipped lessons and quizzes", async () => {
    const run = await finished(spawnCli(["validate", "--strict", join("workshops", "global-regional-crr.yaml")]));
    expect(run.stdout).toBe("workshops are valid: 1 workshop\n");
    expect(run.code).toBe(0);
  });

  it("a bad workshop file: file:line:col: message, a summary, exit 1 with or without --strict", async () => {
    const file = workshop("unknown-step");
    for (const args of [["validate", file], ["validate", "--strict", file]]) {
      const run = await finished(spawnCli(args));
      const lines = run.stdout.split("\n");
      expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[\\.]/g, "\\$&")}:10:27: lesson "global-namespace" has no hands-on step "another-acount-tries"`));
      expect(lines.at(-2)).toBe("3 problems in 1 file");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
    }
  });

  it("blocks that do not add up to the workshop's minutes, an exam longer than its block: warnings, exit 0, and exit 1 with --strict", async () => {
    const file = workshop("minutes-off");
    const expected = [
      `${file}:5:10: warning: the blocks add up to 25 minutes, not the workshop's 30: the agenda ends early`,
      `${file}:18:14: warning: an exam of 5 questions runs 7.5 minutes (90 s a question), but the block gives it 5: give the block more minutes or the exam fewer questions`,
      "workshops are valid: 1 workshop; 2 warnings",
      "",
    ];
    const run = await finished(spawnCli(["validate", file]));
    expect(run.stdout.split("\n")).toEqual(expected);
    expect(run.code).toBe(0);
    const strict = await finished(spawnCli(["validate", "--strict", file]));
    expect(strict.stdout.split("\n")).toEqual(expected);
    expect(strict.code).toBe(1);
  });
});
