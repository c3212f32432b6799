import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockRoom } from "../../src/room-client/room-lock";

describe("one process speaks for a participant", () => {
  it("refuses while another live process holds the room, and takes over a lock its holder left behind", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "room-lock-")), "app.lock");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const exited = new Promise((resolve) => other.once("exit", resolve));
    try {
      await writeFile(path, String(other.pid), "utf8");
      expect(await lockRoom(path)).toEqual({ held: false, pid: other.pid });
    } finally {
      other.kill();
    }
    await exited;
    // Its holder is gone (a crash, kill -9): the lock is this process's now.
    const taken = await lockRoom(path);
    expect(taken.held).toBe(true);
    expect(await readFile(path, "utf8")).toBe(String(process.pid));
    if (taken.held) await taken.release();
    await expect(readFile(path, "utf8")).rejects.toThrow(/ENOENT/);
  });
});
