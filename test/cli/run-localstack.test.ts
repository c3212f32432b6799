import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../src/content/schema/lesson";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { peerEndpoint } from "../differential/peer-endpoints";
import { finished, spawnCli } from "../helpers/cli";

/** The promise that the lessons work on LocalStack, kept against a started LocalStack (.ci/run starts one). */

const localstack = peerEndpoint("localstack");
const LOCALSTACK_LACKS = CAPABILITIES.filter((capability) => capability !== "secondAccount");

interface Report {
  passed: boolean;
  totals: { passed: number; failed: number; notApplicable: number };
  lessons: { steps: { title: string; outcome: string; reason?: string; missing?: string[] }[] }[];
}

describe.skipIf(!localstack.endpoint)(`run all --auto --target localstack${localstack.reason ? ` (skipped: ${localstack.reason})` : ""}`, () => {
  let stateDir = "";
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-localstack-"));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });
  const run = (...extra: string[]) =>
    finished(spawnCli(["run", "all", "--auto", "--target", "localstack", "--endpoint", localstack.endpoint ?? "", ...extra], { [STATE_DIR_VARIABLE]: stateDir }));

  it("passes every step LocalStack can do and says which it cannot, and why; exit 0", { timeout: 120_000 }, async () => {
    const result = await run();
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Target: localstack at ${localstack.endpoint}, regions eu-west-1 and us-west-2, prefix s3t-`));
    expect(result.stdout).not.toContain("✗");
    const lines = result.stdout.split("\n");
    const passed = lines.filter((line) => line.startsWith("  ✓ "));
    const notHere = lines.filter((line) => line.startsWith("  – "));
    expect(passed.length).toBeGreaterThan(0);
    // The wrong-region redirect is the step every LocalStack lacks.
    expect(result.stdout).toContain("– Read from the wrong region: not on this target: needs wrong-region redirects, which LocalStack cannot provide here.");
    for (const line of notHere) expect(line).toMatch(/^  – .+: not on this target: needs .+, which LocalStack cannot provide here\. \S/);
    expect(result.stdout).toMatch(new RegExp(`hands-on steps: ${passed.length} passed, 0 failed, ${notHere.length} not on this target`));
  });

  it("--json: a step not on this target carries its reason and what LocalStack lacks, and is never counted as passed", { timeout: 120_000 }, async () => {
    const result = await run("--json");
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const steps = report.lessons.flatMap((lesson) => lesson.steps);
    const notHere = steps.filter((step) => step.outcome === "notApplicable");
    expect(notHere.length).toBeGreaterThan(0);
    for (const step of notHere) {
      expect(step.reason, step.title).toMatch(/^needs .+, which LocalStack cannot provide here\./);
      expect(step.missing?.length, step.title).toBeGreaterThan(0);
      for (const capability of step.missing ?? []) expect(LOCALSTACK_LACKS).toContain(capability);
    }
    expect(report.totals).toMatchObject({ failed: 0, notApplicable: notHere.length, passed: steps.length - notHere.length });
    expect(report.passed).toBe(true);
  });
});
