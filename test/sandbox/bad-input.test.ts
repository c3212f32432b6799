import { connect } from "node:net";
import { CreateBucketCommand, GetBucketCorsCommand, ListBucketsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { errorCode, rawRequest } from "../helpers/raw";
import { SandboxClients, failureOf, uniqueBucket } from "../helpers/sandbox";

// Bad input gets the error AWS would send, and never stops the sandbox answering others.
let sandbox: Sandbox;
let clients: SandboxClients;
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  sandbox = await startSandbox({ maxBodyBytes: MAX_BODY });
  clients = new SandboxClients(sandbox);
});
afterAll(() => sandbox.close());

/** Writes raw bytes to the sandbox's port and resolves with whatever comes back before it closes. */
const sendRaw = (payload: Buffer | string, { end = true } = {}): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(sandbox.port, sandbox.host);
    const received: Buffer[] = [];
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", () => resolve(Buffer.concat(received).toString("latin1")));
    socket.on("close", () => resolve(Buffer.concat(received).toString("latin1")));
    socket.write(payload, () => {
      if (end) socket.end();
      else setTimeout(() => socket.destroy(), 50);
    });
  });

const stillServing = async () => {
  const listed = await clients.s3().send(new ListBucketsCommand({}));
  expect(listed.$metadata.httpStatusCode).toBe(200);
};

describe("bad input", () => {
  it("malformed XML is MalformedXML", async () => {
    const bucket = uniqueBucket("xml");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const response = await rawRequest(sandbox.endpoint, {
      method: "PUT",
      path: `/${bucket}`,
      query: { versioning: "" },
      body: "<VersioningConfiguration><Status>Enabled</Status>",
    });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("an operation the sandbox does not implement is 501 NotImplemented, naming it", async () => {
    const bucket = uniqueBucket("cors");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const error = await failureOf(clients.s3().send(new GetBucketCorsCommand({ Bucket: bucket })));
    expect(error.name).toBe("NotImplemented");
    expect(error.$metadata?.httpStatusCode).toBe(501);
    expect(error.message).toContain("GetBucketCors");
  });

  it("a body over the limit is EntityTooLarge with the sizes", async () => {
    const bucket = uniqueBucket("large");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const response = await rawRequest(sandbox.endpoint, {
      method: "PUT",
      path: `/${bucket}/big`,
      body: Buffer.alloc(MAX_BODY + 1),
    });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("EntityTooLarge");
    expect(response.body).toContain(`<MaxSizeAllowed>${MAX_BODY}</MaxSizeAllowed>`);
    await stillServing();
  });

  it("the SDK's upload over the limit is refused with EntityTooLarge", async () => {
    const bucket = uniqueBucket("large-sdk");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const error = await failureOf(
      clients.s3().send(new PutObjectCommand({ Bucket: bucket, Key: "big", Body: Buffer.alloc(MAX_BODY * 2) })),
    );
    expect(error.name).toBe("EntityTooLarge");
    await stillServing();
  });

  it("random bytes get a 400 and the connection is closed", async () => {
    const reply = await sendRaw(Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toMatch(/x-amz-request-id: [0-9A-F]{16}/);
    await stillServing();
  });

  it("a request cut off mid-body does not disturb anyone", async () => {
    await sendRaw("PUT /some-bucket/key HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly a little", { end: false });
    await stillServing();
  });

  it("absurd headers get 431 and nothing else breaks", async () => {
    const reply = await sendRaw(`GET / HTTP/1.1\r\nHost: x\r\nX-Huge: ${"a".repeat(200_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    await stillServing();
  });

  it("a percent-encoding that does not decode is InvalidURI", async () => {
    const reply = await sendRaw("GET /bucket/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain("<Code>InvalidURI</Code>");
    await stillServing();
  });

  it("a signature for a service the sandbox does not serve is 501", async () => {
    const response = await rawRequest(sandbox.endpoint, { method: "POST", path: "/", service: "sqs", body: "Action=ListQueues" });
    expect(response.status).toBe(501);
    expect(errorCode(response.body)).toBe("NotImplemented");
  });

  it("hundreds of garbage connections at once leave the sandbox answering", async () => {
    const garbage = Array.from({ length: 200 }, (_, i) => sendRaw(Buffer.from(`${i}\x00\xff garbage\r\n\r\n`)));
    await Promise.all(garbage);
    await stillServing();
  });
});

describe("digests on every operation", () => {
  it("a body whose x-amz-checksum-crc32 does not match is BadDigest, even for bucket configuration", async () => {
    const bucket = uniqueBucket("digest");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const response = await rawRequest(sandbox.endpoint, {
      method: "PUT",
      path: `/${bucket}`,
      query: { tagging: "" },
      headers: { "x-amz-checksum-crc32": "AAAAAA==" },
      body: "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>",
    });
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("BadDigest");
  });
});
