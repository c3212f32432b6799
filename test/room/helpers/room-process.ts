import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import type { RoomLimits } from "../../../src/room/rate-limit";

const SCRIPT = fileURLToPath(new URL("start-room.ts", import.meta.url));

export interface RoomProcess {
  child: ChildProcessWithoutNullStreams;
  endpoint: string;
  code: string;
  instructorToken: string;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `start-room.ts` on `dir` in a child process and waits until it serves. */
export const startRoomProcess = (dir: string, limits: Partial<RoomLimits> = {}): Promise<RoomProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, dir], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", S3_TUTOR_ROOM_TEST_LIMITS: JSON.stringify(limits) },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the room did not start:\n${stdout}\n${stderr}`)), 30_000);
    void exited.then(() => reject(new Error(`the room exited before serving:\n${stdout}\n${stderr}`)));
    const check = () => {
      const line = /^ROOM (.*)$/m.exec(stdout)?.[1];
      if (!line) return;
      clearTimeout(timer);
      const started = JSON.parse(line) as { endpoint: string; code: string; instructorToken: string };
      resolve({ child, ...started, output: () => stdout, exited });
    };
    child.stdout.on("data", check);
  });
};

/** Kills the room process with -9 (no chance to write anything more) and waits until it is gone. */
export const killNine = (room: RoomProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> => {
  room.child.kill("SIGKILL");
  return room.exited;
};

/**
 * Room processes and folders the tests start: `start` runs one that is killed (-9) after the test
 * unless the test already did it with `kill`; the `dirs` are removed after the test.
 */
export const cleanedAfterEach = () => {
  const running = new Set<RoomProcess>();
  const dirs: string[] = [];
  afterEach(async () => {
    for (const room of running) await killNine(room);
    running.clear();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return {
    dirs,
    start: async (dir: string, limits: Partial<RoomLimits> = {}): Promise<RoomProcess> => {
      const room = await startRoomProcess(dir, limits);
      running.add(room);
      return room;
    },
    kill: (room: RoomProcess) => {
      running.delete(room);
      return killNine(room);
    },
  };
};
