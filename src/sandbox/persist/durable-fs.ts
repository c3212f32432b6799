import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes that survive a crash or a power cut: data is synced before anything that points at
 * it, and a rename is made durable by syncing the folder that holds it.
 */

/** Makes the folder's entries (files created, renamed, removed) durable. Windows cannot open folders, and does not need to. */
export const syncDir = async (dir: string): Promise<void> => {
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Writes a whole file and syncs it (the caller syncs the folder once for many files). */
export const writeSynced = async (path: string, data: Buffer | string): Promise<void> => {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Replaces `path` with the file written at `temporary`: rename over it, then sync the folder. */
export const replaceDurably = async (temporary: string, path: string): Promise<void> => {
  await rename(temporary, path);
  await syncDir(dirname(path));
};

/** Writes `data` to `path` atomically: readers see the old file or the new one, never a part. */
export const writeFileAtomically = async (path: string, data: Buffer | string): Promise<void> => {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeSynced(temporary, data);
    await replaceDurably(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};
