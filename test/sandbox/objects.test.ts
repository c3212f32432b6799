import { createHash } from "node:crypto";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();
const s3 = () => clients().s3({ region: "eu-west-1" });
const bucket = uniqueBucket("objects");

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
});

describe("objects", () => {
  it("PutObject answers the quoted MD5 of the body as ETag, and GetObject returns body and metadata", async () => {
    const body = "hello, sandbox";
    const put = await s3().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: "docs/hello.txt",
        Body: body,
        ContentType: "text/plain",
        Metadata: { owner: "ada", purpose: "lesson" },
        Tagging: "team=blue&stage=dev",
        CacheControl: "max-age=60",
      }),
    );
    const md5 = createHash("md5").update(body).digest("hex");
    expect(put.ETag).toBe(`"${md5}"`);
    expect(put.ServerSideEncryption).toBe("AES256");
    expect(put.VersionId).toBeUndefined();

    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "docs/hello.txt" }));
    expect(await got.Body?.transformToString()).toBe(body);
    expect(got.ETag).toBe(`"${md5}"`);
    expect(got.ContentType).toBe("text/plain");
    expect(got.ContentLength).toBe(body.length);
    expect(got.Metadata).toEqual({ owner: "ada", purpose: "lesson" });
    expect(got.TagCount).toBe(2);
    expect(got.CacheControl).toBe("max-age=60");
    expect(got.LastModified).toBeInstanceOf(Date);
  });

  it("a key with spaces, unicode and slashes round-trips", async () => {
    const key = "a folder/ünïcødé name+plus & more?.txt";
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "x" }));
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await got.Body?.transformToString()).toBe("x");
  });

  it("an object without a Content-Type reads back as the SDK sent it", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "bytes.bin", Body: Buffer.from([0, 1, 2, 255]) }));
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "bytes.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it("GetObject with Range answers 206 and only those bytes", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "alphabet", Body: "abcdefghijklmnopqrstuvwxyz" }));
    const middle = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "alphabet", Range: "bytes=2-5" }));
    expect(middle.$metadata.httpStatusCode).toBe(206);
    expect(middle.ContentRange).toBe("bytes 2-5/26");
    expect(await middle.Body?.transformToString()).toBe("cdef");
    const tail = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "alphabet", Range: "bytes=-3" }));
    expect(await tail.Body?.transformToString()).toBe("xyz");
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "alphabet", Range: "bytes=30-" })));
    expect(error.name).toBe("InvalidRange");
    expect(error.$metadata?.httpStatusCode).toBe(416);
  });

  it("HeadObject returns the headers without a body, and NotFound for a missing key", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "head-me", Body: "12345", Metadata: { a: "b" } }));
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "head-me" }));
    expect(head.ContentLength).toBe(5);
    expect(head.Metadata).toEqual({ a: "b" });
    const error = await failureOf(s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "nope" })));
    expect(error.name).toBe("NotFound");
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });

  it("GetObject of a missing key is NoSuchKey, of a missing bucket NoSuchBucket", async () => {
    const missingKey = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "missing" })));
    expect(missingKey.name).toBe("NoSuchKey");
    expect(missingKey.message).toBe("The specified key does not exist.");
    const missingBucket = await failureOf(s3().send(new GetObjectCommand({ Bucket: uniqueBucket("gone"), Key: "k" })));
    expect(missingBucket.name).toBe("NoSuchBucket");
  });

  it("If-None-Match answers 304 for the same ETag, If-Match 412 for another", async () => {
    const put = await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "conditional", Body: "v1" }));
    const notModified = await failureOf(
      s3().send(new GetObjectCommand({ Bucket: bucket, Key: "conditional", IfNoneMatch: put.ETag })),
    );
    expect(notModified.$metadata?.httpStatusCode).toBe(304);
    const failed = await failureOf(
      s3().send(new GetObjectCommand({ Bucket: bucket, Key: "conditional", IfMatch: '"0000"' })),
    );
    expect(failed.name).toBe("PreconditionFailed");
    expect(failed.$metadata?.httpStatusCode).toBe(412);
  });

  it("PutObject with If-None-Match: * refuses to overwrite an existing key", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "write-once", Body: "first", IfNoneMatch: "*" }));
    const error = await failureOf(
      s3().send(new PutObjectCommand({ Bucket: bucket, Key: "write-once", Body: "second", IfNoneMatch: "*" })),
    );
    expect(error.name).toBe("PreconditionFailed");
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "write-once" }));
    expect(await got.Body?.transformToString()).toBe("first");
  });

  it("a wrong Content-MD5 is BadDigest and stores nothing", async () => {
    const error = await failureOf(
      s3().send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: "bad-digest",
          Body: "payload",
          ContentMD5: createHash("md5").update("something else").digest("base64"),
        }),
      ),
    );
    expect(error.name).toBe("BadDigest");
    const missing = await failureOf(s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "bad-digest" })));
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it("stored checksums come back with ChecksumMode ENABLED", async () => {
    const put = await s3().send(
      new PutObjectCommand({ Bucket: bucket, Key: "checksummed", Body: "abc", ChecksumAlgorithm: "SHA256" }),
    );
    const expected = createHash("sha256").update("abc").digest("base64");
    expect(put.ChecksumSHA256).toBe(expected);
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "checksummed", ChecksumMode: "ENABLED" }));
    expect(head.ChecksumSHA256).toBe(expected);
  });

  it("an invalid storage class is InvalidStorageClass; a valid one is kept", async () => {
    const error = await failureOf(
      s3().send(new PutObjectCommand({ Bucket: bucket, Key: "cold", Body: "x", StorageClass: "FROZEN" as never })),
    );
    expect(error.name).toBe("InvalidStorageClass");
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "cold", Body: "x", StorageClass: "STANDARD_IA" }));
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "cold" }));
    expect(head.StorageClass).toBe("STANDARD_IA");
  });

  it("a key over 1024 bytes is KeyTooLongError", async () => {
    const error = await failureOf(s3().send(new PutObjectCommand({ Bucket: bucket, Key: "k".repeat(1025), Body: "x" })));
    expect(error.name).toBe("KeyTooLongError");
  });

  it("CopyObject copies body and metadata, or replaces the metadata when asked", async () => {
    await s3().send(
      new PutObjectCommand({ Bucket: bucket, Key: "original", Body: "copy me", Metadata: { colour: "red" }, ContentType: "text/plain" }),
    );
    const copied = await s3().send(
      new CopyObjectCommand({ Bucket: bucket, Key: "copy", CopySource: `${bucket}/original` }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(`"${createHash("md5").update("copy me").digest("hex")}"`);
    const copy = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "copy" }));
    expect(await copy.Body?.transformToString()).toBe("copy me");
    expect(copy.Metadata).toEqual({ colour: "red" });
    expect(copy.ContentType).toBe("text/plain");

    await s3().send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: "replaced",
        CopySource: `${bucket}/original`,
        MetadataDirective: "REPLACE",
        Metadata: { colour: "blue" },
      }),
    );
    const replaced = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "replaced" }));
    expect(replaced.Metadata).toEqual({ colour: "blue" });
  });

  it("copying an object onto itself without changes is InvalidRequest", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "self", Body: "x" }));
    const error = await failureOf(s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "self", CopySource: `${bucket}/self` })));
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toContain("copy an object to itself without changing");
  });

  it("an object put in Glacier Flexible Retrieval answers HeadObject with its class, but GetObject is InvalidObjectState until restored", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "archive.log", Body: "old", StorageClass: "GLACIER" }));
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "archive.log" }));
    expect(head.StorageClass).toBe("GLACIER");
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "archive.log" })));
    expect(error.name).toBe("InvalidObjectState");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect((error as { StorageClass?: string }).StorageClass).toBe("GLACIER");
  });

  it("Glacier Instant Retrieval and Standard-IA objects read at once", async () => {
    for (const StorageClass of ["GLACIER_IR", "STANDARD_IA"] as const) {
      await s3().send(new PutObjectCommand({ Bucket: bucket, Key: `now-${StorageClass}`, Body: "ready", StorageClass }));
      const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: `now-${StorageClass}` }));
      expect(got.StorageClass).toBe(StorageClass);
      expect(await got.Body?.transformToString()).toBe("ready");
    }
  });

  it("CopyObject from a missing source key is NoSuchKey", async () => {
    const error = await failureOf(
      s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "to", CopySource: `${bucket}/does-not-exist` })),
    );
    expect(error.name).toBe("NoSuchKey");
  });

  it("DeleteObject removes the object and answers 204 even for a key that is not there", async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "doomed", Body: "x" }));
    const deleted = await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doomed" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const again = await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: "doomed" }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "doomed" })));
    expect(error.name).toBe("NoSuchKey");
  });

  it("DeleteObjects deletes many keys and reports each", async () => {
    for (const key of ["batch/1", "batch/2", "batch/3"]) {
      await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    }
    const result = await s3().send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: [{ Key: "batch/1" }, { Key: "batch/2" }, { Key: "batch/missing" }] },
      }),
    );
    expect(result.Deleted?.map((d) => d.Key).sort()).toEqual(["batch/1", "batch/2", "batch/missing"]);
    expect(result.Errors ?? []).toEqual([]);
    const quiet = await s3().send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: "batch/3" }], Quiet: true } }),
    );
    expect(quiet.Deleted ?? []).toEqual([]);
    const error = await failureOf(s3().send(new GetObjectCommand({ Bucket: bucket, Key: "batch/3" })));
    expect(error.name).toBe("NoSuchKey");
  });
});
