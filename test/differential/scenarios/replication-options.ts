import {
  GetBucketReplicationCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type Destination,
  type ReplicationRule,
} from "@aws-sdk/client-s3";
import { failureOf, freshName, outcomeOf, sleep, type Scratch } from "../scenario-kit";
import { replicationRole } from "./replication";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

/**
 * The replication rule's options (src/sandbox/replication/rule-options.ts): the SSE-KMS opt-in
 * and its replica key, RTC with its metrics, replica modification sync. Only the configuration:
 * no role is needed to store one (S3 checks the role when it replicates).
 */

const GROUP = "Replication: KMS, RTC and replica modification sync";
const KEY = "arn:aws:kms:us-west-2:111122223333:alias/replicas";
const RTC = { Status: "Enabled", Time: { Minutes: 15 } } as const;
const THRESHOLD = { EventThreshold: { Minutes: 15 } } as const;

const versionedBucket = async (scratch: Scratch, region: string): Promise<string> => {
  const bucket = await scratch.bucket(freshName("ropt"), region);
  await scratch.subject.s3("me", region).send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  return bucket;
};

/** A V2 rule for every object, to `to`, with `changes` and more in its Destination. */
const wholeBucketRule = (to: string, changes: Partial<ReplicationRule> = {}, destination: Partial<Destination> = {}): ReplicationRule => ({
  ID: "everything",
  Priority: 1,
  Status: "Enabled",
  Filter: { Prefix: "" },
  DeleteMarkerReplication: { Status: "Disabled" },
  Destination: { Bucket: `arn:aws:s3:::${to}`, ...destination },
  ...changes,
});

/** PutBucketReplication of one whole-bucket V2 rule with `changes`; the outcome and the source. */
const putRule = async (scratch: Scratch, changes: Partial<ReplicationRule>, destination: Partial<Destination> = {}) => {
  const source = await versionedBucket(scratch, HOME);
  const target = await versionedBucket(scratch, ELSEWHERE);
  const rule = wholeBucketRule(target, changes, destination);
  const outcome = await outcomeOf(() =>
    scratch.subject.s3("me", HOME).send(
      new PutBucketReplicationCommand({
        Bucket: source,
        ReplicationConfiguration: { Role: "arn:aws:iam::111122223333:role/replication", Rules: [rule] },
      }),
    ),
  );
  return { source, outcome };
};

/** The stored rule as GetBucketReplication answers it, in a few words. */
const readBack = async (scratch: Scratch, source: string, describe: (rule: ReplicationRule) => string): Promise<string> => {
  const rules = (await scratch.subject.s3("me", HOME).send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
  return rules[0] ? describe(rules[0]) : "no rule";
};

/** Polls `read` every 250 ms until it returns a value, for up to `ms`. */
const within = async <T>(ms: number, read: () => Promise<T | undefined>): Promise<T | undefined> => {
  const started = Date.now();
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined || Date.now() - started > ms) return value;
    await sleep(250);
  }
};

/**
 * Two buckets replicating to each other with replica modification sync; an object written to the
 * first, then a tag put on its replica in the second: where the tag ends up on the original.
 */
const tagOnReplicaFlowsBack = async (scratch: Scratch): Promise<string> => {
  const home = scratch.subject.s3("me", HOME);
  const elsewhere = scratch.subject.s3("me", ELSEWHERE);
  const a = await versionedBucket(scratch, HOME);
  const b = await versionedBucket(scratch, ELSEWHERE);
  const sync = { SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } } } as const;
  const rule = (to: string) => wholeBucketRule(to, sync);
  await home.send(new PutBucketReplicationCommand({ Bucket: a, ReplicationConfiguration: { Role: await replicationRole(scratch, a, b), Rules: [rule(b)] } }));
  await elsewhere.send(new PutBucketReplicationCommand({ Bucket: b, ReplicationConfiguration: { Role: await replicationRole(scratch, b, a), Rules: [rule(a)] } }));
  const put = await home.send(new PutObjectCommand({ Bucket: a, Key: "photo.jpg", Body: "bytes", Tagging: "stage=raw" }));
  const replica = await within(20_000, async () => (await elsewhere.send(new HeadObjectCommand({ Bucket: b, Key: "photo.jpg", VersionId: put.VersionId }))).ReplicationStatus);
  if (replica !== "REPLICA") return "no replica";
  try {
    await elsewhere.send(new PutObjectTaggingCommand({ Bucket: b, Key: "photo.jpg", VersionId: put.VersionId, Tagging: { TagSet: [{ Key: "reviewed", Value: "yes" }] } }));
  } catch (error) {
    return `PutObjectTagging on the replica: ${failureOf(error)}`;
  }
  const back = await within(20_000, async () => {
    const tags = (await home.send(new GetObjectTaggingCommand({ Bucket: a, Key: "photo.jpg", VersionId: put.VersionId }))).TagSet ?? [];
    return tags.some((tag) => tag.Key === "reviewed") ? tags : undefined;
  });
  return back ? `the original is tagged ${back.map((tag) => `${tag.Key}=${tag.Value}`).join(",")}` : "the original keeps stage=raw";
};

const kmsOptIn = { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: "Enabled" } } } as const;

export const replicationOptionScenarios: Scenario[] = [
  {
    id: "replication.kms-without-key",
    group: GROUP,
    title: "SSE-KMS objects opted in without a replica key",
    run: async (scratch) => (await putRule(scratch, kmsOptIn)).outcome,
    expected: { aws: "400 InvalidRequest", localstack: "200", moto: "200" },
  },
  {
    id: "replication.key-without-kms",
    group: GROUP,
    title: "A replica key without the SSE-KMS opt-in",
    run: async (scratch) => (await putRule(scratch, {}, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } })).outcome,
    expected: { aws: "400 InvalidRequest", localstack: "200", moto: "200" },
  },
  {
    id: "replication.kms-kept",
    group: GROUP,
    title: "The SSE-KMS opt-in with its replica key is kept",
    run: async (scratch) => {
      const { source, outcome } = await putRule(scratch, kmsOptIn, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } });
      if (!/^2/.test(outcome)) return `PutBucketReplication ${outcome}`;
      return readBack(
        scratch,
        source,
        (rule) =>
          `SseKmsEncryptedObjects ${rule.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status ?? "missing"}, key ${rule.Destination?.EncryptionConfiguration?.ReplicaKmsKeyID === KEY ? "kept" : "missing"}`,
      );
    },
    notes: { moto: "moto stores the rule but leaves SourceSelectionCriteria (the SSE-KMS opt-in, replica modification sync) out of GetBucketReplication." },
    expected: { aws: "SseKmsEncryptedObjects Enabled, key kept", localstack: "SseKmsEncryptedObjects Enabled, key kept", moto: "SseKmsEncryptedObjects missing, key kept" },
  },
  {
    id: "replication.rtc-without-metrics",
    group: GROUP,
    title: "RTC (ReplicationTime) without Metrics",
    run: async (scratch) => (await putRule(scratch, {}, { ReplicationTime: RTC })).outcome,
    expected: { aws: "400 InvalidRequest", localstack: "200", moto: "200" },
  },
  {
    id: "replication.rtc-without-threshold",
    group: GROUP,
    title: "RTC Enabled with metrics that have no event threshold",
    run: async (scratch) => (await putRule(scratch, {}, { ReplicationTime: RTC, Metrics: { Status: "Enabled" } })).outcome,
    expected: { aws: "400 InvalidArgument", localstack: "200", moto: "200" },
  },
  {
    id: "replication.threshold-without-rtc",
    group: GROUP,
    title: "Metrics with an event threshold but no RTC",
    run: async (scratch) => (await putRule(scratch, {}, { Metrics: { Status: "Enabled", ...THRESHOLD } })).outcome,
    expected: { aws: "400 InvalidArgument", localstack: "200", moto: "200" },
  },
  {
    id: "replication.rtc-kept",
    group: GROUP,
    title: "RTC with metrics (15 minutes) is kept",
    run: async (scratch) => {
      const { source, outcome } = await putRule(scratch, {}, { ReplicationTime: RTC, Metrics: { Status: "Enabled", ...THRESHOLD } });
      if (!/^2/.test(outcome)) return `PutBucketReplication ${outcome}`;
      return readBack(scratch, source, (rule) => {
        const { ReplicationTime: time, Metrics: metrics } = rule.Destination ?? {};
        return `RTC ${time?.Status ?? "missing"} ${time?.Time?.Minutes ?? "-"} min, metrics ${metrics?.Status ?? "missing"} ${metrics?.EventThreshold?.Minutes ?? "-"} min`;
      });
    },
    expected: { aws: "RTC Enabled 15 min, metrics Enabled 15 min", localstack: "RTC Enabled 15 min, metrics Enabled 15 min", moto: "RTC Enabled 15 min, metrics Enabled 15 min" },
  },
  {
    id: "replication.replica-modifications-kept",
    group: GROUP,
    title: "Replica modification sync is kept",
    run: async (scratch) => {
      const { source, outcome } = await putRule(scratch, { SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } } });
      if (!/^2/.test(outcome)) return `PutBucketReplication ${outcome}`;
      return readBack(scratch, source, (rule) => `ReplicaModifications ${rule.SourceSelectionCriteria?.ReplicaModifications?.Status ?? "missing"}`);
    },
    expected: { aws: "ReplicaModifications Enabled", localstack: "ReplicaModifications Enabled", moto: "ReplicaModifications missing" },
  },
  {
    id: "replication.replica-modification-sync",
    group: GROUP,
    title: "Two-way with replica modification sync: a tag put on the replica reaches the original",
    capability: "replication",
    run: tagOnReplicaFlowsBack,
    expected: { aws: "the original is tagged reviewed=yes", localstack: "no replica", moto: "no replica" },
  },
];
