import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { openOnePartUpload } from "../helpers/one-part-upload";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "eu-west-1" });
const bucket = uniqueBucket("conditional");
const versioned = uniqueBucket("conditional-versioned");

const read = async (client: S3Client, name: string, key: string) =>
  (await client.send(new GetObjectCommand({ Bucket: name, Key: key })).then((got) => got.Body?.transformToString())) ?? "";

const startUpload = (name: string, key: string, body: string) => openOnePartUpload(s3(), name, key, body);

beforeAll(async () => {
  for (const name of [bucket, versioned]) {
    await s3().send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
  }
  await s3().send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: "Enabled" } }));
});

describe("conditional writes: PutObject", () => {
  it("If-None-Match: * creates a missing key and refuses the second create with 412, keeping the first body", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "lock", Body: "owner=a", IfNoneMatch: "*" }));
    const refused = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "lock", Body: "owner=b", IfNoneMatch: "*" })));
    expect(refused.name).toBe("PreconditionFailed");
    expect(refused.$metadata?.httpStatusCode).toBe(412);
    expect(await read(s3(), bucket, "lock")).toBe("owner=a");
  });

  it("If-Match writes with the current ETag and refuses a stale one with 412", async () => {
    const first = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "counter", Body: "1" }));
    const second = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "counter", Body: "2", IfMatch: first.ETag }));
    expect(second.ETag).not.toBe(first.ETag);
    const stale = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "counter", Body: "2-lost", IfMatch: first.ETag })));
    expect(stale.name).toBe("PreconditionFailed");
    expect(stale.$metadata?.httpStatusCode).toBe(412);
    expect(await read(s3(), bucket, "counter")).toBe("2");
  });

  it("If-Match on a key that does not exist answers 404 NoSuchKey and creates nothing", async () => {
    const missing = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "never", Body: "x", IfMatch: '"0123456789abcdef0123456789abcdef"' })));
    expect(missing.name).toBe("NoSuchKey");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect((await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "never" })))).name).toBe("NoSuchKey");
  });

  it.each([
    ["If-None-Match with an ETag", { IfNoneMatch: '"abc"' }],
    ["If-Match: *", { IfMatch: "*" }],
    ["both headers at once", { IfNoneMatch: "*", IfMatch: '"abc"' }],
  ])("%s is not implemented for writes (501) and writes nothing", async (_what, conditions) => {
    const refused = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "unsupported-condition", Body: "x", ...conditions })));
    expect(refused.$metadata?.httpStatusCode).toBe(501);
    expect(refused.name).toBe("NotImplemented");
    expect((await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "unsupported-condition" })))).name).toBe("NoSuchKey");
  });

  it("in a versioned bucket a delete marker counts as no object: If-None-Match creates, If-Match answers 404", async () => {
    await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "marker", Body: "old" }));
    await s3().send(new DeleteObjectCommand({ Bucket: versioned, Key: "marker" }));
    const matchMissing = await failureOf(s3().send(new PutObjectCommand({ Bucket: versioned, Key: "marker", Body: "x", IfMatch: '"0"' })));
    expect(matchMissing.name).toBe("NoSuchKey");
    const created = await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "marker", Body: "new", IfNoneMatch: "*" }));
    expect(created.VersionId).toBeDefined();
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: versioned, Prefix: "marker" }));
    expect(versions.Versions?.length).toBe(2);
    expect(versions.DeleteMarkers?.length).toBe(1);
  });

  it("in a versioned bucket a refused If-Match write adds no version (no lost update hides in the history)", async () => {
    const v1 = await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "cas", Body: "v1" }));
    await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "cas", Body: "v2", IfMatch: v1.ETag }));
    await failureOf(s3().send(new PutObjectCommand({ Bucket: versioned, Key: "cas", Body: "v2-from-stale", IfMatch: v1.ETag })));
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: versioned, Prefix: "cas" }));
    expect(versions.Versions?.map((version) => version.IsLatest)).toEqual([true, false]);
    expect(await read(s3(), versioned, "cas")).toBe("v2");
  });
});

describe("conditional writes: CopyObject", () => {
  it("If-None-Match: * copies only to a free key, If-Match only over the destination's current ETag", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "copy/source", Body: "source" }));
    const taken = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "copy/taken", Body: "taken" }));
    const copy = (Key: string, conditions: { IfNoneMatch?: string; IfMatch?: string }) =>
      s3().send(new CopyObjectCommand({ Bucket: bucket, Key, CopySource: `${bucket}/copy/source`, ...conditions }));
    await copy("copy/free", { IfNoneMatch: "*" });
    expect(await read(s3(), bucket, "copy/free")).toBe("source");
    expect((await failureOf(copy("copy/taken", { IfNoneMatch: "*" }))).name).toBe("PreconditionFailed");
    expect((await failureOf(copy("copy/taken", { IfMatch: '"0123456789abcdef0123456789abcdef"' }))).name).toBe("PreconditionFailed");
    expect((await failureOf(copy("copy/absent", { IfMatch: taken.ETag }))).name).toBe("NoSuchKey");
    expect(await read(s3(), bucket, "copy/taken")).toBe("taken");
    await copy("copy/taken", { IfMatch: taken.ETag });
    expect(await read(s3(), bucket, "copy/taken")).toBe("source");
  });
});

describe("conditional writes: racing clients over HTTP", () => {
  // Separate clients, so the requests travel on separate connections and their bodies interleave.
  const racers = (count: number) => Array.from({ length: count }, () => clients().s3({ region: "eu-west-1" }));
  const bigBody = (label: string) => `${label}:`.padEnd(256 * 1024, label);

  it("of eight writers creating the same key with If-None-Match: *, exactly one wins and the rest get 412", async () => {
    const writers = racers(8);
    const outcomes = await Promise.allSettled(
      writers.map((client, index) => client.send(new PutObjectCommand({ Bucket: bucket, Key: "race/create", Body: bigBody(`w${index}`), IfNoneMatch: "*" }))),
    );
    const winners = outcomes.flatMap((outcome, index) => (outcome.status === "fulfilled" ? [index] : []));
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect((outcome.reason as Error).name).toBe("PreconditionFailed");
    }
    expect(await read(s3(), bucket, "race/create")).toBe(bigBody(`w${winners[0]}`));
  });

  it("of eight compare-and-swap writers holding the same ETag, exactly one wins", async () => {
    const base = await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "race/cas", Body: "base" }));
    const writers = racers(8);
    const outcomes = await Promise.allSettled(
      writers.map((client, index) => client.send(new PutObjectCommand({ Bucket: versioned, Key: "race/cas", Body: bigBody(`c${index}`), IfMatch: base.ETag }))),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: versioned, Prefix: "race/cas" }));
    expect(versions.Versions).toHaveLength(2);
  });
});

describe("conditional writes: CompleteMultipartUpload", () => {
  it("If-None-Match: * completes when the key is still free", async () => {
    const upload = await startUpload(bucket, "mpu/free", "parts");
    await s3().send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" }));
    expect(await read(s3(), bucket, "mpu/free")).toBe("parts");
  });

  it("If-None-Match: * answers 412 when another writer created the key during the upload, and the upload stays", async () => {
    const upload = await startUpload(bucket, "mpu/taken", "mine");
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/taken", Body: "theirs" }));
    const refused = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" })));
    expect(refused.name).toBe("PreconditionFailed");
    expect(refused.$metadata?.httpStatusCode).toBe(412);
    expect(await read(s3(), bucket, "mpu/taken")).toBe("theirs");
    const parts = await s3().send(new ListPartsCommand({ Bucket: bucket, Key: "mpu/taken", UploadId: upload.UploadId }));
    expect(parts.Parts).toHaveLength(1);
    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: "mpu/taken", UploadId: upload.UploadId }));
  });

  it("If-Match completes with the current ETag and answers 412 for a stale one", async () => {
    const first = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/cas", Body: "first" }));
    const stale = await startUpload(bucket, "mpu/cas", "from-stale");
    const fresh = await startUpload(bucket, "mpu/cas", "from-fresh");
    await s3().send(new CompleteMultipartUploadCommand({ ...fresh, IfMatch: first.ETag }));
    const refused = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...stale, IfMatch: first.ETag })));
    expect(refused.name).toBe("PreconditionFailed");
    expect(await read(s3(), bucket, "mpu/cas")).toBe("from-fresh");
  });

  it("If-Match on a key that does not exist answers 404 NoSuchKey", async () => {
    const upload = await startUpload(bucket, "mpu/missing", "x");
    const missing = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfMatch: '"0"' })));
    expect(missing.name).toBe("NoSuchKey");
  });

  it("If-None-Match: * answers 409 ConditionalRequestConflict when the key existed at the start and was deleted meanwhile", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/nm-deleted", Body: "there" }));
    const upload = await startUpload(bucket, "mpu/nm-deleted", "mine");
    const taken = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" })));
    expect(taken.name).toBe("PreconditionFailed");
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "mpu/nm-deleted" }));
    const conflict = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: "*" })));
    expect(conflict.name).toBe("ConditionalRequestConflict");
    expect(conflict.$metadata?.httpStatusCode).toBe(409);
    const again = await startUpload(bucket, "mpu/nm-deleted", "mine");
    await s3().send(new CompleteMultipartUploadCommand({ ...again, IfNoneMatch: "*" }));
    expect(await read(s3(), bucket, "mpu/nm-deleted")).toBe("mine");
  });

  it("If-Match answers 409 when the object was rewritten during the upload, even with the same ETag; a new upload succeeds", async () => {
    const current = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/rewritten", Body: "same" }));
    const upload = await startUpload(bucket, "mpu/rewritten", "replacement");
    // The sandbox tells a rewrite by its Last-Modified instant: let the clock move on by a few ms.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rewritten = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/rewritten", Body: "same" }));
    expect(rewritten.ETag).toBe(current.ETag);
    const conflict = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfMatch: current.ETag })));
    expect(conflict.name).toBe("ConditionalRequestConflict");
    expect(conflict.$metadata?.httpStatusCode).toBe(409);
    expect(await read(s3(), bucket, "mpu/rewritten")).toBe("same");
    const again = await startUpload(bucket, "mpu/rewritten", "replacement");
    await s3().send(new CompleteMultipartUploadCommand({ ...again, IfMatch: current.ETag }));
    expect(await read(s3(), bucket, "mpu/rewritten")).toBe("replacement");
  });

  it("If-Match after a delete during the upload answers 404, and 409 once the key is written again", async () => {
    const current = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/deleted", Body: "current" }));
    const upload = await startUpload(bucket, "mpu/deleted", "replacement");
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "mpu/deleted" }));
    const missing = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfMatch: current.ETag })));
    expect(missing.name).toBe("NoSuchKey");
    const recreated = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/deleted", Body: "current" }));
    const conflict = await failureOf(s3().send(new CompleteMultipartUploadCommand({ ...upload, IfMatch: recreated.ETag })));
    expect(conflict.name).toBe("ConditionalRequestConflict");
  });

  it("without a condition, a delete during the upload changes nothing: the upload completes", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "mpu/plain", Body: "current" }));
    const upload = await startUpload(bucket, "mpu/plain", "replacement");
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "mpu/plain" }));
    await s3().send(new CompleteMultipartUploadCommand(upload));
    expect(await read(s3(), bucket, "mpu/plain")).toBe("replacement");
  });
});
