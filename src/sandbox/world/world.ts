import { AccountState } from "./account";
import type { Bucket } from "./bucket";
import type { StoredObject, DeleteMarker } from "./versions";

/** Why a version appeared; replication reacts to these. */
export type ObjectWriteCause = "PutObject" | "CopyObject" | "CompleteMultipartUpload" | "DeleteObject";

export interface ObjectWritten {
  bucket: Bucket;
  version: StoredObject | DeleteMarker;
  cause: ObjectWriteCause;
}

export type ObjectWrittenListener = (event: ObjectWritten) => void;

/**
 * All state of one sandbox: the partition's shared bucket namespace and every account.
 * Nothing is persisted; a new sandbox starts empty.
 */
export class World {
  /** One namespace for the whole partition: a name belongs to at most one account. */
  private readonly bucketsByName = new Map<string, Bucket>();
  private readonly bucketCounts = new Map<string, number>();
  private readonly accounts = new Map<string, AccountState>();
  private readonly listeners: ObjectWrittenListener[] = [];

  constructor(readonly now: () => Date = () => new Date()) {}

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
  }

  removeBucket(bucket: Bucket): void {
    if (!this.bucketsByName.delete(bucket.name)) return;
    this.bucketCounts.set(bucket.owner, this.bucketCount(bucket.owner) - 1);
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
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index !== -1) this.listeners.splice(index, 1);
    };
  }

  objectWritten(event: ObjectWritten): void {
    for (const listener of this.listeners) listener(event);
  }
}
