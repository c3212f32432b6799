import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { isHandsOnStep } from "../../src/content/step-kinds";
import type { Action } from "../../src/content/schema/lesson";
import { stepCode } from "../../src/handson/code-view";
import { renderAction } from "../../src/handson/template";
import { targetVariables } from "../../src/handson/variables";
import { useSandbox } from "../helpers/sandbox";
import { stubTarget } from "./stub-target";

/**
 * The MRAP lesson's code view is what a learner runs in their own shell: its TypeScript
 * programs (S3 Control, the SigV4A GET through the MRAP, values one call saves for the next)
 * must work against the sandbox as they are shown, not only through s3-tutor's own clients.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);
const { sandbox } = useSandbox({ mrapDelayMs: 300 });
const folder = (() => {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, "s3-tutor-mrap-programs-"));
})();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `actions` as the code view's program and runs it with tsx; resolves with what it printed. */
const runProgram = async (name: string, actions: readonly Action[]): Promise<string> => {
  const target = stubTarget({ endpoint: sandbox().endpoint });
  const variables = await targetVariables(target);
  const code = stepCode(
    actions.map((action) => renderAction(action, variables, "keep")),
    target,
    { width: 100 },
  );
  const file = join(folder, `${name}.mts`);
  writeFileSync(file, code.typescript);
  const { stdout } = await run(process.execPath, ["--import", "tsx", file], { cwd: root, timeout: 60_000 });
  return stdout;
};

describe("the MRAP lesson's programs, run as a learner would", async () => {
  const catalog = await shippedCatalog();
  const lesson = catalog.lessons.find((loaded) => loaded.lesson.id === "mrap")?.lesson;
  const steps = (lesson?.steps ?? []).filter(isHandsOnStep).map((step) => step.handsOn);
  const byId = (id: string) => {
    const step = steps.find((candidate) => candidate.id === id);
    if (!step) throw new Error(`no step ${id}`);
    return step;
  };

  it("create, then active-passive with a SigV4A GET through the MRAP, then failover: each program runs and reads the bucket it should", async () => {
    const create = byId("create-mrap");
    await runProgram("setup", create.setup ?? []);
    const created = await runProgram("create-mrap", create.solve);
    expect(created).toContain("RequestTokenARN");
    // Describe got the token Create returned (chained in the program), not a placeholder.
    expect(created).not.toContain("{{");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const passive = await runProgram("active-passive", byId("active-passive").solve);
    expect(passive).toContain("served from eu-west-1");

    const failedOver = await runProgram("fail-over", byId("fail-over").solve);
    expect(failedOver).toContain("served from us-west-2");
  }, 120_000);
});
