import type { RequestLogEntry, SandboxBucketView } from "../../sandbox/index";
import type { RoomState } from "../room-state";

/**
 * The room's S3 world for the projector page: every participant's buckets in their Region, with
 * their owner's name, replication and its progress, and the namespace lesson's collisions (who took
 * a name, who was refused it with BucketAlreadyExists).
 */

/** The collisions the room remembers (a room of 200 trying one name is 200 refusals of one bucket). */
const MAX_COLLIDED_BUCKETS = 200;
const MAX_REFUSED_PER_BUCKET = 200;
/** The page draws at most this many buckets (a projector has room for fewer still). */
const MAX_BUCKETS_SHOWN = 600;

/** The sandbox's BucketAlreadyExists refusals, in memory: bucket → the accounts refused it. */
export class BucketCollisions {
  private readonly refused = new Map<string, Set<string>>();

  /** Reads one sandbox request; true when it was a collision (the page has news). */
  record(entry: RequestLogEntry): boolean {
    if (entry.operation !== "CreateBucket" || entry.errorCode !== "BucketAlreadyExists" || !entry.account) return false;
    const bucket = entry.path.split("/")[1];
    if (!bucket) return false;
    let accounts = this.refused.get(bucket);
    if (!accounts) {
      if (this.refused.size >= MAX_COLLIDED_BUCKETS) return false;
      accounts = new Set();
      this.refused.set(bucket, accounts);
    }
    if (accounts.size >= MAX_REFUSED_PER_BUCKET || accounts.has(entry.account)) return false;
    accounts.add(entry.account);
    return true;
  }

  get entries(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.refused;
  }
}

export interface PageBucket {
  name: string;
  /** The participant's name (", other account" for their second one), or the account when the room does not know it. */
  owner: string;
  region: string;
  versioned: boolean;
  /** Replication rules: to which bucket (and its Region, when it exists). */
  replication: { destination: string; destinationRegion?: string; enabled: boolean }[];
  /** Versions waiting, copied, failed (as a source); replicas held (as a destination). */
  status: { pending: number; completed: number; failed: number; replicas: number };
  /** Who was refused this name with BucketAlreadyExists. */
  refused: string[];
}

export interface PageWorld {
  /** Columns: the Regions that hold a bucket, sorted. */
  regions: string[];
  buckets: PageBucket[];
  /** How many buckets the page left out (the page shows at most MAX_BUCKETS_SHOWN). */
  hidden: number;
}

export const roomWorldView = (buckets: readonly SandboxBucketView[], collisions: BucketCollisions, state: RoomState): PageWorld => {
  const names = new Map<string, string>();
  for (const participant of state.participants.values()) {
    if (participant.target.kind !== "room") continue;
    names.set(participant.target.identities.default.account, participant.name);
    names.set(participant.target.identities.other.account, `${participant.name}, other account`);
  }
  const who = (account: string) => names.get(account) ?? `account ${account}`;
  const regionOf = new Map(buckets.map((bucket) => [bucket.name, bucket.region]));
  // Buckets with a collision first: they are what the namespace lesson is about.
  const sorted = [...buckets].sort(
    (a, b) => Number(collisions.entries.has(b.name)) - Number(collisions.entries.has(a.name)) || a.region.localeCompare(b.region) || a.name.localeCompare(b.name),
  );
  const shown = sorted.slice(0, MAX_BUCKETS_SHOWN).map(
    (bucket): PageBucket => ({
      name: bucket.name,
      owner: who(bucket.owner),
      region: bucket.region,
      versioned: bucket.versioning === "Enabled",
      replication: bucket.replication.map((rule) => {
        const destinationRegion = regionOf.get(rule.destination);
        return { destination: rule.destination, ...(destinationRegion ? { destinationRegion } : {}), enabled: rule.enabled };
      }),
      status: {
        pending: bucket.replicationStatus.PENDING ?? 0,
        completed: bucket.replicationStatus.COMPLETED ?? 0,
        failed: bucket.replicationStatus.FAILED ?? 0,
        replicas: bucket.replicationStatus.REPLICA ?? 0,
      },
      refused: [...(collisions.entries.get(bucket.name) ?? [])].map(who),
    }),
  );
  return { regions: [...new Set(shown.map((bucket) => bucket.region))].sort(), buckets: shown, hidden: sorted.length - shown.length };
};
