import { mkdir, readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Bucket } from "../world/bucket";
import { World } from "../world/world";
import { BlobStore } from "../blobs/blob-store";
import { referencedBlobs } from "../blobs/referenced";
import { BodyStore, type BodyBatch } from "./bodies";
import { CommitQueue } from "./commit-queue";
import { syncDir } from "./durable-fs";
import { JournalWriter, readJournal } from "./journal";
import { accountRecord, bucketRecords, bucketSettings, keyRecord, uploadRecord, WorldDraft, type StateRecord } from "./records";
import { readSnapshot, SnapshotWriter } from "./snapshot";

/**
 * A sandbox's world kept in a data directory:
 *
 *   snapshot.jsonl        the whole world as records (see snapshot.ts)
 *   journal-<n>.jsonl     the commits since that snapshot, one line each (see journal.ts)
 *   blobs/<id>            bodies larger than INLINE_BODY_LIMIT (see bodies.ts)
 *   sandbox.lock          the process serving it (see lock.ts)
 *
 * Loading replays the journal over the snapshot; a new snapshot is then written at once (so a
 * torn journal tail is never appended to), again when the journal outgrows the snapshot, and
 * on close.
 */

const SNAPSHOT_FILE = "snapshot.jsonl";
const journalFile = (generation: number) => `journal-${generation}.jsonl`;
const JOURNAL_NAME = /^journal-(\d+)\.jsonl$/;
/** The journal is folded into a new snapshot past this size, or past the snapshot's own size if larger. */
export const JOURNAL_SNAPSHOT_BYTES = 4 * 1024 * 1024;

/** What was last written for a bucket's settings, and for which bucket (a re-created name is a new bucket). */
interface WrittenBucket {
  bucket: Bucket;
  settings: string;
}

export interface DataDirStoreOptions {
  /** The cap on the bytes in blobs/ (see BlobStore). */
  maxStoredBytes: number;
  /** A write that was not made on behalf of a request failed (it is tried again with the next commit). */
  onBackgroundError?: (error: unknown) => void;
}

export class DataDirStore {
  private readonly queue = new CommitQueue();
  private readonly writtenBuckets = new Map<string, WrittenBucket>();
  private readonly writtenAccounts = new Map<string, string>();
  private journal: JournalWriter | undefined;
  private generation = 0;
  private snapshotBytes = 0;
  private snapshotQueued = false;
  private commitScheduled = false;
  private retryDelayMs = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed: Promise<void> | undefined;

  private constructor(
    readonly dataDir: string,
    readonly world: World,
    private readonly bodies: BodyStore,
    private readonly options: DataDirStoreOptions,
  ) {}

  /** The files that hold object and part bytes. */
  get blobs(): BlobStore {
    return this.bodies.blobs;
  }

  /** Loads the world kept in `dataDir` (an empty one if there is none yet) and starts tracking its changes. */
  static async open(dataDir: string, now: () => Date, options: DataDirStoreOptions): Promise<DataDirStore> {
    const dir = resolve(dataDir);
    await mkdir(dir, { recursive: true });
    const blobs = await BlobStore.open(join(dir, "blobs"), { durable: true, maxStoredBytes: options.maxStoredBytes });
    const bodies = new BodyStore(dir, blobs);
    const world = new World(now);
    const store = new DataDirStore(dir, world, bodies, options);
    await store.load();
    world.trackChanges().onChange(() => store.scheduleCommit());
    await store.queue.run(() => store.writeSnapshot());
    return store;
  }

  private async load(): Promise<void> {
    const draft = new WorldDraft(this.dataDir);
    const snapshot = await readSnapshot(join(this.dataDir, SNAPSHOT_FILE), this.dataDir);
    for (const record of snapshot?.records ?? []) draft.apply(record, this.bodies);
    this.generation = snapshot?.header.journal ?? (await this.newestJournal());
    const journal = await readJournal(join(this.dataDir, journalFile(this.generation)), this.dataDir);
    for (const commit of journal.commits) for (const record of commit) draft.apply(record, this.bodies);
    draft.build(this.world, this.bodies);
    this.bodies.forgetLoaded();
  }

  /** Without a snapshot (one never finished), the journal is the only one there is. */
  private async newestJournal(): Promise<number> {
    const generations = (await readdir(this.dataDir)).map((name) => JOURNAL_NAME.exec(name)?.[1]).filter((n) => n !== undefined);
    return Math.max(0, ...generations.map(Number));
  }

  /**
   * Makes every change made so far durable; resolves once it is on disk. Requests call this
   * before their response is sent.
   */
  commit(): Promise<void> {
    if (this.closed) return this.closed;
    return this.queue.commit(() => this.writeChanges());
  }

  /**
   * Changes made outside a request (replication) are committed soon after, on their own; after
   * a failure (a full disk), a little later each time rather than in a tight loop.
   */
  private scheduleCommit(): void {
    if (this.commitScheduled || this.closed) return;
    this.commitScheduled = true;
    const run = () => {
      this.commitScheduled = false;
      this.commit().then(
        () => (this.retryDelayMs = 0),
        (error: unknown) => {
          this.retryDelayMs = Math.min(Math.max(100, this.retryDelayMs * 2), 5000);
          this.options.onBackgroundError?.(error);
        },
      );
    };
    if (this.retryDelayMs === 0) setImmediate(run);
    else this.retryTimer = setTimeout(run, this.retryDelayMs).unref();
  }

  private async writeChanges(): Promise<void> {
    const changes = this.world.changes;
    const journal = this.journal;
    if (!changes || !journal) return;
    const { buckets, accounts } = changes.take();
    const batch = this.bodies.forCommit();
    const records: StateRecord[] = [];
    const takenKeys: Array<{ bucket: Bucket; keys: string[]; uploads: string[] }> = [];
    const settled: Array<() => void> = [];
    try {
      for (const name of buckets) this.bucketChanges(name, batch, records, takenKeys, settled);
      for (const id of accounts) {
        const account = this.world.knownAccount(id);
        if (!account) continue;
        const record = accountRecord(account, batch);
        const text = JSON.stringify(record);
        const written = this.writtenAccounts.get(id);
        if (written === text || (written === undefined && account.isEmpty())) continue;
        records.push(record);
        settled.push(() => this.writtenAccounts.set(id, text));
      }
      if (records.length === 0) return;
      const bodyRecords = await this.bodies.persist(batch);
      await journal.append([...bodyRecords, ...records]);
    } catch (error) {
      // Nothing of this commit counts: mark it all changed again, so the next commit retries it.
      for (const name of buckets) changes.bucket(name);
      for (const id of accounts) changes.account(id);
      for (const { bucket, keys, uploads } of takenKeys) {
        for (const key of keys) bucket.objects.touch(key);
        for (const upload of uploads) bucket.changes.upload(upload);
      }
      throw error;
    }
    this.bodies.settle(batch);
    for (const done of settled) done();
    if (journal.size > Math.max(JOURNAL_SNAPSHOT_BYTES, this.snapshotBytes) && !this.snapshotQueued) {
      this.snapshotQueued = true;
      this.queue.run(() => this.writeSnapshot()).catch((error: unknown) => this.options.onBackgroundError?.(error));
    }
  }

  private bucketChanges(
    name: string,
    batch: BodyBatch,
    records: StateRecord[],
    takenKeys: Array<{ bucket: Bucket; keys: string[]; uploads: string[] }>,
    settled: Array<() => void>,
  ): void {
    const current = this.world.bucket(name);
    const written = this.writtenBuckets.get(name);
    const replaced = written !== undefined && written.bucket !== current;
    if (replaced) {
      records.push({ t: "bucket-gone", name });
      settled.push(() => this.writtenBuckets.delete(name));
    }
    if (!current) return;
    const settings = bucketSettings(current, batch);
    const text = JSON.stringify(settings);
    if (!written || replaced || written.settings !== text) {
      records.push({ t: "bucket", name, settings });
      settled.push(() => this.writtenBuckets.set(name, { bucket: current, settings: text }));
    }
    const { keys, uploads } = current.changes.take();
    takenKeys.push({ bucket: current, keys, uploads });
    for (const key of keys) records.push(keyRecord(current, key, batch));
    for (const upload of uploads) records.push(uploadRecord(current, upload, batch));
  }

  /**
   * The whole world into a new snapshot, continued by a new, empty journal; then the old
   * journal and the body files nothing refers to any more are removed.
   */
  private async writeSnapshot(): Promise<void> {
    this.snapshotQueued = false;
    const generation = this.generation + 1;
    const nextJournal = await JournalWriter.open(join(this.dataDir, journalFile(generation)), true);
    await syncDir(this.dataDir);
    const batch = this.bodies.forSnapshot();
    const writer = await SnapshotWriter.start(join(this.dataDir, SNAPSHOT_FILE), generation);
    const writtenBuckets = new Map<string, WrittenBucket>();
    const writtenAccounts = new Map<string, string>();
    let bytes: number;
    try {
      for (const bucket of this.world.allBuckets()) {
        const records = [...bucketRecords(bucket, batch)];
        for (const body of await this.bodies.persist(batch)) await writer.record(body);
        for (const record of records) await writer.record(record);
        const settings = records[0] as Extract<StateRecord, { t: "bucket" }>;
        writtenBuckets.set(bucket.name, { bucket, settings: JSON.stringify(settings.settings) });
      }
      for (const account of this.world.allAccounts()) {
        if (account.isEmpty()) continue;
        const record = accountRecord(account, batch);
        await writer.record(record);
        writtenAccounts.set(account.id, JSON.stringify(record));
      }
      bytes = await writer.commit();
    } catch (error) {
      await writer.abandon();
      await nextJournal.close();
      throw error;
    }
    const previous = this.journal;
    this.journal = nextJournal;
    this.generation = generation;
    this.snapshotBytes = bytes;
    await previous?.close();
    await this.removeOldJournals();
    await this.bodies.keepOnly(batch, referencedBlobs(this.world));
    this.replaceWritten(writtenBuckets, writtenAccounts);
  }

  private replaceWritten(buckets: Map<string, WrittenBucket>, accounts: Map<string, string>): void {
    this.writtenBuckets.clear();
    for (const [name, written] of buckets) this.writtenBuckets.set(name, written);
    this.writtenAccounts.clear();
    for (const [id, text] of accounts) this.writtenAccounts.set(id, text);
  }

  private async removeOldJournals(): Promise<void> {
    for (const name of await readdir(this.dataDir)) {
      const generation = JOURNAL_NAME.exec(name)?.[1];
      if (generation !== undefined && Number(generation) < this.generation) await rm(join(this.dataDir, name), { force: true });
    }
  }

  /** A snapshot now, so the blob files that nothing refers to any more can go (the storage cap is near). */
  compact(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.queue.run(() => this.writeSnapshot());
  }

  /** Writes what is pending, then a final snapshot; nothing is written after this. */
  close(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.closed ??= (async () => {
      await this.queue.run(() => this.writeSnapshot());
      await this.journal?.close();
      this.journal = undefined;
    })();
    return this.closed;
  }
}
