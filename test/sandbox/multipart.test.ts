import { createHash, randomBytes } from "node:crypto";
import { crc32c } from "@aws-crypto/crc32c";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type CreateMultipartUploadCommandInput,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Multipart uploads through the SDK's own commands, one call at a time.
const { clients } = useSandbox();
const s3 = () => clients().s3();
const bucket = uniqueBucket("multipart");
const MIB = 1024 * 1024;
const md5 = (data: Buffer) => createHash("md5").update(data).digest();

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
});

const start = async (input: Omit<CreateMultipartUploadCommandInput, "Bucket"> & { Key: string }) => {
  const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, ...input }));
  return created.UploadId ?? "";
};

const uploadParts = async (key: string, uploadId: string, parts: Buffer[]): Promise<CompletedPart[]> =>
  Promise.all(
    parts.map(async (body, index) => {
      const sent = await s3().send(
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: index + 1, Body: body }),
      );
      return { PartNumber: index + 1, ETag: sent.ETag, ...(sent.ChecksumCRC32 ? { ChecksumCRC32: sent.ChecksumCRC32 } : {}) };
    }),
  );

const complete = (key: string, uploadId: string, parts: CompletedPart[]) =>
  s3().send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));

describe("multipart uploads", () => {
  it("gives upload ids that never start with '-', which the AWS CLI would read as an option", async () => {
    const ids = await Promise.all(
      Array.from({ length: 400 }, async (_, index) => {
        const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: `ids/${index}` }));
        await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: `ids/${index}`, UploadId: created.UploadId }));
        return created.UploadId ?? "";
      }),
    );
    // Random URL-safe tokens: one in 64 would start with "-"; 400 of them all missing it by chance is under 0.2%.
    expect(ids.filter((id) => id.startsWith("-"))).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{40,}$/.test(id))).toBe(true);
  });

  it("parts become one object: ETag md5-of-md5s-N, and the metadata, tags and storage class of CreateMultipartUpload", async () => {
    const parts = [randomBytes(5 * MIB), randomBytes(5 * MIB), Buffer.from("the end")];
    const uploadId = await start({
      Key: "assembled.bin",
      ContentType: "application/x-assembled",
      Metadata: { origin: "multipart" },
      Tagging: "team=blue",
      StorageClass: "STANDARD_IA",
    });
    expect(uploadId).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const done = await complete("assembled.bin", uploadId, await uploadParts("assembled.bin", uploadId, parts));

    const expected = `"${createHash("md5").update(Buffer.concat(parts.map(md5))).digest("hex")}-3"`;
    expect(done.ETag).toBe(expected);
    expect(done.Key).toBe("assembled.bin");
    expect(done.Location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${bucket}/assembled\\.bin$`));

    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "assembled.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat(parts))).toBe(true);
    expect(got.ETag).toBe(expected);
    expect(got.ContentType).toBe("application/x-assembled");
    expect(got.Metadata).toEqual({ origin: "multipart" });
    expect(got.StorageClass).toBe("STANDARD_IA");
    const tags = await s3().send(new GetObjectTaggingCommand({ Bucket: bucket, Key: "assembled.bin" }));
    expect(tags.TagSet).toEqual([{ Key: "team", Value: "blue" }]);
  });

  it("completing on a versioned bucket adds a version, as PutObject does", async () => {
    const versioned = uniqueBucket("multipart-versioned");
    await s3().send(new CreateBucketCommand({ Bucket: versioned }));
    await s3().send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: "Enabled" } }));
    await s3().send(new PutObjectCommand({ Bucket: versioned, Key: "doc", Body: "first" }));
    const { UploadId } = await s3().send(new CreateMultipartUploadCommand({ Bucket: versioned, Key: "doc" }));
    const part = await s3().send(new UploadPartCommand({ Bucket: versioned, Key: "doc", UploadId, PartNumber: 1, Body: "second" }));
    const done = await s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: versioned,
        Key: "doc",
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: versioned }));
    expect(versions.Versions?.map((version) => [version.VersionId === done.VersionId, version.IsLatest])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it("refuses what S3 refuses: InvalidPartOrder, InvalidPart, EntityTooSmall, NoSuchUpload, a bad part number", async () => {
    const uploadId = await start({ Key: "refused.bin" });
    const parts = await uploadParts("refused.bin", uploadId, [Buffer.from("too small"), Buffer.from("last")]);
    const [first, second] = parts as [CompletedPart, CompletedPart];

    const order = await failureOf(complete("refused.bin", uploadId, [second, first]));
    expect(order.name).toBe("InvalidPartOrder");
    expect(order.$metadata?.httpStatusCode).toBe(400);

    const wrongEtag = await failureOf(complete("refused.bin", uploadId, [first, { ...second, ETag: '"0123456789abcdef0123456789abcdef"' }]));
    expect(wrongEtag.name).toBe("InvalidPart");
    const neverUploaded = await failureOf(complete("refused.bin", uploadId, [first, { PartNumber: 7, ETag: second.ETag }]));
    expect(neverUploaded.name).toBe("InvalidPart");

    const small = await failureOf(complete("refused.bin", uploadId, parts));
    expect(small.name).toBe("EntityTooSmall");
    expect(small.message).toBe("Your proposed upload is smaller than the minimum allowed size");

    for (const PartNumber of [0, 10_001]) {
      const error = await failureOf(
        s3().send(new UploadPartCommand({ Bucket: bucket, Key: "refused.bin", UploadId: uploadId, PartNumber, Body: "x" })),
      );
      expect(error.name).toBe("InvalidArgument");
    }

    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: "refused.bin", UploadId: uploadId }));
    const aborted = await failureOf(complete("refused.bin", uploadId, parts));
    expect(aborted.name).toBe("NoSuchUpload");
    expect(aborted.$metadata?.httpStatusCode).toBe(404);
    const again = await failureOf(s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: "refused.bin", UploadId: uploadId })));
    expect(again.name).toBe("NoSuchUpload");
    // An upload id belongs to one key.
    const otherKey = await start({ Key: "mine.bin" });
    const wrongKey = await failureOf(s3().send(new ListPartsCommand({ Bucket: bucket, Key: "not-mine.bin", UploadId: otherKey })));
    expect(wrongKey.name).toBe("NoSuchUpload");
    await failureOf(s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "refused.bin" })));
  });

  it("UploadPartCopy copies byte ranges of an existing object into parts", async () => {
    const source = randomBytes(6 * MIB + 100);
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "copy-source.bin", Body: source }));
    const uploadId = await start({ Key: "copy-target.bin" });
    const ranges = [`bytes=0-${5 * MIB - 1}`, `bytes=${5 * MIB}-${source.length - 1}`];
    const parts: CompletedPart[] = [];
    for (const [index, CopySourceRange] of ranges.entries()) {
      const copied = await s3().send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: "copy-target.bin",
          UploadId: uploadId,
          PartNumber: index + 1,
          CopySource: `${bucket}/copy-source.bin`,
          CopySourceRange,
        }),
      );
      expect(copied.CopyPartResult?.LastModified).toBeInstanceOf(Date);
      parts.push({ PartNumber: index + 1, ETag: copied.CopyPartResult?.ETag });
    }
    expect(parts[0]?.ETag).toBe(`"${md5(source.subarray(0, 5 * MIB)).toString("hex")}"`);
    await complete("copy-target.bin", uploadId, parts);
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: "copy-target.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(source)).toBe(true);

    const copyPart = (CopySourceRange: string) =>
      s3().send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: "copy-target.bin",
          UploadId: uploadId,
          PartNumber: 1,
          CopySource: `${bucket}/copy-source.bin`,
          CopySourceRange,
        }),
      );
    const retry = await start({ Key: "copy-target.bin" });
    expect((await failureOf(copyPart("bytes=0-"))).name).toBe("NoSuchUpload");
    const badForm = await failureOf(
      s3().send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: "copy-target.bin",
          UploadId: retry,
          PartNumber: 1,
          CopySource: `${bucket}/copy-source.bin`,
          CopySourceRange: "bytes=0-",
        }),
      ),
    );
    expect(badForm.name).toBe("InvalidArgument");
    const pastTheEnd = await failureOf(
      s3().send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: "copy-target.bin",
          UploadId: retry,
          PartNumber: 1,
          CopySource: `${bucket}/copy-source.bin`,
          CopySourceRange: `bytes=0-${source.length}`,
        }),
      ),
    );
    expect(pastTheEnd.name).toBe("InvalidRequest");
  });

  it("ListParts and ListMultipartUploads page through what is in progress", async () => {
    const listed = uniqueBucket("multipart-lists");
    await s3().send(new CreateBucketCommand({ Bucket: listed }));
    const ids: Record<string, string> = {};
    for (const key of ["logs/a", "logs/b", "photos/c", "top"]) {
      ids[key] = (await s3().send(new CreateMultipartUploadCommand({ Bucket: listed, Key: key }))).UploadId ?? "";
    }
    const second = (await s3().send(new CreateMultipartUploadCommand({ Bucket: listed, Key: "top" }))).UploadId;
    for (const PartNumber of [3, 1, 2]) {
      await s3().send(new UploadPartCommand({ Bucket: listed, Key: "top", UploadId: ids.top, PartNumber, Body: `part ${PartNumber}` }));
    }

    const firstPage = await s3().send(new ListPartsCommand({ Bucket: listed, Key: "top", UploadId: ids.top, MaxParts: 2 }));
    expect(firstPage.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 6],
      [2, 6],
    ]);
    expect(firstPage.IsTruncated).toBe(true);
    const rest = await s3().send(
      new ListPartsCommand({ Bucket: listed, Key: "top", UploadId: ids.top, PartNumberMarker: firstPage.NextPartNumberMarker }),
    );
    expect(rest.Parts?.map((part) => part.PartNumber)).toEqual([3]);
    expect(rest.IsTruncated).toBe(false);

    const all = await s3().send(new ListMultipartUploadsCommand({ Bucket: listed }));
    expect(all.Uploads?.map((upload) => upload.Key)).toEqual(["logs/a", "logs/b", "photos/c", "top", "top"]);
    expect(all.Uploads?.[3]?.UploadId).toBe(ids.top);
    expect(all.Uploads?.[4]?.UploadId).toBe(second);

    const folders = await s3().send(new ListMultipartUploadsCommand({ Bucket: listed, Delimiter: "/" }));
    expect(folders.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(["logs/", "photos/"]);
    expect(folders.Uploads?.map((upload) => upload.Key)).toEqual(["top", "top"]);

    const paged = await s3().send(new ListMultipartUploadsCommand({ Bucket: listed, MaxUploads: 4 }));
    expect(paged.IsTruncated).toBe(true);
    const after = await s3().send(
      new ListMultipartUploadsCommand({ Bucket: listed, KeyMarker: paged.NextKeyMarker, UploadIdMarker: paged.NextUploadIdMarker }),
    );
    expect(after.Uploads?.map((upload) => upload.UploadId)).toEqual([second]);
  });

  it("with ChecksumAlgorithm CRC32 each part has its checksum and the object a composite one", async () => {
    const parts = [randomBytes(5 * MIB), Buffer.from("tail")];
    const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "crc.bin", ChecksumAlgorithm: "CRC32" }));
    expect(created.ChecksumAlgorithm).toBe("CRC32");
    expect(created.ChecksumType).toBe("COMPOSITE");
    const sent = await uploadParts("crc.bin", created.UploadId ?? "", parts);
    expect(sent.every((part) => /^[A-Za-z0-9+/]{6}==$/.test(part.ChecksumCRC32 ?? ""))).toBe(true);
    const done = await complete("crc.bin", created.UploadId ?? "", sent);
    expect(done.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==-2$/);
    expect(done.ChecksumType).toBe("COMPOSITE");
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "crc.bin", ChecksumMode: "ENABLED" }));
    expect(head.ChecksumCRC32).toBe(done.ChecksumCRC32);

    // A copy is one piece again: a plain MD5 ETag and a full-object checksum.
    await s3().send(new CopyObjectCommand({ Bucket: bucket, Key: "crc-copy.bin", CopySource: `${bucket}/crc.bin` }));
    const copy = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "crc-copy.bin", ChecksumMode: "ENABLED" }));
    expect(copy.ETag).toBe(`"${md5(Buffer.concat(parts)).toString("hex")}"`);
    expect(copy.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    expect(copy.ChecksumType).toBe("FULL_OBJECT");
  });

  it("a FULL_OBJECT CRC32C is checked against the whole object on Complete", async () => {
    const parts = [randomBytes(5 * MIB), Buffer.from("tail")];
    const whole = Buffer.alloc(4);
    whole.writeUInt32BE(crc32c(Buffer.concat(parts)) >>> 0);
    const upload = async () => {
      const created = await s3().send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: "full.bin", ChecksumAlgorithm: "CRC32C", ChecksumType: "FULL_OBJECT" }),
      );
      const sent = await Promise.all(
        parts.map((Body, index) =>
          s3().send(
            new UploadPartCommand({ Bucket: bucket, Key: "full.bin", UploadId: created.UploadId, PartNumber: index + 1, Body, ChecksumAlgorithm: "CRC32C" }),
          ),
        ),
      );
      return { uploadId: created.UploadId, parts: sent.map((part, index) => ({ PartNumber: index + 1, ETag: part.ETag, ChecksumCRC32C: part.ChecksumCRC32C })) };
    };
    const finish = ({ uploadId, parts: listed }: Awaited<ReturnType<typeof upload>>, ChecksumCRC32C: string) =>
      s3().send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: "full.bin",
          UploadId: uploadId,
          ChecksumCRC32C,
          ChecksumType: "FULL_OBJECT",
          MultipartUpload: { Parts: listed },
        }),
      );

    const wrong = await failureOf(finish(await upload(), "AAAAAA=="));
    expect(wrong.name).toBe("BadDigest");
    const done = await finish(await upload(), whole.toString("base64"));
    expect(done.ChecksumCRC32C).toBe(whole.toString("base64"));
    expect(done.ChecksumType).toBe("FULL_OBJECT");
  });

  it("a part whose checksum does not match its bytes is BadDigest", async () => {
    const uploadId = await start({ Key: "bad-part.bin" });
    const error = await failureOf(
      s3().send(
        new UploadPartCommand({ Bucket: bucket, Key: "bad-part.bin", UploadId: uploadId, PartNumber: 1, Body: "data", ChecksumCRC32: "AAAAAA==" }),
      ),
    );
    expect(error.name).toBe("BadDigest");
  });

  it("another account cannot upload parts into a bucket it has no rights on", async () => {
    const uploadId = await start({ Key: "private.bin" });
    const stranger = clients().s3({ accessKeyId: ACCOUNT_B });
    const error = await failureOf(
      stranger.send(new UploadPartCommand({ Bucket: bucket, Key: "private.bin", UploadId: uploadId, PartNumber: 1, Body: "x" })),
    );
    expect(error.name).toBe("AccessDenied");
    const create = await failureOf(stranger.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "intruder.bin" })));
    expect(create.name).toBe("AccessDenied");
  });
});
