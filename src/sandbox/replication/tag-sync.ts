import type { Bucket } from "../world/bucket";
import type { StoredObject } from "../world/versions";
import type { World } from "../world/world";
import { replicationProblem } from "./permissions";
import { routesFor } from "./routes";

/**
 * Where a tag change on one version must be copied (userguide/replication-what-is-isnot-replicated.html,
 * replication-for-metadata-changes.html): from a source object to its replicas, always; from a
 * replica back to its source only when the replica's bucket has a rule to the source's bucket with
 * replica modification sync (SourceSelectionCriteria.ReplicaModifications) Enabled. The other copy
 * is the version with the same version id in a bucket the changed version's own rules send it to.
 */
export interface TagSyncTarget {
  destination: Bucket;
  copy: StoredObject;
}

export const tagSyncTargets = (world: World, bucket: Bucket, version: StoredObject): TagSyncTarget[] => {
  const configuration = bucket.replication;
  if (!configuration) return [];
  const isReplica = version.replicationStatus === "REPLICA";
  return routesFor(configuration, version).flatMap((route) => {
    if (isReplica && route.rule.options?.replicaModifications !== "Enabled") return [];
    const destination = world.bucket(route.destination);
    const copy = destination?.objects.version(version.key, version.versionId);
    if (!destination || !copy || copy.kind !== "object") return [];
    // Only a source and its replica share a version id: one of the two must be the replica.
    if (isReplica === (copy.replicationStatus === "REPLICA")) return [];
    return [{ destination, copy }];
  });
};

/** Copies the tags if the configuration's role may replicate them, as S3 checks it; returns why not otherwise. */
export const syncTags = (world: World, bucket: Bucket, version: StoredObject, target: TagSyncTarget): string | undefined => {
  const role = bucket.replication?.role;
  if (!role) return `${bucket.name} no longer has a replication configuration`;
  const problem = replicationProblem(world, bucket, role, target.destination.name, version);
  if (problem) return problem;
  target.copy.tags = version.tags.map((tag) => ({ ...tag }));
  target.destination.objects.touch(target.copy.key);
  return undefined;
};
