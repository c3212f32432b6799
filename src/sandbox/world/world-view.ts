import { statusOf, type MrapStatus } from "./mraps";
import type { ObjectStore, VersioningState } from "./object-store";
import type { ReplicationStatus } from "./versions";
import type { World } from "./world";

/**
 * A read-only summary of the world's buckets for an embedder to draw (the workshop room's
 * projector page, the world panel): where each bucket lives, whose it is, and how its
 * replication is doing. Copies only; nothing here can change the world.
 */

export interface SandboxBucketView {
  name: string;
  /** The owner's 12-digit account. */
  owner: string;
  region: string;
  versioning: VersioningState;
  /** Keys whose newest version is an object (what ListObjects would count). */
  objects: number;
  /** The bucket's replication rules (enabled or not), each with its destination bucket. */
  replication: { rule: string; enabled: boolean; destination: string }[];
  /** How many of the bucket's versions are in each replication status (sources: PENDING, COMPLETED, FAILED; replicas: REPLICA). */
  replicationStatus: Partial<Record<ReplicationStatus, number>>;
}

/** A Multi-Region Access Point as S3 Control would list it, with the account that owns it. */
export interface SandboxMrapView {
  account: string;
  name: string;
  status: MrapStatus;
  regions: { region: string; bucket: string }[];
}

/** Counted without sorting the keys: the view is read every second while a panel is open. */
const currentObjectCount = (objects: ObjectStore): number => {
  let count = 0;
  for (const key of objects.keys()) if (objects.latest(key)?.kind === "object") count++;
  return count;
};

export const worldView = (world: World): SandboxBucketView[] =>
  [...world.allBuckets()].map((bucket) => {
    const replicationStatus: Partial<Record<ReplicationStatus, number>> = {};
    // Counted in the store's own order: the view is read every second while a panel is open.
    for (const key of bucket.objects.keys()) {
      for (const version of bucket.objects.versionsOf(key)) {
        const status = "replicationStatus" in version ? version.replicationStatus : undefined;
        if (status) replicationStatus[status] = (replicationStatus[status] ?? 0) + 1;
      }
    }
    return {
      name: bucket.name,
      owner: bucket.owner,
      region: bucket.region,
      versioning: bucket.versioning,
      objects: currentObjectCount(bucket.objects),
      replication: (bucket.replication?.rules ?? []).map((rule) => ({
        rule: rule.id,
        enabled: rule.status === "Enabled",
        destination: rule.destination.bucket,
      })),
      replicationStatus,
    };
  });

/** Every account's access points whose deletion has not finished, as ListMultiRegionAccessPoints shows them. */
export const mrapView = (world: World): SandboxMrapView[] => {
  const now = world.now();
  return [...world.allAccounts()].flatMap((account) =>
    account.mraps.live(now).map((point) => ({
      account: account.id,
      name: point.name,
      status: statusOf(point, now),
      regions: point.routes.map((route) => ({ region: route.region, bucket: route.bucket })),
    })),
  );
};
