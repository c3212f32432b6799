import { BucketChanges } from "./changes";
import { SortedKeys } from "./sorted-keys";
import {
  NULL_VERSION,
  newVersionId,
  type DeleteMarker,
  type ObjectData,
  type ObjectVersion,
  type StoredObject,
} from "./versions";

/** A bucket's versioning state; "Unversioned" is a bucket whose versioning was never set. */
export type VersioningState = "Unversioned" | "Enabled" | "Suspended";

/**
 * The objects of one bucket with S3's versioning semantics. Each key holds its versions
 * newest first; a write is one synchronous step, so concurrent writers each get a version,
 * in the order their requests completed. Every change goes through a method here, which records
 * the key in `changes` (handlers that change a version in place call touch).
 */
export class ObjectStore {
  private readonly byKey = new Map<string, ObjectVersion[]>();
  /** The same keys in S3's order, kept as they come and go, so a listing page seeks instead of sorting. */
  private readonly sorted = new SortedKeys();

  /** Counts every change (keys, versions, a version changed in place): what a listing page prepared ahead checks it is still true. */
  private changeCount = 0;

  constructor(private readonly changes: BucketChanges = new BucketChanges()) {}

  get generation(): number {
    return this.changeCount;
  }

  /** The newest version of a key: an object, a delete marker, or nothing. */
  latest(key: string): ObjectVersion | undefined {
    return this.byKey.get(key)?.[0];
  }

  version(key: string, versionId: string): ObjectVersion | undefined {
    return this.byKey.get(key)?.find((version) => version.versionId === versionId);
  }

  /** A version of this key was changed in place (its tags, its replication status). */
  touch(key: string): void {
    this.changed(key);
  }

  put(key: string, data: ObjectData, versioning: VersioningState, now: Date, versionId?: string): StoredObject {
    const object: StoredObject = {
      kind: "object",
      key,
      versionId: versionId ?? (versioning === "Enabled" ? newVersionId() : NULL_VERSION),
      lastModified: now,
      ...data,
    };
    this.addNewest(object);
    return object;
  }

  /** DeleteObject without a version id: removes the object, or stacks a delete marker. */
  deleteLatest(key: string, versioning: VersioningState, now: Date, replicaOf?: DeleteMarker): DeleteMarker | undefined {
    if (versioning === "Unversioned") {
      this.remove(key);
      this.changed(key);
      return undefined;
    }
    const marker: DeleteMarker = {
      kind: "deleteMarker",
      key,
      // A replicated delete marker keeps the source's version id, as objects do.
      versionId: replicaOf?.versionId ?? (versioning === "Enabled" ? newVersionId() : NULL_VERSION),
      lastModified: now,
      ...(replicaOf ? { replica: true } : {}),
    };
    this.addNewest(marker);
    return marker;
  }

  /** DeleteObject with a version id: removes that version for good. */
  deleteVersion(key: string, versionId: string): ObjectVersion | undefined {
    const versions = this.byKey.get(key);
    const index = versions?.findIndex((version) => version.versionId === versionId) ?? -1;
    if (!versions || index === -1) return undefined;
    const [removed] = versions.splice(index, 1);
    if (versions.length === 0) this.remove(key);
    this.changed(key);
    return removed;
  }

  /**
   * The keys in S3's order (UTF-8 bytes) from the first for which `before` is false, each with
   * versions or a delete marker (see SortedKeys.from for what `before` must be). Read the walk
   * to its end or drop it before the store changes.
   */
  keysInOrder(before?: (key: string) => boolean): Generator<string, void, undefined> {
    return this.sorted.from(before);
  }

  isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** A key's versions, newest first (empty when the key has none): what persistence writes. */
  versionsOf(key: string): readonly ObjectVersion[] {
    return this.byKey.get(key) ?? [];
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  /** Puts back a key's versions as persistence kept them, newest first; nothing is recorded. */
  restore(key: string, versions: ObjectVersion[]): void {
    this.changeCount++;
    if (versions.length === 0) this.remove(key);
    else {
      this.byKey.set(key, versions);
      this.sorted.add(key);
    }
  }

  private addNewest(version: ObjectVersion): void {
    const versions = this.byKey.get(version.key) ?? [];
    // A null version is replaced, wherever it sits in the stack.
    const kept = version.versionId === NULL_VERSION ? versions.filter((v) => v.versionId !== NULL_VERSION) : versions;
    if (versions.length === 0) this.sorted.add(version.key);
    this.byKey.set(version.key, [version, ...kept]);
    this.changed(version.key);
  }

  private remove(key: string): void {
    this.changeCount++;
    if (this.byKey.delete(key)) this.sorted.delete(key);
  }

  private changed(key: string): void {
    this.changeCount++;
    this.changes.key(key);
  }
}
