import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { CleanupJournal } from "../../src/targets/journal";
import { useStateDir } from "./helpers/aws-on-sandbox";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the writer fixture in a process of its own; resolves with its exit code and stderr. */
const writer = (name: string, count: number, stateDir: string) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/targets/fixtures/journal-writer.ts", name, String(count)], {
      cwd: root,
      env: { ...process.env, [STATE_DIR_VARIABLE]: stateDir },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });

describe("the cleanup journal across processes", () => {
  const stateDir = useStateDir();

  it("loses no entry when two processes add 200 entries each at the same time", { timeout: 60_000 }, async () => {
    const results = await Promise.all([writer("a", 200, stateDir()), writer("b", 200, stateDir())]);
    expect(results).toEqual([
      { code: 0, stderr: "" },
      { code: 0, stderr: "" },
    ]);
    const names = (await CleanupJournal.forTarget("aws", (message) => expect.fail(message)).entries()).map((entry) => entry.name);
    expect(names).toHaveLength(400);
    for (const name of ["a", "b"]) {
      for (let index = 0; index < 200; index++) expect(names).toContain(`s3t-conc01-${name}-${index}`);
    }
  });
});
