import type { Bucket } from "../world/bucket";
import type { DeleteMarker, StoredObject } from "../world/versions";
import type { ObjectTagsChanged, ObjectWritten, World } from "../world/world";
import type { ReplicationRule } from "./config";
import { replicationProblem } from "./permissions";
import { routesFor, type Route } from "./routes";
import { syncTags, tagSyncTargets } from "./tag-sync";

/**
 * Live replication: new versions that a rule matches are copied to each destination after a
 * short delay, off the request path, the way S3 does it asynchronously. The source reads
 * PENDING, then COMPLETED once every destination has its copy, or FAILED (never retried) when
 * one could not be made. Tag changes on a replicated version follow the same way (tag-sync.ts).
 * A tag change still waiting when the sandbox stops is not made after it starts again.
 */

export interface ReplicationEvent {
  key: string;
  versionId: string;
  kind: "object" | "deleteMarker";
  sourceBucket: string;
  sourceRegion: string;
  destinationBucket: string;
  destinationRegion?: string;
  status: "COMPLETED" | "FAILED";
  /** Why it failed, in words. */
  reason?: string;
}

/**
 * Milliseconds before a copy is made: a fixed delay, a random one between two bounds, or one
 * chosen per destination bucket.
 */
export type ReplicationDelay = number | readonly [number, number] | ((destinationBucket: string) => number);
export const DEFAULT_REPLICATION_DELAY: ReplicationDelay = [1000, 3000];

export interface ReplicationWorker {
  /** Schedules the copies of every version still PENDING in the world (after a restart). */
  resume(): void;
  /** Cancels every copy not yet made; nothing runs after this. */
  stop(): void;
}

const pick = (delay: ReplicationDelay, destination: string): number => {
  if (typeof delay === "function") return delay(destination);
  if (typeof delay === "number") return delay;
  return delay[0] + Math.random() * Math.max(0, delay[1] - delay[0]);
};

type Version = StoredObject | DeleteMarker;

export const startReplication = (
  world: World,
  options: {
    delay?: ReplicationDelay;
    onEvent?: (event: ReplicationEvent) => void;
    /** A tag change the role may not replicate: S3 leaves the other copy's tags as they were. */
    onTagSyncFailed?: (failure: { bucket: string; key: string; versionId: string; reason: string }) => void;
  } = {},
): ReplicationWorker => {
  const delay = options.delay ?? DEFAULT_REPLICATION_DELAY;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /**
   * A copy made after the delay, if its version is still stored in its bucket: one deleted
   * meanwhile (or its whole bucket) leaves nothing to copy, and must not land in a bucket that
   * has since been made again under the destination's name.
   */
  const schedule = (source: Bucket, version: Version, destination: string, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped && stillStored(world, source, version)) task();
    }, pick(delay, destination));
    timers.add(timer);
  };

  /** One copy made or failed: the version's progress (kept on it, so it persists) moves on. */
  const settle = (source: Bucket, version: Version, event: ReplicationEvent) => {
    options.onEvent?.(event);
    const progress = version.replicationProgress;
    if (!progress) return;
    progress.remaining = progress.remaining.filter((destination) => destination !== event.destinationBucket);
    progress.failed ||= event.status === "FAILED";
    // Why, kept on the version (so it persists); the sandbox tells it on HeadObject once FAILED.
    if (event.status === "FAILED" && version.kind === "object") {
      const reason = event.reason ?? `replication to ${event.destinationBucket} failed`;
      version.replicationFailure = version.replicationFailure ? `${version.replicationFailure}; ${reason}` : reason;
    }
    if (progress.remaining.length === 0) {
      delete version.replicationProgress;
      if (version.kind === "object") version.replicationStatus = progress.failed ? "FAILED" : "COMPLETED";
    }
    source.objects.touch(version.key);
  };

  const onWritten = ({ bucket, version }: ObjectWritten) => {
    const configuration = bucket.replication;
    // Replicas never replicate again (no chaining), and only new writes are replicated.
    if (!configuration || isReplica(version)) return;
    const routes = routesFor(configuration, version);
    if (routes.length === 0) return;
    if (version.kind === "object") version.replicationStatus = "PENDING";
    version.replicationProgress = { remaining: routes.map((route) => route.destination), failed: false };
    bucket.objects.touch(version.key);
    for (const route of routes) {
      schedule(bucket, version, route.destination, () => settle(bucket, version, replicateOne(world, bucket, configuration.role, route, version)));
    }
  };

  /**
   * A copy that was pending when the sandbox stopped, made as S3 would carry on: under the
   * bucket's configuration as it is now.
   */
  const resumeOne = (bucket: Bucket, version: Version, destination: string) => {
    const configuration = bucket.replication;
    const route = configuration && routesFor(configuration, version).find((candidate) => candidate.destination === destination);
    const event: ReplicationEvent =
      configuration && route
        ? replicateOne(world, bucket, configuration.role, route, version)
        : {
            ...eventBase(world, bucket, destination, version),
            status: "FAILED",
            reason: `the replication configuration of ${bucket.name} no longer sends this version to ${destination}`,
          };
    settle(bucket, version, event);
  };

  const resume = () => {
    for (const bucket of world.allBuckets()) {
      for (const key of bucket.objects.keys()) {
        for (const version of bucket.objects.versionsOf(key)) {
          for (const destination of version.replicationProgress?.remaining ?? []) {
            schedule(bucket, version, destination, () => resumeOne(bucket, version, destination));
          }
        }
      }
    }
  };

  /**
   * A tag change replicates like the object did, after the same kind of delay; the tags copied
   * are the version's tags when the copy is made (a later change wins, as it would on S3).
   */
  const onTagsChanged = ({ bucket, version }: ObjectTagsChanged) => {
    for (const target of tagSyncTargets(world, bucket, version)) {
      schedule(bucket, version, target.destination.name, () => {
        if (world.bucket(target.destination.name) !== target.destination) return;
        const problem = syncTags(world, bucket, version, target);
        if (problem) options.onTagSyncFailed?.({ bucket: bucket.name, key: version.key, versionId: version.versionId, reason: problem });
      });
    }
  };

  const unsubscribe = world.onObjectWritten(onWritten);
  const unsubscribeTags = world.onObjectTagsChanged(onTagsChanged);
  return {
    resume,
    stop: () => {
      stopped = true;
      unsubscribe();
      unsubscribeTags();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
};

const stillStored = (world: World, bucket: Bucket, version: Version): boolean =>
  world.bucket(bucket.name) === bucket && bucket.objects.versionsOf(version.key).includes(version);

const isReplica = (version: StoredObject | DeleteMarker): boolean =>
  version.kind === "object" ? version.replicationStatus === "REPLICA" : version.replica === true;

/** One copy to one destination: checked as S3 checks it, then made with the same version id. */
const eventBase = (world: World, source: Bucket, destinationName: string, version: Version) => {
  const destination = world.bucket(destinationName);
  return {
    key: version.key,
    versionId: version.versionId,
    kind: version.kind,
    sourceBucket: source.name,
    sourceRegion: source.region,
    destinationBucket: destinationName,
    ...(destination ? { destinationRegion: destination.region } : {}),
  };
};

const replicateOne = (world: World, source: Bucket, role: string, route: Route, version: Version): ReplicationEvent => {
  const destination = world.bucket(route.destination);
  const base = eventBase(world, source, route.destination, version);
  const problem = replicationProblem(world, source, role, route.destination, version);
  if (problem || !destination) return { ...base, status: "FAILED", reason: problem ?? `destination bucket ${route.destination} does not exist` };
  if (version.kind === "deleteMarker") {
    destination.objects.deleteLatest(version.key, destination.versioning, world.now(), version);
  } else {
    destination.objects.put(version.key, replicaData(version, route.rule), destination.versioning, world.now(), version.versionId);
  }
  return { ...base, status: "COMPLETED" };
};

/** The copy keeps body, metadata, tags and checksums; its storage class comes from the rule, else the source's. */
const replicaData = (source: StoredObject, rule: ReplicationRule) => ({
  body: source.body,
  etag: source.etag,
  contentType: source.contentType,
  contentHeaders: { ...source.contentHeaders },
  metadata: { ...source.metadata },
  tags: source.tags.map((tag) => ({ ...tag })),
  storageClass: rule.destination.storageClass ?? source.storageClass,
  checksums: { ...source.checksums },
  replicationStatus: "REPLICA" as const,
});
