import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import type { Readable } from "node:stream";
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { SandboxClients } from "../helpers/sandbox";

// Without a data directory nothing ever snapshots the world, so the sandbox sweeps its blob folder
// as it writes: every 64 MiB of new bodies, the files no object or part refers to any more go.
const MiB = 1024 * 1024;
const md5 = (data: Buffer) => createHash("md5").update(data).digest("hex");
const bytes = (size: number, fill: number) => Buffer.alloc(size, fill);

const withSandbox = async (run: (sandbox: Sandbox, s3: S3Client) => Promise<void>) => {
  const sandbox = await startSandbox({});
  try {
    const s3 = new SandboxClients(sandbox).s3();
    await s3.send(new CreateBucketCommand({ Bucket: "sweep" }));
    await run(sandbox, s3);
  } finally {
    await sandbox.close();
  }
};

const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 150 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

const put = (s3: S3Client, Key: string, Body: Buffer) => s3.send(new PutObjectCommand({ Bucket: "sweep", Key, Body }));

describe("the blob folder of a sandbox without a data directory", () => {
  it("loses the files of overwritten and deleted objects as new ones are written; a copy keeps the bytes it shares", async () => {
    await withSandbox(async (sandbox, s3) => {
      const files = () => readdirSync(sandbox.bodiesDir).length;
      await put(s3, "a", bytes(40 * MiB, 1));
      await put(s3, "a", bytes(40 * MiB, 2));
      // 80 MiB written: the first "a" is gone.
      expect(await waitUntil(() => files() === 1)).toBe(true);

      await s3.send(new CopyObjectCommand({ Bucket: "sweep", Key: "copy-of-a", CopySource: "sweep/a" }));
      await s3.send(new DeleteObjectCommand({ Bucket: "sweep", Key: "a" }));
      await put(s3, "b", bytes(70 * MiB, 3));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // "a" is deleted, but its copy shares its file: both files stay.
      expect(files()).toBe(2);
      const copy = await s3.send(new GetObjectCommand({ Bucket: "sweep", Key: "copy-of-a" }));
      expect(md5(Buffer.from(await copy.Body!.transformToByteArray()))).toBe(md5(bytes(40 * MiB, 2)));

      await s3.send(new DeleteObjectCommand({ Bucket: "sweep", Key: "copy-of-a" }));
      await put(s3, "b", bytes(70 * MiB, 4));
      expect(await waitUntil(() => files() === 1)).toBe(true);
    });
  });

  it("keeps every file of an object being read while it is overwritten, until the read is done", { timeout: 60_000 }, async () => {
    await withSandbox(async (sandbox, s3) => {
      // Two parts, two files: the second is opened only once the first has been sent.
      const parts = [bytes(24 * MiB, 5), bytes(5 * MiB, 6)];
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "sweep", Key: "read-me" }));
      const uploaded = [];
      for (const [index, Body] of parts.entries()) {
        const { ETag } = await s3.send(new UploadPartCommand({ Bucket: "sweep", Key: "read-me", UploadId, PartNumber: index + 1, Body }));
        uploaded.push({ PartNumber: index + 1, ETag: ETag! });
      }
      await s3.send(new CompleteMultipartUploadCommand({ Bucket: "sweep", Key: "read-me", UploadId, MultipartUpload: { Parts: uploaded } }));

      const got = await s3.send(new GetObjectCommand({ Bucket: "sweep", Key: "read-me" }));
      const body = got.Body as Readable;
      const received: Buffer[] = [];
      const first = await new Promise<Buffer>((resolve) => body.once("data", resolve));
      received.push(first);
      body.pause();

      // Overwritten by more than 64 MiB: a sweep runs while the GET is still on its first part.
      await put(s3, "read-me", bytes(70 * MiB, 7));
      await new Promise((resolve) => setTimeout(resolve, 300));

      body.resume();
      for await (const chunk of body) received.push(chunk as Buffer);
      expect(md5(Buffer.concat(received))).toBe(md5(Buffer.concat(parts)));

      // Once read, the old files go at the next sweep.
      await put(s3, "other", bytes(70 * MiB, 8));
      expect(await waitUntil(() => readdirSync(sandbox.bodiesDir).length === 2)).toBe(true);
    });
  });
});
