import { Readable } from "node:stream";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, rawRequest, sandboxSigner } from "../helpers/raw";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";
import { signedChunkedPut as signedChunkedPutOf } from "../helpers/signed-chunks";

// Streaming uploads arrive aws-chunked; the object stored is the data, never the framing.
const { clients, sandbox } = useSandbox();
const bucket = uniqueBucket("streams");

beforeAll(async () => {
  await clients().s3().send(new CreateBucketCommand({ Bucket: bucket }));
});

/** A signed aws-chunked PUT of a key of the test bucket, optionally tampered with. */
const signedChunkedPut = (key: string, parts: Buffer[], tamper = false) =>
  signedChunkedPutOf(sandbox().endpoint, `/${bucket}/${key}`, parts, sandboxSigner(), tamper);

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
