import { GetBucketReplicationCommand, type Destination, type ReplicationRule } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { putReplication, ruleTo, versionedPair } from "../helpers/replication";
import { ACCOUNT_A, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// s3-facts.md §4 (KMS, RTC) and the AWS pages named in src/sandbox/replication/rule-options.ts:
// what PutBucketReplication accepts and refuses beyond where a rule sends objects.
const { clients } = useSandbox({ replicationDelay: 10 });
const s3 = (region = "us-east-1") => clients().s3({ accessKeyId: ACCOUNT_A, region });

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const RTC = { Status: "Enabled", Time: { Minutes: 15 } } as const;
const RTC_METRICS = { Status: "Enabled", EventThreshold: { Minutes: 15 } } as const;

const pair = () => versionedPair(clients(), ACCOUNT_A);

const to = (destination: string, extra: Partial<Destination> = {}): Destination => ({ Bucket: `arn:aws:s3:::${destination}`, ...extra });

const refusal = async (rule: (destination: string) => ReplicationRule) => {
  const { source, destination, role } = await pair();
  const error = await failureOf(putReplication(s3(), source, role, [rule(destination)]));
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
};

describe("SSE-KMS objects in a replication rule", () => {
  it("opting in without a replica key is refused", async () => {
    expect(
      await refusal((destination) => ruleTo(destination, { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: "Enabled" } } })),
    ).toEqual({ name: "InvalidRequest", message: "ReplicaKmsKeyID must be specified if SseKmsEncryptedObjects tag is present.", status: 400 });
  });

  it("the selector asks for a key even when it says Disabled", async () => {
    const { name, message } = await refusal((destination) =>
      ruleTo(destination, { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: "Disabled" } } }),
    );
    expect([name, message]).toEqual(["InvalidRequest", "ReplicaKmsKeyID must be specified if SseKmsEncryptedObjects tag is present."]);
  });

  it("a replica key without the opt-in is refused", async () => {
    expect(
      await refusal((destination) => ruleTo(destination, { Destination: to(destination, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } }) })),
    ).toEqual({ name: "InvalidRequest", message: "SseKmsEncryptedObjects must be specified if EncryptionConfiguration is present.", status: 400 });
  });

  it("the opt-in with a replica key is accepted and read back as it was put", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [
      ruleTo(destination, {
        SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: "Enabled" } },
        Destination: to(destination, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } }),
      }),
    ]);
    const [rule] = (await s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    expect(rule?.SourceSelectionCriteria).toEqual({ SseKmsEncryptedObjects: { Status: "Enabled" } });
    expect(rule?.Destination).toEqual(to(destination, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } }));
  });

  it("a V1 rule may opt in too (the user guide's first KMS example is V1)", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [
      {
        ID: "v1",
        Prefix: "tax/",
        Status: "Enabled",
        SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: "Enabled" } },
        Destination: to(destination, { EncryptionConfiguration: { ReplicaKmsKeyID: KEY } }),
      },
    ]);
    const [rule] = (await s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    expect(rule?.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status).toBe("Enabled");
  });
});

describe("Replica modification sync", () => {
  it("is accepted on a V2 rule and read back", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [ruleTo(destination, { SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } } })]);
    const [rule] = (await s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    expect(rule?.SourceSelectionCriteria).toEqual({ ReplicaModifications: { Status: "Enabled" } });
  });

  it("is not allowed in a V1 rule", async () => {
    const { name, status } = await refusal((destination) => ({
      ID: "v1",
      Prefix: "",
      Status: "Enabled",
      SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } },
      Destination: to(destination),
    }));
    expect([name, status]).toEqual(["InvalidRequest", 400]);
  });
});

describe("S3 Replication Time Control and replication metrics", () => {
  it("RTC with metrics and their 15-minute threshold is accepted and read back", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [ruleTo(destination, { Destination: to(destination, { ReplicationTime: RTC, Metrics: RTC_METRICS }) })]);
    const [rule] = (await s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    expect(rule?.Destination).toEqual(to(destination, { ReplicationTime: RTC, Metrics: RTC_METRICS }));
  });

  it("RTC without metrics is refused", async () => {
    expect(await refusal((destination) => ruleTo(destination, { Destination: to(destination, { ReplicationTime: RTC }) }))).toEqual({
      name: "InvalidRequest",
      message: "Replication destination must contain both ReplicationTime and Metrics or neither.",
      status: 400,
    });
  });

  it("RTC Enabled needs the metrics' event threshold", async () => {
    expect(
      await refusal((destination) => ruleTo(destination, { Destination: to(destination, { ReplicationTime: RTC, Metrics: { Status: "Enabled" } }) })),
    ).toEqual({ name: "InvalidArgument", message: "ReplicationMetrics must contain an event threshold", status: 400 });
  });

  it("15 minutes is the only time RTC offers", async () => {
    const time = await refusal((destination) =>
      ruleTo(destination, { Destination: to(destination, { ReplicationTime: { Status: "Enabled", Time: { Minutes: 5 } }, Metrics: RTC_METRICS }) }),
    );
    expect([time.name, time.message]).toEqual(["InvalidArgument", "Invalid time minute value"]);
    const threshold = await refusal((destination) =>
      ruleTo(destination, { Destination: to(destination, { ReplicationTime: RTC, Metrics: { Status: "Enabled", EventThreshold: { Minutes: 30 } } }) }),
    );
    expect([threshold.name, threshold.message]).toEqual(["InvalidArgument", "Invalid event threshold minute value"]);
  });

  it("metrics alone are accepted; an event threshold without RTC is refused", async () => {
    const { source, destination, role } = await pair();
    await putReplication(s3(), source, role, [ruleTo(destination, { Destination: to(destination, { Metrics: { Status: "Enabled" } }) })]);
    const [rule] = (await s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    expect(rule?.Destination?.Metrics).toEqual({ Status: "Enabled" });
    expect(rule?.Destination?.ReplicationTime).toBeUndefined();

    for (const ReplicationTime of [undefined, { Status: "Disabled", Time: { Minutes: 15 } } as const]) {
      expect(
        await refusal((other) => ruleTo(other, { Destination: to(other, { ...(ReplicationTime ? { ReplicationTime } : {}), Metrics: RTC_METRICS }) })),
      ).toEqual({
        name: "InvalidArgument",
        message: "Metrics cannot contain an event threshold when ReplicationTime is not specified or Disabled",
        status: 400,
      });
    }
  });

  it("RTC belongs to the V2 schema", async () => {
    const { name, status } = await refusal((destination) => ({
      ID: "v1",
      Prefix: "",
      Status: "Enabled",
      Destination: to(destination, { ReplicationTime: RTC, Metrics: RTC_METRICS }),
    }));
    expect([name, status]).toEqual(["InvalidRequest", 400]);
  });
});
