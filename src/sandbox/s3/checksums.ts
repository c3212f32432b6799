import { createHash } from "node:crypto";
import { crc32 } from "@aws-crypto/crc32";
import { crc32c } from "@aws-crypto/crc32c";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { ChecksumAlgorithm } from "../world/versions";

/** Full-object checksums S3 can verify on upload, by their header suffix. */
const ALGORITHMS: Record<string, { name: ChecksumAlgorithm; compute?: (body: Buffer) => string }> = {
  crc32: { name: "CRC32", compute: (body) => uint32Base64(crc32(body)) },
  crc32c: { name: "CRC32C", compute: (body) => uint32Base64(crc32c(body)) },
  sha1: { name: "SHA1", compute: (body) => createHash("sha1").update(body).digest("base64") },
  sha256: { name: "SHA256", compute: (body) => createHash("sha256").update(body).digest("base64") },
  // Stored and returned, not verified: there is no CRC64/NVME library the sandbox relies on.
  crc64nvme: { name: "CRC64NVME" },
};

const uint32Base64 = (value: number): string => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString("base64");
};

export const md5Hex = (body: Buffer): string => createHash("md5").update(body).digest("hex");

/** Content-MD5 and x-amz-checksum-* must match the body (BadDigest / InvalidDigest otherwise). */
export const verifyDigests = (
  request: SandboxRequest,
  body: Buffer,
  trailers: Record<string, string> = {},
): Partial<Record<ChecksumAlgorithm, string>> => {
  const contentMd5 = header(request, "content-md5");
  if (contentMd5 !== undefined) {
    const decoded = Buffer.from(contentMd5, "base64");
    if (decoded.length !== 16 || decoded.toString("base64") !== contentMd5) {
      throw new ServiceError("InvalidDigest", 400, "The Content-MD5 you specified was invalid.", { "Content-MD5": contentMd5 });
    }
    const actual = createHash("md5").update(body).digest("base64");
    if (actual !== contentMd5) {
      throw new ServiceError("BadDigest", 400, "The Content-MD5 you specified did not match what we received.", {
        ExpectedDigest: decoded.toString("hex"),
        CalculatedDigest: Buffer.from(actual, "base64").toString("hex"),
      });
    }
  }
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const [suffix, algorithm] of Object.entries(ALGORITHMS)) {
    const claimed = trailers[`x-amz-checksum-${suffix}`] ?? header(request, `x-amz-checksum-${suffix}`);
    if (claimed === undefined) continue;
    if (algorithm.compute) {
      const actual = algorithm.compute(body);
      if (actual !== claimed) {
        throw new ServiceError(
          "BadDigest",
          400,
          `The ${algorithm.name} you specified did not match the calculated checksum.`,
        );
      }
    }
    checksums[algorithm.name] = claimed;
  }
  return checksums;
};

/** Some operations (DeleteObjects, lifecycle, ...) insist on an integrity header. */
export const requireIntegrityHeader = (request: SandboxRequest): void => {
  const names = Object.keys(request.headers);
  const present = names.some((name) => name === "content-md5" || name.startsWith("x-amz-checksum-") || name === "x-amz-sdk-checksum-algorithm");
  if (!present) {
    throw new ServiceError("InvalidRequest", 400, "Missing required header for this request: Content-MD5");
  }
};

/** The response headers for stored checksums, when the client asked with x-amz-checksum-mode: ENABLED. */
export const checksumHeaders = (checksums: Partial<Record<ChecksumAlgorithm, string>>): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(checksums)) {
    headers[`x-amz-checksum-${name.toLowerCase()}`] = value;
  }
  if (Object.keys(headers).length > 0) headers["x-amz-checksum-type"] = "FULL_OBJECT";
  return headers;
};
