import { faultOf } from "../sdk-faults";
import type { Target } from "../target";
import type { ListedVersion } from "./api-object-versions";
import type { ReplicationCounts } from "./world-snapshot";

/** A bucket whose versions' replication status is wanted, and who may read it where. */
export interface StatusBucket {
  name: string;
  identity: string;
  region: string;
  /** An unversioned bucket's objects are headed without a version id ("null" is not one S3 accepts everywhere). */
  versioned: boolean;
  versions: ListedVersion[];
}

export interface StatusReading {
  counts: ReplicationCounts;
  /** Versions not headed because the refresh's cap was reached. */
  skipped: number;
  /** Heads that failed, by error code. */
  failures: Map<string, number>;
}

type Status = keyof ReplicationCounts;

/** S3 has said both COMPLETE and COMPLETED for the same thing. */
const statusOf = (value: unknown): Status | undefined => {
  if (value === "COMPLETE" || value === "COMPLETED") return "COMPLETED";
  return value === "PENDING" || value === "FAILED" || value === "REPLICA" ? value : undefined;
};

const PARALLEL_HEADS = 8;

/**
 * HeadObject's x-amz-replication-status for each version, at most `maxHeads` over all buckets
 * (in the order given, so the same world reads the same versions), a few at a time.
 */
export const readReplicationStatus = async (target: Target, buckets: StatusBucket[], maxHeads: number): Promise<Map<string, StatusReading>> => {
  const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
  const readings = new Map<string, StatusReading>();
  const heads: { bucket: StatusBucket; version: ListedVersion; reading: StatusReading }[] = [];
  for (const bucket of buckets) {
    const reading: StatusReading = { counts: {}, skipped: 0, failures: new Map() };
    readings.set(bucket.name, reading);
    for (const version of bucket.versions) {
      if (heads.length < maxHeads) heads.push({ bucket, version, reading });
      else reading.skipped++;
    }
  }
  const headOne = async ({ bucket, version, reading }: (typeof heads)[number]) => {
    try {
      const s3 = await target.client("s3", bucket.identity, bucket.region);
      const answer = (await s3.send(
        new HeadObjectCommand({ Bucket: bucket.name, Key: version.key, ...(bucket.versioned ? { VersionId: version.versionId } : {}) }),
      )) as { ReplicationStatus?: string };
      const status = statusOf(answer.ReplicationStatus);
      if (status) reading.counts[status] = (reading.counts[status] ?? 0) + 1;
    } catch (error) {
      const { code } = faultOf(error);
      reading.failures.set(code, (reading.failures.get(code) ?? 0) + 1);
    }
  };
  for (let next = 0; next < heads.length; next += PARALLEL_HEADS) await Promise.all(heads.slice(next, next + PARALLEL_HEADS).map(headOne));
  return readings;
};
