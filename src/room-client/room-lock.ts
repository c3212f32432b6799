import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { processIsAlive } from "../sandbox/process-alive";

export type RoomLock = { held: true; release: () => Promise<void> } | { held: false; pid: number };

/**
 * One process at a time speaks for a participant in a room: two would number events from the
 * same outbox and the room would keep one of each pair. The lock file holds the owner's pid; a
 * lock left by a process that is gone (a crash, kill -9) is taken over.
 */
export const lockRoom = async (path: string): Promise<RoomLock> => {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid), "utf8");
      await handle.close();
      return { held: true, release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) return { held: false, pid };
    await rm(path, { force: true });
  }
  return { held: false, pid: 0 };
};
