import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { HttpRequest } from "@smithy/protocol-http";
import { describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { useTempDirs } from "../helpers/data-dir";
import { SandboxClients, failureOf } from "../helpers/sandbox";
import { sandboxSigner } from "../helpers/raw";

// Upload bodies stream to files: AWS's size limits apply before a byte is sent, and an upload
// that fails for any reason leaves nothing behind.
const tempDir = useTempDirs("bodies");
const MiB = 1024 * 1024;
const FIVE_GIB = 5 * 1024 * MiB;
const md5 = (data: Buffer) => createHash("md5").update(data).digest("hex");

const withSandbox = async (options: Parameters<typeof startSandbox>[0], run: (sandbox: Sandbox, s3: S3Client) => Promise<void>) => {
  const sandbox = await startSandbox(options);
  try {
    const s3 = new SandboxClients(sandbox).s3();
    await s3.send(new CreateBucketCommand({ Bucket: "uploads" })).catch(() => undefined);
    await run(sandbox, s3);
  } finally {
    await sandbox.close();
  }
};

/** Headers that sign a PUT of `path` whose body is not signed. */
const signedPutHeaders = async (sandbox: Sandbox, path: string) => {
  const url = new URL(sandbox.endpoint);
  const signer = sandboxSigner();
  const [pathname = "", query = ""] = path.split("?");
  const signed = await signer.sign(
    new HttpRequest({
      method: "PUT",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: pathname,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers: { host: url.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    }),
  );
  return signed.headers;
};

/**
 * A signed PUT that declares `length` bytes and waits for 100-continue before sending any:
 * resolves with the sandbox's answer, or "continue" if it asked for the body.
 */
const declarePut = async (sandbox: Sandbox, path: string, length: number): Promise<{ status: number; body: string } | "continue"> => {
  const headers = await signedPutHeaders(sandbox, path);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${sandbox.endpoint}${path}`, {
      method: "PUT",
      headers: { ...headers, "content-length": String(length), expect: "100-continue" },
    });
    outgoing.on("continue", () => {
      outgoing.destroy();
      resolve("continue");
    });
    outgoing.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.flushHeaders();
  });
};

const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

describe("upload bodies", () => {
  it("a single PUT may be 5 GiB, as on AWS; one byte more is EntityTooLarge before the body is sent", async () => {
    await withSandbox({}, async (sandbox) => {
      expect(await declarePut(sandbox, "/uploads/huge", FIVE_GIB)).toBe("continue");
      const refused = await declarePut(sandbox, "/uploads/huge", FIVE_GIB + 1);
      expect(refused).toMatchObject({ status: 400 });
      const body = (refused as { body: string }).body;
      expect(body).toContain("<Code>EntityTooLarge</Code>");
      expect(body).toContain(`<MaxSizeAllowed>${FIVE_GIB}</MaxSizeAllowed>`);
      expect(body).toContain(`<ProposedSize>${FIVE_GIB + 1}</ProposedSize>`);
    });
  });

  it("a part may be 5 GiB; one byte more is EntityTooLarge", async () => {
    await withSandbox({}, async (sandbox, s3) => {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "uploads", Key: "parts" }));
      const path = `/uploads/parts?partNumber=1&uploadId=${encodeURIComponent(UploadId!)}`;
      expect(await declarePut(sandbox, path, FIVE_GIB)).toBe("continue");
      expect(await declarePut(sandbox, path, FIVE_GIB + 1)).toMatchObject({ status: 400, body: expect.stringContaining("EntityTooLarge") });
    });
  });

  it("a body sent without a length that grows past the limit is answered EntityTooLarge, mid-stream", async () => {
    await withSandbox({ maxBodyBytes: MiB }, async (sandbox) => {
      const headers = await signedPutHeaders(sandbox, "/uploads/endless");
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const outgoing = httpRequest(`${sandbox.endpoint}/uploads/endless`, { method: "PUT", headers });
        outgoing.on("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        });
        outgoing.on("error", reject);
        // Chunked transfer encoding, no Content-Length: the limit is found only as the bytes arrive.
        const send = (left: number) => {
          if (left === 0 || outgoing.destroyed) return;
          if (outgoing.write(randomBytes(256 * 1024))) setImmediate(() => send(left - 1));
          else outgoing.once("drain", () => send(left - 1));
        };
        send(16);
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("<Code>EntityTooLarge</Code>");
      expect(answer.body).toContain(`<MaxSizeAllowed>${MiB}</MaxSizeAllowed>`);
      expect(await waitUntil(() => readdirSync(sandbox.bodiesDir).length === 0)).toBe(true);
    });
  });

  it("an upload refused before its body (no such bucket) never asks for the body", async () => {
    await withSandbox({}, async (sandbox) => {
      expect(await declarePut(sandbox, "/no-such-bucket-here/key", 100 * MiB)).toMatchObject({
        status: 404,
        body: expect.stringContaining("NoSuchBucket"),
      });
    });
  });

  it("a wrong Content-MD5 is BadDigest and leaves no file", async () => {
    await withSandbox({}, async (sandbox, s3) => {
      const body = randomBytes(200 * 1024);
      const error = await failureOf(
        s3.send(new PutObjectCommand({ Bucket: "uploads", Key: "bad", Body: body, ContentMD5: createHash("md5").update("other").digest("base64") })),
      );
      expect(error.name).toBe("BadDigest");
      expect(readdirSync(sandbox.bodiesDir)).toEqual([]);
    });
  });

  it("a client that goes away mid-upload leaves no file", async () => {
    await withSandbox({}, async (sandbox) => {
      const headers = await signedPutHeaders(sandbox, "/uploads/cut-off");
      const outgoing = httpRequest(`${sandbox.endpoint}/uploads/cut-off`, {
        method: "PUT",
        headers: { ...headers, "content-length": String(10 * MiB) },
      });
      outgoing.on("error", () => undefined);
      outgoing.write(randomBytes(2 * MiB));
      // The part that arrived is being written...
      expect(await waitUntil(() => readdirSync(sandbox.bodiesDir).length > 0)).toBe(true);
      outgoing.destroy();
      // ...and removed once the client has gone.
      expect(await waitUntil(() => readdirSync(sandbox.bodiesDir).length === 0)).toBe(true);
    });
  });

  it("without a data directory the bodies' temporary folder is removed on close", async () => {
    let folder = "";
    await withSandbox({}, async (sandbox, s3) => {
      folder = sandbox.bodiesDir;
      await s3.send(new PutObjectCommand({ Bucket: "uploads", Key: "temp", Body: randomBytes(100 * 1024) }));
      expect(readdirSync(folder)).toHaveLength(1);
    });
    expect(existsSync(folder)).toBe(false);
  });

  it("multipart objects, part copies and copies share bytes on disk and read back the same after a restart", async () => {
    const dataDir = tempDir();
    const first = randomBytes(5 * MiB);
    const second = randomBytes(1000);
    const whole = Buffer.concat([first, second]);
    const etags: Record<string, string> = {};
    await withSandbox({ dataDir }, async (_sandbox, s3) => {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "uploads", Key: "multi" }));
      const parts = [];
      for (const [index, Body] of [first, second].entries()) {
        const { ETag } = await s3.send(new UploadPartCommand({ Bucket: "uploads", Key: "multi", UploadId, PartNumber: index + 1, Body }));
        parts.push({ PartNumber: index + 1, ETag: ETag! });
      }
      await s3.send(new CompleteMultipartUploadCommand({ Bucket: "uploads", Key: "multi", UploadId, MultipartUpload: { Parts: parts } }));
      // A ranged part copy across the boundary between the two parts, completed as an object of its own.
      const copyUpload = await s3.send(new CreateMultipartUploadCommand({ Bucket: "uploads", Key: "slice" }));
      const copied = await s3.send(
        new UploadPartCopyCommand({
          Bucket: "uploads",
          Key: "slice",
          UploadId: copyUpload.UploadId,
          PartNumber: 1,
          CopySource: "uploads/multi",
          CopySourceRange: `bytes=${5 * MiB - 10}-${5 * MiB + 9}`,
        }),
      );
      expect(copied.CopyPartResult?.ETag).toBe(`"${md5(whole.subarray(5 * MiB - 10, 5 * MiB + 10))}"`);
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: "uploads",
          Key: "slice",
          UploadId: copyUpload.UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: copied.CopyPartResult!.ETag! }] },
        }),
      );
      // A copy of a multipart object is one piece: its ETag is the MD5 of all its bytes.
      const copy = await s3.send(new CopyObjectCommand({ Bucket: "uploads", Key: "copy", CopySource: "uploads/multi" }));
      expect(copy.CopyObjectResult?.ETag).toBe(`"${md5(whole)}"`);
      for (const key of ["multi", "slice", "copy"]) etags[key] = (await s3.send(new GetObjectCommand({ Bucket: "uploads", Key: key }))).ETag!;
      // The first part's bytes are one file, however many objects use them.
      expect(readdirSync(`${dataDir}/blobs`)).toHaveLength(1);
    });
    await withSandbox({ dataDir }, async (_sandbox, s3) => {
      const read = async (key: string, range?: string) => {
        const got = await s3.send(new GetObjectCommand({ Bucket: "uploads", Key: key, ...(range ? { Range: range } : {}) }));
        return { etag: got.ETag, bytes: Buffer.from(await got.Body!.transformToByteArray()) };
      };
      expect(md5((await read("multi")).bytes)).toBe(md5(whole));
      expect((await read("multi")).etag).toBe(etags.multi);
      expect((await read("slice")).bytes.equals(whole.subarray(5 * MiB - 10, 5 * MiB + 10))).toBe(true);
      expect((await read("copy")).etag).toBe(etags.copy);
      expect((await read("copy", `bytes=${5 * MiB - 3}-`)).bytes.equals(whole.subarray(5 * MiB - 3))).toBe(true);
    });
  });
});
