import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { processIsAlive } from "../process-alive";
import { writeFileAtomically } from "./durable-fs";
import { SandboxDataDirInUseError } from "./errors";

/**
 * One process per data directory: `sandbox.lock` holds the serving process's pid and, once it
 * listens, its endpoint. A lock whose process is gone (it crashed, or was killed) is taken over.
 */

export const LOCK_FILE = "sandbox.lock";

export interface LockHolder {
  pid: number;
  /** Where the holder serves the sandbox; absent while it is still starting. */
  endpoint?: string;
  startedAt?: string;
}

export interface DataDirLock {
  readonly file: string;
  /** Records where this process serves the directory, for others to find it. */
  setEndpoint(endpoint: string): Promise<void>;
  release(): Promise<void>;
}

/** Directories this process holds: a lock naming our own pid that is not in here is left over from an earlier process. */
const heldHere = new Set<string>();

const holderIsAlive = (holder: LockHolder, dir: string): boolean =>
  holder.pid === process.pid ? heldHere.has(dir) : processIsAlive(holder.pid);

const readHolder = async (file: string): Promise<LockHolder | undefined> => {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    return Number.isInteger(parsed.pid) && (parsed.pid ?? 0) > 0 ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined;
  }
};

/** The live process serving `dataDir`, if any: what `s3-tutor env` and the targets ask before starting one. */
export const liveLockHolder = async (dataDir: string): Promise<LockHolder | undefined> => {
  const dir = resolve(dataDir);
  const holder = await readHolder(join(dir, LOCK_FILE));
  return holder && holderIsAlive(holder, dir) ? holder : undefined;
};

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Takes the directory's lock, or throws SandboxDataDirInUseError naming the live holder. */
export const acquireDataDirLock = async (dataDir: string): Promise<DataDirLock> => {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, startedAt: new Date().toISOString() };
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      const handle = await open(file, "wx");
      try {
        await handle.writeFile(JSON.stringify(mine));
      } finally {
        await handle.close();
      }
      heldHere.add(dir);
      return heldLock(dir, file, mine);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readHolder(file);
    if (holder && holderIsAlive(holder, dir)) throw new SandboxDataDirInUseError(dir, holder.pid, holder.endpoint, file);
    // No readable holder: another process may be between creating the file and writing it.
    if (!holder && attempt < 5) {
      await pause(20);
      continue;
    }
    await takeOverStale(dir, file, holder);
  }
  throw new Error(`could not take the lock ${file}: other processes keep taking it`);
};

/**
 * Moves a dead holder's lock aside (a rename: of two processes doing this, one wins). If what
 * was moved turns out to be a live process's fresh lock, it is put back and that process wins.
 */
const takeOverStale = async (dir: string, file: string, stale: LockHolder | undefined): Promise<void> => {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved && moved.pid !== stale?.pid && holderIsAlive(moved, dir)) {
    await link(aside, file).catch(() => undefined);
    await rm(aside, { force: true });
    throw new SandboxDataDirInUseError(dir, moved.pid, moved.endpoint, file);
  }
  await rm(aside, { force: true });
};

const heldLock = (dir: string, file: string, mine: LockHolder): DataDirLock => {
  let released = false;
  return {
    file,
    setEndpoint: async (endpoint) => {
      mine.endpoint = endpoint;
      await writeFileAtomically(file, JSON.stringify(mine));
    },
    release: async () => {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      const holder = await readHolder(file);
      if (holder?.pid === process.pid) await rm(file, { force: true });
    },
  };
};
