import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index";

// A sandbox without a data directory writes bodies to a temporary folder and removes it on close;
// one that was killed never closed, so the next sandbox to start removes its folder.
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bodiesFolderOf = (pid: number) => {
  const dir = mkdtempSync(join(tmpdir(), `s3-tutor-sandbox-bodies-${pid}-`));
  writeFileSync(join(dir, "0123456789abcdef01234567"), "bytes of an object");
  made.push(dir);
  return dir;
};

const deadPid = async () => {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
};

it("the bodies folder of a sandbox process that is gone is removed when another starts; a live one's stays", async () => {
  const orphaned = bodiesFolderOf(await deadPid());
  const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  try {
    const inUse = bodiesFolderOf(live.pid!);
    const sandbox = await startSandbox();
    await sandbox.close();
    expect(existsSync(orphaned)).toBe(false);
    expect(existsSync(inUse)).toBe(true);
  } finally {
    live.kill();
  }
});
