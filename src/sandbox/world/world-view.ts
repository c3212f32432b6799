import type { VersioningState } from "./object-store";
import type { ReplicationStatus } from "./versions";
import type { World } from "./world";

/**
 * A read-only summary of the world's buckets for an embedder to draw (the workshop room's
 * projector page): where each bucket lives, whose it is, and how its replication is doing.
 * Copies only; nothing here can change the world.
 */

export interface SandboxBucketView {
  name: string;
  /** The owner's 12-digit account. */
  owner: string;
  region: string;
  versioning: VersioningState;
  /** The bucket's replication rules (enabled or not), each with its destination bucket. */
  replication: { rule: string; enabled: boolean; destination: string }[];
  /** How many of the bucket's versions are in each replication status (sources: PENDING, COMPLETED, FAILED; replicas: REPLICA). */
  replicationStatus: Partial<Record<ReplicationStatus, number>>;
}

export const worldView = (world: World): SandboxBucketView[] =>
  [...world.allBuckets()].map((bucket) => {
    const replicationStatus: Partial<Record<ReplicationStatus, number>> = {};
    for (const version of bucket.objects.allVersions()) {
      const status = "replicationStatus" in version ? version.replicationStatus : undefined;
      if (status) replicationStatus[status] = (replicationStatus[status] ?? 0) + 1;
    }
    return {
      name: bucket.name,
      owner: bucket.owner,
      region: bucket.region,
      versioning: bucket.versioning,
      replication: (bucket.replication?.rules ?? []).map((rule) => ({
        rule: rule.id,
        enabled: rule.status === "Enabled",
        destination: rule.destination.bucket,
      })),
      replicationStatus,
    };
  });
