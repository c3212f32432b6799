import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { HttpRequest } from "@smithy/protocol-http";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, rawRequest, sandboxSigner } from "../helpers/raw";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

// Streaming uploads arrive aws-chunked; the object stored is the data, never the framing.
const { clients, sandbox } = useSandbox();
const bucket = uniqueBucket("streams");
const hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

beforeAll(async () => {
  await clients().s3().send(new CreateBucketCommand({ Bucket: bucket }));
});

/** A signed aws-chunked PUT, built the way SigV4 streaming is specified, optionally tampered with. */
const signedChunkedPut = async (key: string, parts: Buffer[], tamper = false) => {
  const url = new URL(sandbox().endpoint);
  const now = new Date();
  const signer = sandboxSigner();
  const decodedLength = parts.reduce((sum, part) => sum + part.length, 0);
  const request = new HttpRequest({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: `/${bucket}/${key}`,
    headers: {
      host: url.host,
      "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
      "content-encoding": "aws-chunked",
      "x-amz-decoded-content-length": String(decodedLength),
    },
  });
  const signed = await signer.sign(request, { signingDate: now });
  let previous = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? "";
  const longDate = String(signed.headers["x-amz-date"]);
  const scope = `${longDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const frames: Buffer[] = [];
  for (const data of [...parts, Buffer.alloc(0)]) {
    const stringToSign = ["AWS4-HMAC-SHA256-PAYLOAD", longDate, scope, previous, hex(""), hex(data)].join("\n");
    const signature = await signer.sign(stringToSign, { signingDate: now });
    const sent = tamper && data.length > 0 ? Buffer.from(data.toString().toUpperCase()) : data;
    frames.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${signature}\r\n`), sent, Buffer.from("\r\n"));
    previous = signature;
  }
  const body = Buffer.concat(frames);
  const headers = { ...signed.headers, "content-length": String(body.length) } as Record<string, string>;
  delete headers.host;
  return fetch(`${sandbox().endpoint}/${bucket}/${key}`, { method: "PUT", headers, body });
};

describe("aws-chunked uploads", () => {
  it("a stream body from the SDK (unsigned chunks, CRC32 trailer) is stored as the data it carried", async () => {
    const body = Readable.from([Buffer.from("hello "), Buffer.from("streaming "), Buffer.from("world")]);
    await clients().s3().send(new PutObjectCommand({ Bucket: bucket, Key: "streamed.txt", Body: body, ContentLength: 21 }));
    const got = await clients().s3().send(new GetObjectCommand({ Bucket: bucket, Key: "streamed.txt" }));
    expect(await got.Body?.transformToString()).toBe("hello streaming world");
    expect(got.ContentLength).toBe(21);
    expect(got.ContentEncoding).toBeUndefined();
    const head = await clients().s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "streamed.txt", ChecksumMode: "ENABLED" }));
    expect(head.ChecksumCRC32).toBeDefined();
  });

  it("signed chunks are verified one by one and the data is stored", async () => {
    const response = await signedChunkedPut("signed.txt", [Buffer.from("first chunk, "), Buffer.from("second chunk")]);
    expect(response.status).toBe(200);
    const got = await clients().s3().send(new GetObjectCommand({ Bucket: bucket, Key: "signed.txt" }));
    expect(await got.Body?.transformToString()).toBe("first chunk, second chunk");
  });

  it("a chunk changed after signing is SignatureDoesNotMatch and nothing is stored", async () => {
    const response = await signedChunkedPut("tampered.txt", [Buffer.from("original data")], true);
    expect(response.status).toBe(403);
    expect(errorCode(await response.text())).toBe("SignatureDoesNotMatch");
    const error = await clients().s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "tampered.txt" })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
  });
});

describe("UNSIGNED-PAYLOAD", () => {
  it("a body sent with x-amz-content-sha256: UNSIGNED-PAYLOAD is stored as sent", async () => {
    const response = await rawRequest(sandbox().endpoint, {
      method: "PUT",
      path: `/${bucket}/unsigned.txt`,
      headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      body: "not hashed by the client",
    });
    expect(response.status).toBe(200);
    const got = await clients().s3().send(new GetObjectCommand({ Bucket: bucket, Key: "unsigned.txt" }));
    expect(await got.Body?.transformToString()).toBe("not hashed by the client");
  });
});
