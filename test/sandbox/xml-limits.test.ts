import { createHash } from "node:crypto";
import { CreateBucketCommand, CreateMultipartUploadCommand, PutBucketVersioningCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_XML_BYTES } from "../../src/sandbox/http/xml";
import { errorCode, rawRequest } from "../helpers/raw";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";

// Request documents nested deeper or longer than any S3 document are MalformedXML, answered at
// once. Before, nesting past the parser's own limit (about 100 levels) was never answered.
const { clients, sandbox } = useSandbox();
const bucket = uniqueBucket("xml-limits");
let uploadId = "";

beforeAll(async () => {
  const s3 = clients().s3();
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // Replication reads its document only on a versioned bucket.
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "key", Body: "x" }));
  uploadId = (await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "upload" }))).UploadId ?? "";
});

/** `<root>` with `inner` nested `depth` levels deep inside it. */
const nested = (root: string, depth: number, inner = "x") => `<${root}>${"<a>".repeat(depth)}${inner}${"</a>".repeat(depth)}</${root}>`;

const OPERATIONS: ReadonlyArray<{ name: string; method: string; path: () => string; query: () => Record<string, string>; root: string }> = [
  { name: "CreateBucket", method: "PUT", path: () => `/${uniqueBucket("deep")}`, query: () => ({}), root: "CreateBucketConfiguration" },
  { name: "PutBucketVersioning", method: "PUT", path: () => `/${bucket}`, query: () => ({ versioning: "" }), root: "VersioningConfiguration" },
  { name: "PutBucketAccelerateConfiguration", method: "PUT", path: () => `/${bucket}`, query: () => ({ accelerate: "" }), root: "AccelerateConfiguration" },
  { name: "PutBucketTagging", method: "PUT", path: () => `/${bucket}`, query: () => ({ tagging: "" }), root: "Tagging" },
  { name: "PutObjectTagging", method: "PUT", path: () => `/${bucket}/key`, query: () => ({ tagging: "" }), root: "Tagging" },
  { name: "PutBucketLifecycleConfiguration", method: "PUT", path: () => `/${bucket}`, query: () => ({ lifecycle: "" }), root: "LifecycleConfiguration" },
  { name: "PutBucketReplication", method: "PUT", path: () => `/${bucket}`, query: () => ({ replication: "" }), root: "ReplicationConfiguration" },
  { name: "DeleteObjects", method: "POST", path: () => `/${bucket}`, query: () => ({ delete: "" }), root: "Delete" },
  { name: "CompleteMultipartUpload", method: "POST", path: () => `/${bucket}/upload`, query: () => ({ uploadId }), root: "CompleteMultipartUpload" },
];

const send = async (operation: (typeof OPERATIONS)[number], body: string) => {
  const started = performance.now();
  const response = await rawRequest(sandbox().endpoint, {
    method: operation.method,
    path: operation.path(),
    query: operation.query(),
    // DeleteObjects and others insist on a digest of the body.
    headers: { "content-md5": createHash("md5").update(body).digest("base64") },
    body,
    timeoutMs: 5_000,
  });
  return { ...response, ms: performance.now() - started };
};

describe("request documents past S3's bounds", () => {
  it.each(OPERATIONS)("$name: nested 200 deep is MalformedXML, answered quickly", async (operation) => {
    const response = await send(operation, nested(operation.root, 200));
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
    expect(response.ms).toBeLessThan(2_000);
  });

  it.each(OPERATIONS.filter(({ name }) => ["PutBucketTagging", "DeleteObjects"].includes(name)))(
    "$name: nested 50,000 deep is MalformedXML too",
    async (operation) => {
      const response = await send(operation, nested(operation.root, 50_000));
      expect(response.status).toBe(400);
      expect(errorCode(response.body)).toBe("MalformedXML");
    },
  );

  it("a document longer than any S3 request document is MalformedXML, even when it says little", async () => {
    const operation = OPERATIONS.find(({ name }) => name === "PutBucketTagging");
    if (!operation) throw new Error("PutBucketTagging is in the table");
    const tags = "<TagSet><Tag><Key>team</Key><Value>blue</Value></Tag></TagSet>";
    const response = await send(operation, `<Tagging>${tags}${" ".repeat(MAX_XML_BYTES)}</Tagging>`);
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("an entity expansion bomb is refused as MalformedXML, never expanded", async () => {
    const operation = OPERATIONS.find(({ name }) => name === "PutBucketTagging");
    if (!operation) throw new Error("PutBucketTagging is in the table");
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join("");
    const body = `<?xml version="1.0"?><!DOCTYPE Tagging [<!ENTITY e0 "lol">${entities}]><Tagging><TagSet><Tag><Key>k</Key><Value>&e10;</Value></Tag></TagSet></Tagging>`;
    const response = await send(operation, body);
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe("MalformedXML");
  });

  it("documents at S3's own depth still work", async () => {
    const operation = OPERATIONS.find(({ name }) => name === "PutBucketTagging");
    if (!operation) throw new Error("PutBucketTagging is in the table");
    const response = await send(operation, "<Tagging><TagSet><Tag><Key>team</Key><Value>blue</Value></Tag></TagSet></Tagging>");
    expect(response.status).toBe(204);
  });
});
