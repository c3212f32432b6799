import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("fixtures/replicate-then-close.ts", import.meta.url));

describe("the replication worker's lifetime", () => {
  it("closing the sandbox cancels copies not yet made: no timer outlives it", { timeout: 30_000 }, async () => {
    // In a process of its own, so no other test's timers count: it exits only once nothing is left to run.
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    let closedAt = 0;
    child.stdout.on("data", () => {
      if (!closedAt && stdout.includes("closed")) closedAt = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stdout).toContain("closed");
    expect(code).toBe(0);
    // The copies were a minute away: the process ended at once instead of waiting for them.
    expect(Date.now() - closedAt).toBeLessThan(5_000);
  });
});
