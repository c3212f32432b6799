import { describe, expect, it } from "vitest";
import { REPLICATION_DELAY_VARIABLE } from "../../src/cli/replication-delay";
import { finished, spawnCli } from "../helpers/cli";

interface Report {
  passed: boolean;
  lessons: Array<{ steps: Array<{ outcome: string; phases: Array<{ actions: Array<{ action: { eventually?: unknown }; durationMs: number; pass: boolean }> }> }> }>;
}

/** The actions that waited for replication (`eventually`), each with how long it took. */
const waits = (report: Report) =>
  report.lessons.flatMap((lesson) => lesson.steps.flatMap((step) => step.phases.flatMap((phase) => phase.actions.filter((action) => action.action.eventually))));

// The default delay is a random 1–3 s: a wait for a copy that took under a second did not sit on it.
const SHORTEST_DEFAULT_MS = 1000;

describe("run --replication-delay", () => {
  it("run replication --auto --replication-delay 0 proves every step, no wait sitting on the default delay (the flag beats the variable)", { timeout: 60_000 }, async () => {
    const result = await finished(spawnCli(["run", "replication", "--auto", "--json", "--replication-delay", "0"], { [REPLICATION_DELAY_VARIABLE]: "5s" }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.passed).toBe(true);
    expect(report.lessons[0]?.steps.every((step) => step.outcome === "passed")).toBe(true);
    const waited = waits(report);
    expect(waited.length).toBeGreaterThanOrEqual(3);
    expect(waited.every((action) => action.pass && action.durationMs < SHORTEST_DEFAULT_MS)).toBe(true);
  });

  it(`${REPLICATION_DELAY_VARIABLE}=0 does the same without the flag`, { timeout: 60_000 }, async () => {
    const result = await finished(spawnCli(["run", "replication", "--auto", "--json"], { [REPLICATION_DELAY_VARIABLE]: "0" }));
    expect(result.code).toBe(0);
    const waited = waits(JSON.parse(result.stdout) as Report);
    expect(waited.length).toBeGreaterThanOrEqual(3);
    expect(waited.every((action) => action.pass && action.durationMs < SHORTEST_DEFAULT_MS)).toBe(true);
  });

  it("a delay it cannot read is a usage error: exit 2, what it takes, no stack trace", async () => {
    const flag = await finished(spawnCli(["run", "replication", "--auto", "--replication-delay", "soon"]));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`option '--replication-delay <delay>' argument 'soon' is invalid. give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".`);
    expect(flag.stderr).not.toMatch(/\n\s+at /);
    const variable = await finished(spawnCli(["run", "replication", "--auto"], { [REPLICATION_DELAY_VARIABLE]: "3s-1s" }));
    expect(variable.code).toBe(2);
    expect(variable.stderr).toBe(`s3-tutor: ${REPLICATION_DELAY_VARIABLE}="3s-1s" is not a delay: give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s".\n`);
  });
});
