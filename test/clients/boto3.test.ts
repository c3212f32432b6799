import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";
import { boto3Scenario, pythonClients } from "./helpers/python-clients";

// boto3 scripts (test/fixtures/python/boto3_scenarios.py) against a started sandbox.
const { sandbox } = useSandbox();
const run = <T>(name: string, ...args: string[]) => boto3Scenario<T>({ endpoint: sandbox().endpoint }, name, ...args);

interface Fetched {
  status: number;
  body: string;
}

describe.skipIf(!pythonClients.available)(`boto3 against the sandbox ${pythonClients.reason}`, { timeout: 120_000 }, () => {
  it("multipart calls: the md5-of-md5s ETag, a composite CRC32, metadata kept, and S3's errors", async () => {
    const result = await run<{
      etag: string;
      expectedEtag: string;
      completeChecksum: string;
      completeChecksumType: string;
      head: Record<string, unknown>;
      roundTrip: boolean;
      listedParts: unknown[];
      listedUploads: string[];
      errors: Record<string, string>;
    }>("multipart", uniqueBucket("boto-mpu"));
    expect(result.etag).toBe(result.expectedEtag);
    expect(result.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(result.completeChecksum).toMatch(/==-2$/);
    expect(result.completeChecksumType).toBe("COMPOSITE");
    expect(result.head).toEqual({
      ETag: result.etag,
      ContentLength: 5 * 1024 * 1024 + 4,
      ContentType: "application/x-test",
      Metadata: { owner: "boto3" },
      ChecksumCRC32: result.completeChecksum,
      ChecksumType: "COMPOSITE",
    });
    expect(result.roundTrip).toBe(true);
    expect(result.listedParts).toEqual([
      { PartNumber: 1, Size: 5 * 1024 * 1024 },
      { PartNumber: 2, Size: 4 },
    ]);
    expect(result.listedUploads).toEqual(["parts.bin"]);
    expect(result.errors).toEqual({
      InvalidPartOrder: "InvalidPartOrder",
      InvalidPart: "InvalidPart",
      NoSuchUpload: "NoSuchUpload",
      EntityTooSmall: "EntityTooSmall",
      AbortedThenListParts: "NoSuchUpload",
    });
  });

  it("upload_file and download_file (threaded multipart transfers) round-trip 20 MiB byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s3-tutor-boto3-"));
    const data = randomBytes(20 * 1024 * 1024);
    writeFileSync(join(dir, "source.bin"), data);
    const result = await run<{ etag: string; size: number }>(
      "managed_transfer",
      uniqueBucket("boto-managed"),
      join(dir, "source.bin"),
      join(dir, "target.bin"),
    );
    expect(result.size).toBe(data.length);
    expect(result.etag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(readFileSync(join(dir, "target.bin")).equals(data)).toBe(true);
  });

  it("an aws-chunked upload with a trailing CRC32, as botocore sends it to S3, stores the data; a wrong checksum is BadDigest", async () => {
    const result = await run<{
      roundTrip: boolean;
      contentEncoding: string | null;
      checksumCRC32: string;
      sent: Record<string, string>;
      badDigest: string;
    }>("trailing_checksum", uniqueBucket("boto-trailer"));
    expect(result.sent).toEqual({
      "Content-Encoding": "aws-chunked",
      "X-Amz-Trailer": "x-amz-checksum-crc32",
      "X-Amz-Content-SHA256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    });
    expect(result.roundTrip).toBe(true);
    expect(result.contentEncoding).toBeNull();
    expect(result.checksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    expect(result.badDigest).toBe("BadDigest");
  });

  it("generate_presigned_url: GET and PUT work without credentials, a wrong Content-Type or an expired URL do not", async () => {
    const result = await run<{ putUrl: string; put: Fetched; wrongType: Fetched; get: Fetched; expired: Fetched }>(
      "presigned",
      uniqueBucket("boto-presign"),
    );
    expect(new URL(result.putUrl).searchParams.has("Signature")).toBe(true);
    expect(result.put.status).toBe(200);
    expect(result.get).toEqual({ status: 200, body: "uploaded through a presigned URL" });
    expect(result.wrongType.status).toBe(403);
    expect(result.wrongType.body).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(result.expired.status).toBe(403);
    expect(result.expired.body).toContain("<Code>AccessDenied</Code><Message>Request has expired</Message>");
  });

  it("ranges answer 206, If-None-Match 304, a wrong If-Match 412, and If-None-Match: * refuses an overwrite", async () => {
    const result = await run<Record<string, unknown>>("conditional_and_ranges", uniqueBucket("boto-conditions"));
    expect(result).toEqual({
      range: { body: "cdef", status: 206, contentRange: "bytes 2-5/26" },
      ifNoneMatch: "304",
      headIfNoneMatch: "304",
      ifMatchWrong: "PreconditionFailed",
      ifMatchRight: null,
      putIfNoneMatchStar: "PreconditionFailed",
    });
  });

  it("ListObjects (v1) pages with Marker", async () => {
    const result = await run<{ pages: string[][] }>("listing_v1", uniqueBucket("boto-list"));
    expect(result.pages).toEqual([["k0", "k1"], ["k2", "k3"], ["k4"]]);
  });

  it("boto3 follows the 301 to a bucket in another region by itself", async () => {
    const result = await run<{ body: string }>("region_redirect", uniqueBucket("boto-redirect"));
    expect(result.body).toBe("from afar");
  });

  it("boto3 follows the 400 IllegalLocationConstraintException to a bucket in an opt-in Region too", async () => {
    const result = await run<{ body: string }>("opt_in_region_redirect", uniqueBucket("boto-cape"));
    expect(result.body).toBe("from the cape");
  });
});
