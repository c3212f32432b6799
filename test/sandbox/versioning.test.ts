import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "us-west-2" });

const newBucket = async (client: S3Client, versioning?: "Enabled" | "Suspended") => {
  const bucket = uniqueBucket("versions");
  await client.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "us-west-2" } }));
  if (versioning) {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: versioning } }));
  }
  return bucket;
};

const text = async (client: S3Client, bucket: string, key: string, versionId?: string) => {
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
  return got.Body?.transformToString();
};

describe("versioning", () => {
  it("a new bucket reports no versioning status; Enabled and Suspended read back", async () => {
    const bucket = await newBucket(s3());
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBeUndefined();
    await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe("Enabled");
    await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Suspended" } }));
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe("Suspended");
  });

  it("each PUT to a versioned bucket keeps a version; old versions stay readable by id", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const v1 = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "one" }));
    const v2 = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "two" }));
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    expect(await text(s3(), bucket, "doc")).toBe("two");
    expect(await text(s3(), bucket, "doc", v1.VersionId)).toBe("one");
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsLatest])).toEqual([
      [v2.VersionId, true],
      [v1.VersionId, false],
    ]);
  });

  it("DeleteObject stacks a delete marker: GET is 404 with x-amz-delete-marker, the versions remain", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const put = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "kept" }));
    const deleted = await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc" }));
    expect(deleted.DeleteMarker).toBe(true);
    expect(deleted.VersionId).toBeDefined();

    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "doc" })));
    expect(error.name).toBe("NoSuchKey");
    expect(error.$response?.headers["x-amz-delete-marker"]).toBe("true");
    expect(await text(s3(), bucket, "doc", put.VersionId)).toBe("kept");

    const byMarkerId = await failureOf(
      s3().send(new GetObjectCommand({ Bucket: bucket, Key: "doc", VersionId: deleted.VersionId })),
    );
    expect(byMarkerId.$metadata?.httpStatusCode).toBe(405);
    expect(byMarkerId.name).toBe("MethodNotAllowed");

    const head = await failureOf(s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "doc" })));
    expect(head.$metadata?.httpStatusCode).toBe(404);
    expect(head.$response?.headers["x-amz-delete-marker"]).toBe("true");

    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(listed.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([[deleted.VersionId, true]]);
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsLatest])).toEqual([[put.VersionId, false]]);
    const current = await s3().send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(current.KeyCount).toBe(0);
  });

  it("deleting the delete marker by version id brings the object back", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "back" }));
    const marker = await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc" }));
    const removed = await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc", VersionId: marker.VersionId }));
    expect(removed.DeleteMarker).toBe(true);
    expect(removed.VersionId).toBe(marker.VersionId);
    expect(await text(s3(), bucket, "doc")).toBe("back");
  });

  it("copying an earlier version onto its own key restores it as a new current version (RestoringPreviousVersions)", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const v1 = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "one" }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc" }));
    const restored = await s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "doc", CopySource: `${bucket}/doc?versionId=${v1.VersionId}` }));
    expect(restored.VersionId).not.toBe(v1.VersionId);
    expect(await text(s3(), bucket, "doc")).toBe("one");
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect([listed.Versions?.length, listed.DeleteMarkers?.length]).toEqual([2, 1]);
  });

  it("deleting a specific version removes it for good", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const v1 = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "one" }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "two" }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc", VersionId: v1.VersionId }));
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "doc", VersionId: v1.VersionId })));
    expect(error.name).toBe("NoSuchVersion");
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(listed.Versions).toHaveLength(1);
  });

  it("objects written before versioning keep the version id null", async () => {
    const bucket = await newBucket(s3());
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "early", Body: "before" }));
    await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "early", Body: "after" }));
    expect(await text(s3(), bucket, "early", "null")).toBe("before");
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(listed.Versions?.map((v) => v.VersionId)).toContain("null");
  });

  it("while Suspended, a PUT replaces the null version and keeps the older versions", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const kept = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "versioned" }));
    await s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Suspended" } }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "null one" }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "null two" }));
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect(listed.Versions?.map((v) => v.VersionId)).toEqual(["null", kept.VersionId]);
    expect(await text(s3(), bucket, "doc")).toBe("null two");
  });

  it("a bucket holding only old versions or delete markers is not empty", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "x" }));
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doc" }));
    const error = await failureOf(s3().send(new DeleteBucketCommand({ Bucket: bucket })));
    expect(error.name).toBe("BucketNotEmpty");
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it("concurrent writers to one key lose nothing: every PUT becomes a version, in order", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    const client = s3();
    const writes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.send(new PutObjectCommand({ Bucket: bucket, Key: "hot", Body: `write ${i}` }))),
    );
    const listed = await client.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    const ids = listed.Versions?.map((v) => v.VersionId) ?? [];
    expect(new Set(ids)).toEqual(new Set(writes.map((w) => w.VersionId)));
    expect(ids).toHaveLength(40);
    // Newest first, and the latest is what GET returns.
    const times = listed.Versions?.map((v) => v.LastModified?.getTime() ?? 0) ?? [];
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const latestBody = await text(client, bucket, "hot");
    const latestIndex = writes.findIndex((w) => w.VersionId === ids[0]);
    expect(latestBody).toBe(`write ${latestIndex}`);
    for (const [i, write] of writes.entries()) {
      expect(await text(client, bucket, "hot", write.VersionId)).toBe(`write ${i}`);
    }
  });

  it("a malformed version id is InvalidArgument", async () => {
    const bucket = await newBucket(s3(), "Enabled");
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doc", Body: "x" }));
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "doc", VersionId: "nope" })));
    expect(error.name).toBe("InvalidArgument");
    expect(error.message).toBe("Invalid version id specified");
  });
});
