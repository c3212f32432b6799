import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";

// `s3-tutor validate` on interview files as a content author runs it: what it prints and its exit code.

const file = (name: string) => join("test", "fixtures", "interviews", `${name}.yaml`);

describe("s3-tutor validate with interview questions", () => {
  it("a valid interview file, checked beside the shipped lessons and quizzes: exit 0 and its count", async () => {
    const run = await finished(spawnCli(["validate", "--strict", file("good")]));
    expect(run.stdout).toBe("interview questions are valid: 1 interview question\n");
    expect(run.code).toBe(0);
  });

  it("every mistake across fields and files at its file:line:col: topic, id prefix, clock, taught, point ids, when, the default follow-up", async () => {
    const path = file("bad");
    const run = await finished(spawnCli(["validate", path]));
    expect(run.stdout.split("\n")).toEqual([
      `${path}:2:8: no quiz topic "regionz" (did you mean "regions"?): an interview file's topic is one of quizzes/<topic>.yaml`,
      `${path}:5:9: id "basics.wrong-prefix" must start with the file's topic: "regionz.…"`,
      `${path}:7:14: a question's clock is 2 to 3 minutes, not 5`,
      `${path}:12:17: no lesson "regions-and-bucket" (did you mean "regions-and-buckets"?)`,
      `${path}:13:13: point id "one-region" is already used in this question`,
      `${path}:16:17: lesson "regions-and-buckets" has no step "99": give 1 to 9 or a hands-on step's id`,
      `${path}:20:17: lesson "regions-and-buckets" has no step "no-such-step": give 1 to 9 or a hands-on step's id`,
      `${path}:23:7: one follow-up must leave out \`when:\`: it is asked when every point was made, so every chain is at least two deep`,
      `${path}:23:16: no point "one-regoin" in the question before (did you mean "one-region"?); its points are one-region, third`,
      "9 problems in 1 file",
      "",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("a chain five questions deep is refused where the fifth starts", async () => {
    const path = file("too-deep");
    const run = await finished(spawnCli(["validate", path]));
    expect(run.stdout).toBe(`${path}:53:19: a chain is at most 4 questions deep; this follow-up is already number 4\n1 problem in 1 file\n`);
    expect(run.code).toBe(1);
  });

  it("a schema mistake (a rubric of two points, an unknown field) is reported at its line and column", async () => {
    const path = file("schema-mistakes");
    const run = await finished(spawnCli(["validate", path]));
    expect(run.stdout).toBe(
      [`${path}:8:7: "points" needs at least 3 items`, `${path}:10:5: unknown field "modle" (did you mean "model"?)`, "2 problems in 1 file", ""].join("\n"),
    );
    expect(run.code).toBe(1);
  });
});
