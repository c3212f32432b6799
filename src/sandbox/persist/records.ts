import { parsePolicy } from "../../policy/document";
import type { AccountState, Role } from "../world/account";
import { newBucket, type Bucket, type BucketIdentity } from "../world/bucket";
import { MultipartUploads, uploadsOf, type MultipartUpload } from "../world/multipart-uploads";
import type { MrapOperation, MultiRegionAccessPoint } from "../world/mraps";
import type { ObjectVersion } from "../world/versions";
import type { World } from "../world/world";
import type { BodyRecord } from "./bodies";
import { decodeValue, encodeValue, type BodyReader, type BodyWriter, type Json } from "./codec";
import { SandboxDataError } from "./errors";

/**
 * The records the journal and the snapshot are made of. Each one holds the whole current state
 * of one thing (a bucket's settings, one key's versions, one upload, one account's roles), so
 * replaying them in order, the last one for each thing wins; a tombstone removes.
 */
export type StateRecord =
  | BodyRecord
  /** Everything about a bucket but its objects and uploads. */
  | { t: "bucket"; name: string; settings: Json }
  /** The bucket was deleted: its objects and uploads go with it. */
  | { t: "bucket-gone"; name: string }
  /** One key's versions and delete markers, newest first; none means the key is gone. */
  | { t: "key"; bucket: string; key: string; versions: Json[] }
  /** A multipart upload in progress with its parts; null once completed or aborted. */
  | { t: "upload"; bucket: string; id: string; upload: Json }
  /** An account's IAM roles, with their inline policies and tags, and its Multi-Region Access Points. */
  | { t: "account"; id: string; roles: Json[]; mraps?: Json[]; mrapOperations?: Json[] };

/**
 * A bucket's settings, every field but its objects: new fields persist with no change here.
 * The policy is kept as the owner's text and parsed again on load; uploads are records of their own.
 */
export const bucketSettings = (bucket: Bucket, bodies: BodyWriter): Json => {
  const { objects: _objects, changes: _changes, configurations, policy, ...fields } = bucket;
  const slots = [...configurations].filter(([, value]) => !(value instanceof MultipartUploads));
  return encodeValue(
    { ...fields, ...(policy ? { policy: { text: policy.text } } : {}), configurations: new Map(slots) },
    bodies,
    `bucket ${bucket.name}`,
  );
};

export const keyRecord = (bucket: Bucket, key: string, bodies: BodyWriter): StateRecord => ({
  t: "key",
  bucket: bucket.name,
  key,
  versions: bucket.objects.versionsOf(key).map((version, index) => encodeValue(version, bodies, `${bucket.name}/${key} version ${index}`)),
});

export const uploadRecord = (bucket: Bucket, uploadId: string, bodies: BodyWriter): StateRecord => {
  const upload = uploadsOf(bucket).byUploadId(uploadId);
  return { t: "upload", bucket: bucket.name, id: uploadId, upload: upload ? encodeValue(upload, bodies, `upload ${uploadId}`) : null };
};

export const accountRecord = (account: AccountState, bodies: BodyWriter): StateRecord => ({
  t: "account",
  id: account.id,
  roles: account.allRoles().map((role) => encodeValue(role, bodies, `role ${role.name}`)),
  // Left out when empty, so the records of accounts without any read as they always did.
  ...(account.mraps.points.size > 0
    ? { mraps: [...account.mraps.points.values()].map((point) => encodeValue(point, bodies, `access point ${point.name}`)) }
    : {}),
  ...(account.mraps.operations.size > 0
    ? { mrapOperations: [...account.mraps.operations.values()].map((op) => encodeValue(op, bodies, `request ${op.token}`)) }
    : {}),
});

/** Every record of a bucket, for a snapshot. */
export function* bucketRecords(bucket: Bucket, bodies: BodyWriter): Generator<StateRecord> {
  yield { t: "bucket", name: bucket.name, settings: bucketSettings(bucket, bodies) };
  for (const key of bucket.objects.keys()) yield keyRecord(bucket, key, bodies);
  for (const upload of uploadsOf(bucket).inProgress()) yield uploadRecord(bucket, upload.uploadId, bodies);
}

interface BucketDraft {
  settings: Json;
  keys: Map<string, Json[]>;
  uploads: Map<string, Json>;
}

/** The world as the records so far describe it, still undecoded: later records overwrite earlier ones. */
export class WorldDraft {
  private readonly buckets = new Map<string, BucketDraft>();
  private readonly accounts = new Map<string, Extract<StateRecord, { t: "account" }>>();

  constructor(private readonly dataDir: string) {}

  apply(raw: Json, bodies: { addLoaded(record: BodyRecord): void }): void {
    const record = raw as StateRecord;
    switch (record.t) {
      case "body":
        bodies.addLoaded(record);
        return;
      case "bucket": {
        const existing = this.buckets.get(record.name);
        if (existing) existing.settings = record.settings;
        else this.buckets.set(record.name, { settings: record.settings, keys: new Map(), uploads: new Map() });
        return;
      }
      case "bucket-gone":
        this.buckets.delete(record.name);
        return;
      case "key": {
        const keys = this.bucketFor(record).keys;
        if (record.versions.length === 0) keys.delete(record.key);
        else keys.set(record.key, record.versions);
        return;
      }
      case "upload": {
        const uploads = this.bucketFor(record).uploads;
        if (record.upload === null) uploads.delete(record.id);
        else uploads.set(record.id, record.upload);
        return;
      }
      case "account":
        this.accounts.set(record.id, record);
        return;
      default:
        throw new SandboxDataError(this.dataDir, `a record of an unknown kind: ${JSON.stringify(raw).slice(0, 120)}`);
    }
  }

  private bucketFor(record: { bucket: string; t: string }): BucketDraft {
    const draft = this.buckets.get(record.bucket);
    if (!draft) throw new SandboxDataError(this.dataDir, `a ${record.t} record of the bucket ${record.bucket}, which does not exist`);
    return draft;
  }

  /** Puts everything the records describe into the (empty) world. */
  build(world: World, bodies: BodyReader): void {
    for (const [name, draft] of this.buckets) {
      const bucket = this.bucketFrom(name, decodeValue(draft.settings, bodies) as Record<string, unknown>);
      for (const [key, versions] of draft.keys) {
        bucket.objects.restore(key, versions.map((version) => decodeValue(version, bodies) as ObjectVersion));
      }
      const uploads = uploadsOf(bucket);
      for (const upload of draft.uploads.values()) uploads.restore(decodeValue(upload, bodies) as MultipartUpload);
      world.addBucket(bucket);
    }
    for (const [id, record] of this.accounts) {
      const account = world.account(id);
      for (const role of record.roles) account.addRole(decodeValue(role, bodies) as Role);
      for (const point of record.mraps ?? []) {
        const decoded = decodeValue(point, bodies) as MultiRegionAccessPoint;
        account.mraps.points.set(decoded.name, decoded);
      }
      for (const operation of record.mrapOperations ?? []) {
        const decoded = decodeValue(operation, bodies) as MrapOperation;
        account.mraps.operations.set(decoded.token, decoded);
      }
    }
  }

  private bucketFrom(name: string, settings: Record<string, unknown>): Bucket {
    const { name: _name, owner, region, locationConstraint, namespace, createdAt, configurations, policy, ...rest } = settings;
    const identity = { name, owner, region, locationConstraint, namespace, createdAt } as BucketIdentity;
    const bucket = newBucket(identity);
    Object.assign(bucket, rest);
    for (const [slot, value] of (configurations as Map<string, unknown> | undefined) ?? []) bucket.configurations.set(slot, value);
    if (policy) {
      const text = (policy as { text: string }).text;
      const parsed = parsePolicy(text);
      if (!parsed.ok) throw new SandboxDataError(this.dataDir, `the policy of the bucket ${name} no longer parses`);
      bucket.policy = { text, document: parsed.document };
    }
    return bucket;
  }
}
