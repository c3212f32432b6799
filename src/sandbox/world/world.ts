import { AccountState } from "./account";
import type { Bucket } from "./bucket";
import { WorldChanges } from "./changes";
import { Listeners } from "./listeners";
import type { StoredObject, DeleteMarker } from "./versions";

/** Why a version appeared; replication reacts to these. */
export type ObjectWriteCause = "PutObject" | "CopyObject" | "CompleteMultipartUpload" | "DeleteObject";

export interface ObjectWritten {
  bucket: Bucket;
  version: StoredObject | DeleteMarker;
  cause: ObjectWriteCause;
}

export type ObjectWrittenListener = (event: ObjectWritten) => void;

/** An object version's tags were replaced (PutObjectTagging) or removed (DeleteObjectTagging). */
export interface ObjectTagsChanged {
  bucket: Bucket;
  version: StoredObject;
}

/**
 * All state of one sandbox: the partition's shared bucket namespace and every account.
 * Kept in memory; with a data directory, src/sandbox/persist loads it at start and writes each
 * change down (what changed is recorded once trackChanges is called).
 */
export class World {
  /** One namespace for the whole partition: a name belongs to at most one account. */
  private readonly bucketsByName = new Map<string, Bucket>();
  private readonly bucketCounts = new Map<string, number>();
  private readonly accounts = new Map<string, AccountState>();
  private readonly written = new Listeners<ObjectWritten>();
  private readonly tagsChanged = new Listeners<ObjectTagsChanged>();
  private tracked: WorldChanges | undefined;

  constructor(readonly now: () => Date = () => new Date()) {}

  /** What changed since persistence last took it; undefined in an in-memory sandbox. */
  get changes(): WorldChanges | undefined {
    return this.tracked;
  }

  /** From now on every bucket, key, upload and account that changes is recorded. */
  trackChanges(): WorldChanges {
    if (!this.tracked) {
      this.tracked = new WorldChanges();
      for (const bucket of this.bucketsByName.values()) this.trackBucket(bucket);
    }
    return this.tracked;
  }

  private trackBucket(bucket: Bucket): void {
    const changes = this.tracked;
    if (changes) bucket.changes.track(() => changes.bucket(bucket.name));
  }

  /** The account if the sandbox has seen it, without creating it. */
  knownAccount(id: string): AccountState | undefined {
    return this.accounts.get(id);
  }

  allAccounts(): IterableIterator<AccountState> {
    return this.accounts.values();
  }

  allBuckets(): IterableIterator<Bucket> {
    return this.bucketsByName.values();
  }

  account(id: string): AccountState {
    let account = this.accounts.get(id);
    if (!account) {
      account = new AccountState(id);
      this.accounts.set(id, account);
    }
    return account;
  }

  bucket(name: string): Bucket | undefined {
    return this.bucketsByName.get(name);
  }

  addBucket(bucket: Bucket): void {
    this.bucketsByName.set(bucket.name, bucket);
    this.bucketCounts.set(bucket.owner, this.bucketCount(bucket.owner) + 1);
    this.trackBucket(bucket);
    this.tracked?.bucket(bucket.name);
  }

  removeBucket(bucket: Bucket): void {
    if (!this.bucketsByName.delete(bucket.name)) return;
    this.bucketCounts.set(bucket.owner, this.bucketCount(bucket.owner) - 1);
    this.tracked?.bucket(bucket.name);
  }

  bucketCount(account: string): number {
    return this.bucketCounts.get(account) ?? 0;
  }

  bucketsOwnedBy(account: string): Bucket[] {
    return [...this.bucketsByName.values()]
      .filter((bucket) => bucket.owner === account)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Subscribes to every new object version and delete marker; returns the unsubscribe function. */
  onObjectWritten(listener: ObjectWrittenListener): () => void {
    return this.written.add(listener);
  }

  objectWritten(event: ObjectWritten): void {
    this.written.emit(event);
  }

  /** Subscribes to tag changes on existing versions; returns the unsubscribe function. */
  onObjectTagsChanged(listener: (event: ObjectTagsChanged) => void): () => void {
    return this.tagsChanged.add(listener);
  }

  objectTagsChanged(event: ObjectTagsChanged): void {
    this.tagsChanged.emit(event);
  }
}
