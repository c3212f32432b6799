import { DeleteObjectTaggingCommand, GetObjectTaggingCommand, PutObjectCommand, PutObjectTaggingCommand, type S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createRole, createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo } from "../helpers/replication";
import { ACCOUNT_A, uniqueBucket, useSandbox } from "../helpers/sandbox";

// userguide/replication-what-is-isnot-replicated.html (tag changes on a source reach its replicas)
// and replication-for-metadata-changes.html (changes on a replica flow back only with replica
// modification sync).
const { clients } = useSandbox({ replicationDelay: 30 });
const east = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
const west = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "eu-west-1" });

const SYNC = { SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } } } as const;

/** Two versioned buckets and a role that may replicate between them both ways. */
const twoBuckets = async () => {
  const a = uniqueBucket("a");
  const b = uniqueBucket("b");
  await createVersionedBucket(east(), a, "us-east-1");
  await createVersionedBucket(west(), b, "eu-west-1");
  const policy = replicationPolicy(a, [b, a]);
  policy.Statement.push({ Effect: "Allow", Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: `arn:aws:s3:::${b}/*` });
  const role = await createRole(clients(), ACCOUNT_A, `sync-${a}`.slice(0, 64), undefined, policy);
  return { a, b, role };
};

/** An object written to `a` and replicated to `b`: its version id. */
const replicated = async (a: string, key: string): Promise<string> => {
  const put = await east().send(new PutObjectCommand({ Bucket: a, Key: key, Body: "photo bytes", Tagging: "stage=raw" }));
  expect(await finalStatus(east(), a, key)).toBe("COMPLETED");
  return put.VersionId ?? "";
};

const tagsOf = async (s3: S3Client, bucket: string, key: string, versionId: string) =>
  (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId }))).TagSet ?? [];

/** Waits for the replication delay to pass several times over, then reads the tags. */
const tagsAfterAWhile = async (s3: S3Client, bucket: string, key: string, versionId: string) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return tagsOf(s3, bucket, key, versionId);
};

describe("tag changes and replication", () => {
  it("a tag change on the source object reaches its replica", async () => {
    const { a, b, role } = await twoBuckets();
    await putReplication(east(), a, role, [ruleTo(b)]);
    const version = await replicated(a, "photo.jpg");
    expect(await tagsOf(west(), b, "photo.jpg", version)).toEqual([{ Key: "stage", Value: "raw" }]);

    await east().send(new PutObjectTaggingCommand({ Bucket: a, Key: "photo.jpg", VersionId: version, Tagging: { TagSet: [{ Key: "stage", Value: "edited" }] } }));
    expect(await tagsAfterAWhile(west(), b, "photo.jpg", version)).toEqual([{ Key: "stage", Value: "edited" }]);
  });

  it("two-way without replica modification sync: a tag change on the replica stays there", async () => {
    const { a, b, role } = await twoBuckets();
    await putReplication(east(), a, role, [ruleTo(b)]);
    await putReplication(west(), b, role, [ruleTo(a)]);
    const version = await replicated(a, "photo.jpg");

    await west().send(new PutObjectTaggingCommand({ Bucket: b, Key: "photo.jpg", VersionId: version, Tagging: { TagSet: [{ Key: "reviewed", Value: "yes" }] } }));
    expect(await tagsAfterAWhile(east(), a, "photo.jpg", version)).toEqual([{ Key: "stage", Value: "raw" }]);
  });

  it("with replica modification sync on the replica's bucket, a tag change on the replica flows back to the source", async () => {
    const { a, b, role } = await twoBuckets();
    await putReplication(east(), a, role, [ruleTo(b, SYNC)]);
    await putReplication(west(), b, role, [ruleTo(a, SYNC)]);
    const version = await replicated(a, "photo.jpg");

    await west().send(new PutObjectTaggingCommand({ Bucket: b, Key: "photo.jpg", VersionId: version, Tagging: { TagSet: [{ Key: "reviewed", Value: "yes" }] } }));
    expect(await tagsAfterAWhile(east(), a, "photo.jpg", version)).toEqual([{ Key: "reviewed", Value: "yes" }]);

    await west().send(new DeleteObjectTaggingCommand({ Bucket: b, Key: "photo.jpg", VersionId: version }));
    expect(await tagsAfterAWhile(east(), a, "photo.jpg", version)).toEqual([]);
  });

  it("sync on the source's rule alone does not carry changes back: it is the replica's bucket whose rule counts", async () => {
    const { a, b, role } = await twoBuckets();
    await putReplication(east(), a, role, [ruleTo(b, SYNC)]);
    await putReplication(west(), b, role, [ruleTo(a)]);
    const version = await replicated(a, "photo.jpg");

    await west().send(new PutObjectTaggingCommand({ Bucket: b, Key: "photo.jpg", VersionId: version, Tagging: { TagSet: [{ Key: "reviewed", Value: "yes" }] } }));
    expect(await tagsAfterAWhile(east(), a, "photo.jpg", version)).toEqual([{ Key: "stage", Value: "raw" }]);
  });
});
