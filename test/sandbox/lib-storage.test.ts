import { createHash, randomBytes } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../src/sandbox/index";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

// @aws-sdk/lib-storage's Upload: streams of unknown length, cut into parts and sent in parallel.
const requests: RequestLogEntry[] = [];
const { clients } = useSandbox({ onRequest: (entry) => requests.push(entry) });
const bucket = uniqueBucket("lib-storage");
const MIB = 1024 * 1024;
const sha256 = (data: Buffer | Uint8Array) => createHash("sha256").update(data).digest("hex");

beforeAll(async () => {
  await clients().s3().send(new CreateBucketCommand({ Bucket: bucket }));
});

/** A stream that yields `total` bytes in uneven chunks and never says how long it is. */
const unknownLengthStream = (data: Buffer): Readable => {
  const stream = new PassThrough();
  void (async () => {
    for (let at = 0; at < data.length; at += 777_777) {
      stream.write(data.subarray(at, at + 777_777));
      await new Promise((resolve) => setImmediate(resolve));
    }
    stream.end();
  })();
  return stream;
};

const operationsFor = (key: string) => requests.filter((entry) => entry.path === `/${bucket}/${key}`).map((entry) => entry.operation);

describe("lib-storage Upload", () => {
  it("uploads a 30 MB stream of unknown length in parts, and it reads back identical", async () => {
    const data = randomBytes(30 * 1000 * 1000);
    const upload = new Upload({
      client: clients().s3(),
      params: { Bucket: bucket, Key: "stream.bin", Body: unknownLengthStream(data), ContentType: "application/x-stream" },
      queueSize: 4,
      partSize: 5 * MIB,
    });
    const progress: number[] = [];
    upload.on("httpUploadProgress", (event) => progress.push(event.loaded ?? 0));
    const result = await upload.done();

    // 30,000,000 bytes in 5 MiB parts: five full parts and a short last one.
    expect(result.ETag).toMatch(/^"[0-9a-f]{32}-6"$/);
    expect(operationsFor("stream.bin").filter((operation) => operation === "UploadPart")).toHaveLength(6);
    expect(progress[progress.length - 1]).toBe(data.length);
    const got = await clients().s3().send(new GetObjectCommand({ Bucket: bucket, Key: "stream.bin" }));
    expect(got.ContentLength).toBe(data.length);
    expect(got.ContentType).toBe("application/x-stream");
    expect(sha256(await got.Body!.transformToByteArray())).toBe(sha256(data));
    // lib-storage asks for CRC32 (the SDK's default), so the object carries a composite checksum.
    const head = await clients().s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "stream.bin", ChecksumMode: "ENABLED" }));
    expect(head.ChecksumCRC32).toMatch(/==-6$/);
    expect(head.ChecksumType).toBe("COMPOSITE");
  });

  it("a stream shorter than one part goes up as a single PutObject", async () => {
    const data = randomBytes(100_000);
    const result = await new Upload({ client: clients().s3(), params: { Bucket: bucket, Key: "short.bin", Body: unknownLengthStream(data) } }).done();
    expect(result.ETag).toBe(`"${createHash("md5").update(data).digest("hex")}"`);
    expect(operationsFor("short.bin")).toEqual(["PutObject"]);
  });

  it("a stream that fails midway aborts the upload and leaves nothing behind", async () => {
    const failing = new Readable({ read() {} });
    failing.push(randomBytes(6 * MIB));
    setTimeout(() => failing.destroy(new Error("the disk went away")), 50);
    const upload = new Upload({ client: clients().s3(), params: { Bucket: bucket, Key: "broken.bin", Body: failing }, leavePartsOnError: false });
    await expect(upload.done()).rejects.toThrow("the disk went away");
    await expect.poll(() => operationsFor("broken.bin")).toContain("AbortMultipartUpload");
    const inProgress = await clients().s3().send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: "broken" }));
    expect(inProgress.Uploads ?? []).toEqual([]);
  });
});
