/**
 * What the world panel draws: the target's S3 world as the learner's account sees it, read
 * directly from the embedded sandbox or through the API on LocalStack and AWS. Plain data, so the
 * panel can be drawn from a scripted world in tests and the readers tested apart from it.
 */

export type ReplicationCounts = Partial<Record<"PENDING" | "COMPLETED" | "FAILED" | "REPLICA", number>>;

export interface WorldBucket {
  name: string;
  region: string;
  /** "you": the learner's own (default) account; "other": any other account, the target's second identity included, so both readers agree and a taken name reads as another account's. */
  owner: "you" | "other";
  /** The 12-digit account when known. */
  account?: string;
  versioning: "Unversioned" | "Enabled" | "Suspended";
  /** Objects counted (current versions); `objectsCapped` when the reader stopped at its cap. */
  objects?: number;
  objectsCapped?: boolean;
  /** Per-object replication status of the bucket's versions, as far as they were read. */
  replication: ReplicationCounts;
}

export interface WorldArrow {
  from: string;
  to: string;
  /** The destination's Region when known (a bucket in the snapshot, or read from the rule). */
  toRegion?: string;
  rule: string;
  enabled: boolean;
}

export interface WorldMrap {
  name: string;
  /** "CREATING" | "READY" | … as S3 Control says. */
  status: string;
  regions: { region: string; bucket: string }[];
}

export interface WorldSnapshot {
  /** When it was read, ISO 8601. */
  at: string;
  /** Every Region with a bucket, plus the target's two lesson Regions, in a stable order. */
  regions: string[];
  buckets: WorldBucket[];
  replication: WorldArrow[];
  mraps: WorldMrap[];
  /** Names taken by another account that the learner tried (from 409 BucketAlreadyExists), when known. */
  takenNames?: string[];
  /** What the reader could not see, in words ("object counts capped at 200 per bucket", "MRAPs: AccessDenied"). */
  unseen: string[];
}
