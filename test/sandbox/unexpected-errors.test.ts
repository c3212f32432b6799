import { connect } from "node:net";
import {
  CreateBucketCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketVersioningCommand,
} from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RequestLogEntry, type Sandbox } from "../../src/sandbox/index";
import { World } from "../../src/sandbox/world/world";
import { SandboxClients, failureOf, uniqueBucket } from "../helpers/sandbox";

// A sandbox bug still gets an answer: 500 InternalError with a request id, and the cause goes
// to onInternalError. Before, such a request was never answered and the client waited forever.
let sandbox: Sandbox;
let clients: SandboxClients;
const internalErrors: Array<{ error: unknown; entry: RequestLogEntry }> = [];
const bounded = () => ({ abortSignal: AbortSignal.timeout(5_000) });

beforeAll(async () => {
  sandbox = await startSandbox({ onInternalError: (error, entry) => internalErrors.push({ error, entry }) });
  clients = new SandboxClients(sandbox);
});
afterAll(() => sandbox.close());
afterEach(() => {
  vi.restoreAllMocks();
  internalErrors.length = 0;
});

/** Writes raw bytes (half-closing after them if `end`) and resolves with all that comes back before the socket closes. */
const rawAnswer = (payload: string, { end }: { end: boolean }): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(sandbox.port, sandbox.host);
    const received: Buffer[] = [];
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(received).toString("latin1")));
    socket.setTimeout(5_000, () => socket.destroy());
    if (end) socket.end(payload);
    else socket.write(payload);
  });

describe("an unexpected failure", () => {
  it("is answered 500 InternalError with a request id, and its cause is reported", async () => {
    vi.spyOn(World.prototype, "bucketsOwnedBy").mockImplementation(() => {
      throw new Error("a sandbox bug");
    });
    const error = await failureOf(clients.s3().send(new ListBucketsCommand({}), bounded()));
    expect(error.name).toBe("InternalError");
    expect(error.$metadata?.httpStatusCode).toBe(500);
    expect((error.$metadata as { requestId?: string }).requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(internalErrors).toHaveLength(1);
    expect(String(internalErrors[0]?.error)).toContain("a sandbox bug");
    expect(internalErrors[0]?.entry.operation).toBe("ListBuckets");
  });

  it("after a request body was read is answered too", async () => {
    const bucket = uniqueBucket("bug-after-body");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    vi.spyOn(World.prototype, "bucket").mockImplementation(() => {
      throw new Error("a sandbox bug after the body");
    });
    const error = await failureOf(
      clients.s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }), bounded()),
    );
    expect(error.$metadata?.httpStatusCode).toBe(500);
    expect(error.name).toBe("InternalError");
    expect(internalErrors.map(({ entry }) => entry.operation)).toEqual(["PutBucketVersioning"]);
  });

  it("a header value no HTTP response can carry is caught and answered 500, not thrown out of the server", async () => {
    const bucket = uniqueBucket("bad-header");
    await clients.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const real = World.prototype.bucket;
    vi.spyOn(World.prototype, "bucket").mockImplementation(function (this: World, name: string) {
      const found = real.call(this, name);
      return found && Object.assign(Object.create(Object.getPrototypeOf(found) as object) as object, found, { region: "eu\r\nX-Injected: 1" });
    });
    const error = await failureOf(clients.s3().send(new HeadBucketCommand({ Bucket: bucket }), bounded()));
    expect(error.$metadata?.httpStatusCode).toBe(500);
    expect(error.$response?.headers["x-injected"]).toBeUndefined();
    expect(String(internalErrors[0]?.error)).toContain("Invalid character in header content");
  });
  // A CompleteMultipartUpload past 4 GiB (which used to hang) now succeeds: big-bodies-memory.test.ts.
});

describe("a logger that fails", () => {
  it("does not take the sandbox down: the request is still answered 500 and the next one served", async () => {
    const fragile = await startSandbox({
      onInternalError: () => {
        throw new Error("the log is full");
      },
    });
    try {
      const s3 = new SandboxClients(fragile).s3();
      vi.spyOn(World.prototype, "bucketsOwnedBy").mockImplementationOnce(() => {
        throw new Error("a sandbox bug");
      });
      const error = await failureOf(s3.send(new ListBucketsCommand({}), bounded()));
      expect(error.$metadata?.httpStatusCode).toBe(500);
      const listed = await s3.send(new ListBucketsCommand({}), bounded());
      expect(listed.$metadata.httpStatusCode).toBe(200);
    } finally {
      await fragile.close();
    }
  });
});

describe("a client that goes away", () => {
  it("mid-body gets a 400 (or a closed socket), is not reported as a sandbox bug, and others are served", async () => {
    const answer = await rawAnswer("PUT /some-bucket?tagging HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten..", { end: true });
    expect(answer === "" || answer.startsWith("HTTP/1.1 400")).toBe(true);
    const listed = await clients.s3().send(new ListBucketsCommand({}), bounded());
    expect(listed.$metadata.httpStatusCode).toBe(200);
    expect(internalErrors).toEqual([]);
  });

  it("asking for a tunnel (CONNECT) is refused with 405, not dropped", async () => {
    const answer = await rawAnswer("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", { end: false });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
  });
});
