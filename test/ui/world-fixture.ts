import type { WorldSnapshot } from "../../src/targets/world/world-snapshot";

/**
 * A scripted world: the learner's buckets in two Regions, a name another account holds, and a
 * replication rule from eu-west-1 to us-east-1 whose object is PENDING, then COMPLETED.
 */
export const scriptedWorld = (phase: "pending" | "completed"): WorldSnapshot => ({
  at: phase === "pending" ? "2026-12-05T03:10:00.000Z" : "2026-12-05T03:10:01.000Z",
  regions: ["eu-west-1", "us-east-1"],
  buckets: [
    {
      name: "s3t-k3j9-src",
      region: "eu-west-1",
      owner: "you",
      account: "111111111111",
      versioning: "Enabled",
      objects: 1,
      replication: phase === "pending" ? { PENDING: 1 } : { COMPLETED: 1 },
    },
    { name: "s3t-k3j9-logs", region: "eu-west-1", owner: "you", versioning: "Unversioned", objects: 0, replication: {} },
    {
      name: "s3t-k3j9-dst",
      region: "us-east-1",
      owner: "you",
      versioning: "Enabled",
      objects: phase === "pending" ? 0 : 1,
      replication: phase === "pending" ? {} : { REPLICA: 1 },
    },
    { name: "s3t-k3j9-shared", region: "us-east-1", owner: "other", account: "222222222222", versioning: "Suspended", objects: 3, replication: {} },
  ],
  replication: [{ from: "s3t-k3j9-src", to: "s3t-k3j9-dst", toRegion: "us-east-1", rule: "everything", enabled: true }],
  mraps: [],
  takenNames: ["s3t-k3j9-shared", "commoncrawl"],
  unseen: ["object counts capped at 200 per bucket"],
});
