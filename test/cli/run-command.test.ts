import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";

const shippedLessons = readdirSync(new URL("../../lessons/", import.meta.url)).filter((name) => name.endsWith(".yaml")).length;

describe("s3-tutor run --auto", () => {
  it("runs every shipped lesson on the sandbox: a ✓ line per step, a summary, exit 0", { timeout: 60_000 }, async () => {
    const result = await finished(spawnCli(["run", "all", "--auto"]));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Target: sandbox at http:\/\/127\.0\.0\.1:\d+, regions eu-west-1 and us-west-2, prefix s3t/);
    expect(result.stdout).toContain("regions-and-buckets: Global service, regional buckets");
    expect(result.stdout).toMatch(/✓ Buckets in two regions/);
    expect(result.stdout).toMatch(/✓ Another account tries the same name/);
    expect(result.stdout).not.toContain("✗");
    // Lessons run in teaching order: each after the lessons it requires.
    const lessonHeaders = result.stdout.split("\n").flatMap((line) => /^([a-z0-9-]+): /.exec(line)?.[1] ?? []);
    expect(lessonHeaders).toEqual([
      "s3-basics",
      "regions-and-buckets",
      "bucket-naming",
      "concurrency",
      "global-namespace",
      "same-name-regions",
      "replication",
      "cost",
      "replication-in-depth",
      "mrap",
      "secure-by-default",
      "what-s3-costs",
      "interview-drill",
    ]);
    expect(result.stdout).toMatch(new RegExp(`${shippedLessons} lessons, hands-on steps: \\d+ passed, 0 failed, 0 not on this target`));
  });

  it("--json writes a report a script can read", async () => {
    const result = await finished(spawnCli(["run", "regions-and-buckets", "--auto", "--json"]));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      passed: boolean;
      target: { name: string };
      lessons: Array<{ lessonId: string; steps: Array<{ outcome: string; phases: Array<{ actions: Array<{ headers: Record<string, string> }> }> }> }>;
    };
    expect(report.passed).toBe(true);
    expect(report.target.name).toBe("sandbox");
    expect(report.lessons.map((lesson) => lesson.lessonId)).toEqual(["regions-and-buckets"]);
    const headers = report.lessons[0]?.steps.flatMap((step) => step.phases.flatMap((phase) => phase.actions.map((a) => a.headers)));
    expect(headers?.some((h) => h["x-amz-bucket-region"] === "us-west-2")).toBe(true);
  });

  it("an unknown lesson is a one-line error with the lessons there are", async () => {
    const result = await finished(spawnCli(["run", "no-such-lesson", "--auto"]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is no lesson "no-such-lesson". Lessons: ');
    expect(result.stderr).toContain("regions-and-buckets");
  });

  it("a broken lesson file is reported as file:line:col, never a stack trace", async () => {
    const result = await finished(spawnCli(["run", "test/fixtures/content/bad/lessons/unknown-field.yaml", "--auto"]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-field.yaml:3:1: unknown field "titel" (did you mean "title"?)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("without --auto it says what it needs", async () => {
    const result = await finished(spawnCli(["run", "all"]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("run needs --auto");
  });
});

describe("target flags reach the subcommand", () => {
  it("run --target localstack talks to LocalStack's endpoint, and says plainly when nothing answers", async () => {
    const result = await finished(spawnCli(["run", "all", "--auto", "--target", "localstack", "--endpoint", "http://127.0.0.1:9"]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Nothing answers at http://127.0.0.1:9.");
    expect(result.stdout).not.toContain("Target: sandbox");
  });

  it("target flags before the subcommand's name are the subcommand's; the same flag after it wins", async () => {
    const before = await finished(spawnCli(["--target", "localstack", "--endpoint", "http://127.0.0.1:9", "run", "all", "--auto"]));
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("Nothing answers at http://127.0.0.1:9.");
    const overridden = await finished(spawnCli(["--target", "localstack", "run", "s3-basics", "--auto", "--target", "sandbox", "--replication-delay", "0"]));
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(overridden.stdout).toMatch(/hands-on steps: \d+ passed, 0 failed/);
  });
});
