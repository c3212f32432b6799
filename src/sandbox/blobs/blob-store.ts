import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isBeingRead, type BlobFile } from "../world/body";
import { processIsAlive } from "../process-alive";
import { storageFull } from "./storage-full";

/**
 * The folder that holds object and part bytes as immutable files (blobs/ in a data directory, a
 * temporary folder for an in-memory sandbox), and the account of how much it holds against the
 * sandbox's storage cap. A body is written to a temporary file, renamed to its id once complete,
 * and pinned until the world refers to it (or it is dropped), so a sweep never takes it early.
 */

const TEMPORARY_PREFIX = "tmp-";
const TEMPORARY_FOLDER = "s3-tutor-sandbox-bodies-";
const ORPHAN = new RegExp(`^${TEMPORARY_FOLDER}(\\d+)-`);

/** The temporary body folders of sandbox processes that are gone; one still in use is never touched. */
const removeOrphanedTemporaries = async (): Promise<void> => {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(ORPHAN.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid || processIsAlive(pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
};
const ID = /^[0-9a-f]{24}$/;
/** How many bytes of new blobs are stored before a sweep looks for ones nothing refers to any more (see sweepWith). */
const SWEEP_AFTER_BYTES = 64 * 1024 * 1024;

export interface BlobStoreOptions {
  /** Sync each file before it is named (a data directory); an in-memory sandbox does not need to. */
  durable: boolean;
  /** The most bytes the folder may hold, written or being written. */
  maxStoredBytes: number;
  /** Removed on close (the in-memory sandbox's temporary folder). */
  removeOnClose?: boolean;
}

export class BlobStore {
  private readonly files = new Map<string, BlobFile>();
  private readonly pinned = new Set<string>();
  private stored = 0;
  private writing = 0;
  /**
   * Bytes of small bodies kept in memory (not in files), counted as they arrive and never
   * lowered when one goes: an over-estimate, counted again from the world before it refuses anything.
   */
  private inline = 0;
  private inlineCounter: (() => number) | undefined;
  private reclaimer: (() => Promise<void>) | undefined;
  private reclaiming: Promise<void> | undefined;
  private referenced: (() => ReadonlySet<string>) | undefined;
  private unsweptBytes = 0;
  private sweeping: Promise<void> | undefined;
  private readonly removing = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly options: BlobStoreOptions,
  ) {}

  /** Opens `dir`, taking stock of the blobs in it; temporary files a crash left behind are removed. */
  static async open(dir: string, options: BlobStoreOptions): Promise<BlobStore> {
    await mkdir(dir, { recursive: true });
    const store = new BlobStore(dir, options);
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (name.startsWith(TEMPORARY_PREFIX)) await rm(path, { force: true });
      else store.track({ id: name, path, size: (await stat(path)).size });
    }
    return store;
  }

  /**
   * A fresh temporary folder, removed when the store is closed. Its name carries this process's
   * id, so the folders of sandboxes that were killed (and never closed) are removed here.
   */
  static async temporary(options: Omit<BlobStoreOptions, "removeOnClose" | "durable">): Promise<BlobStore> {
    await removeOrphanedTemporaries();
    const dir = await mkdtemp(join(tmpdir(), `${TEMPORARY_FOLDER}${process.pid}-`));
    return BlobStore.open(dir, { ...options, durable: false, removeOnClose: true });
  }

  get maxStoredBytes(): number {
    return this.options.maxStoredBytes;
  }

  /** Bytes in complete blobs, bytes being written now, and small bodies held in memory. */
  get usedBytes(): number {
    return this.stored + this.writing + this.inline;
  }

  /** How the bytes of small bodies in memory are counted exactly (a walk of the world); counted once now. */
  countInlineWith(counter: () => number): void {
    this.inlineCounter = counter;
    this.inline = counter();
  }

  /** A small body is about to be kept in memory: it counts against the cap too. */
  async reserveInline(bytes: number): Promise<void> {
    await this.reserve(bytes, bytes);
    this.writing -= bytes;
    this.inline += bytes;
  }

  /** How space is won back when the cap is reached: removing what nothing refers to. */
  onReclaim(reclaimer: () => Promise<void>): void {
    this.reclaimer = reclaimer;
  }

  /**
   * Sweeps as blobs are written (an in-memory sandbox): once SWEEP_AFTER_BYTES of new blobs are
   * referenced, the blobs `referenced` no longer names are removed, so overwritten objects do not
   * pile up until the cap, and their pages in the OS's file cache are reused by the next upload.
   */
  sweepWith(referenced: () => ReadonlySet<string>): void {
    this.referenced = referenced;
  }

  file(id: string): BlobFile | undefined {
    return this.files.get(id);
  }

  /** Starts a new blob; write its bytes, then finish or discard it. */
  async create(): Promise<BlobWriter> {
    const id = randomBytes(12).toString("hex");
    const temporary = join(this.dir, `${TEMPORARY_PREFIX}${id}`);
    const handle = await open(temporary, "wx");
    return new BlobWriter(this, id, temporary, join(this.dir, id), handle, this.options.durable);
  }

  /** Makes room for `bytes` more, reclaiming unreferenced blobs once if needed; StorageFull otherwise. */
  async reserve(bytes: number, proposedTotal: number): Promise<void> {
    if (this.usedBytes + bytes > this.options.maxStoredBytes && this.inlineCounter) this.inline = this.inlineCounter();
    if (this.usedBytes + bytes > this.options.maxStoredBytes && this.reclaimer) {
      this.reclaiming ??= this.reclaimer().finally(() => (this.reclaiming = undefined));
      await this.reclaiming;
    }
    if (this.usedBytes + bytes > this.options.maxStoredBytes) {
      throw storageFull(this.options.maxStoredBytes, this.usedBytes, proposedTotal);
    }
    this.writing += bytes;
  }

  /** Fails with StorageFull now if `bytes` more cannot fit (an upload's declared size, before it is read). */
  async ensureRoom(bytes: number): Promise<void> {
    await this.reserve(bytes, bytes);
    this.unreserve(bytes);
  }

  /** Gives back bytes reserved for a write that did not happen. */
  unreserve(bytes: number): void {
    this.writing -= bytes;
  }

  /** A blob is complete: its bytes count as stored, and it stays pinned until unpinned. */
  completed(file: BlobFile, reserved: number): void {
    this.writing -= reserved;
    this.track(file);
    this.pinned.add(file.id);
  }

  /** The world refers to the blob now, or never will (then a sweep removes it). */
  unpin(id: string): void {
    if (!this.pinned.delete(id)) return;
    this.unsweptBytes += this.files.get(id)?.size ?? 0;
    if (!this.referenced || this.sweeping || this.unsweptBytes < SWEEP_AFTER_BYTES) return;
    this.unsweptBytes = 0;
    const referenced = this.referenced;
    // After the request that unpinned it has been answered: the walk of the world is not its to wait for.
    this.sweeping = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.removeAllBut(referenced()))
      .catch(() => undefined)
      .finally(() => (this.sweeping = undefined));
  }

  /** Removes one blob at once (one that was never referenced). */
  async remove(id: string): Promise<void> {
    this.pinned.delete(id);
    await this.removeFile(id);
  }

  /** Removes every blob neither referenced, pinned nor being read (that one goes at a later sweep). */
  async removeAllBut(referenced: ReadonlySet<string>): Promise<void> {
    const doomed = [...this.files.keys()].filter((id) => !referenced.has(id) && !this.pinned.has(id) && !isBeingRead(id));
    for (const id of doomed) await this.removeFile(id);
  }

  async close(): Promise<void> {
    if (!this.options.removeOnClose) return;
    // A file still being read (Windows will not remove it) leaves the folder behind in the OS temp folder, not a failed close.
    await rm(this.dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }

  private track(file: BlobFile): void {
    if (!ID.test(file.id)) return; // not a blob: left alone
    this.files.set(file.id, file);
    this.stored += file.size;
  }

  private async removeFile(id: string): Promise<void> {
    const file = this.files.get(id);
    // A sweep and a reclaim may both come for it: it is counted off once.
    if (!file || this.removing.has(id)) return;
    this.removing.add(id);
    try {
      await rm(file.path, { force: true });
    } catch {
      return; // Windows keeps a file that is being read; the next sweep tries again
    } finally {
      this.removing.delete(id);
    }
    this.files.delete(id);
    this.stored -= file.size;
  }
}

/** One blob being written: bytes are counted against the cap as they arrive. */
export class BlobWriter {
  private size = 0;
  private done = false;

  constructor(
    private readonly store: BlobStore,
    readonly id: string,
    private readonly temporary: string,
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly durable: boolean,
  ) {}

  get bytesWritten(): number {
    return this.size;
  }

  /** Appends `pieces` (`bytes` in all); `proposedTotal`: the whole upload's size as far as known, for StorageFull. */
  async write(pieces: Buffer[], bytes: number, proposedTotal = this.size + bytes): Promise<void> {
    await this.store.reserve(bytes, proposedTotal);
    this.size += bytes;
    const written = (await this.handle.writev(pieces)).bytesWritten;
    if (written === bytes) return;
    // A short write (rare): the rest, until it is all written.
    const rest = Buffer.concat(pieces).subarray(written);
    for (let at = 0; at < rest.length; ) at += (await this.handle.write(rest, at)).bytesWritten;
  }

  async finish(): Promise<BlobFile> {
    this.done = true;
    try {
      if (this.durable) await this.handle.sync();
      await this.handle.close();
      await rename(this.temporary, this.path);
    } catch (error) {
      await rm(this.temporary, { force: true });
      this.store.unreserve(this.size);
      throw error;
    }
    const file = { id: this.id, path: this.path, size: this.size };
    this.store.completed(file, this.size);
    return file;
  }

  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
    this.store.unreserve(this.size);
  }
}
