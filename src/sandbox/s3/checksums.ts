import { createHash } from "node:crypto";
import { crc32 } from "@aws-crypto/crc32";
import { crc32c } from "@aws-crypto/crc32c";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { ChecksumAlgorithm } from "../world/versions";

/** Digests S3 can compute, as raw bytes; CRC64NVME is stored and returned, not verified (no library for it here). */
const DIGESTS: Partial<Record<ChecksumAlgorithm, (body: Buffer) => Buffer>> = {
  CRC32: (body) => uint32Bytes(crc32(body)),
  CRC32C: (body) => uint32Bytes(crc32c(body)),
  SHA1: (body) => createHash("sha1").update(body).digest(),
  SHA256: (body) => createHash("sha256").update(body).digest(),
};

/** The algorithms by their header suffix: x-amz-checksum-crc32 is CRC32. */
const BY_SUFFIX: Record<string, ChecksumAlgorithm> = {
  crc32: "CRC32",
  crc32c: "CRC32C",
  sha1: "SHA1",
  sha256: "SHA256",
  crc64nvme: "CRC64NVME",
};

const uint32Bytes = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

/** The base64 checksum of a body, or undefined for an algorithm the sandbox cannot compute. */
export const computeChecksum = (algorithm: ChecksumAlgorithm, body: Buffer): string | undefined =>
  DIGESTS[algorithm]?.(body).toString("base64");

/** A multipart object's COMPOSITE checksum: the checksum of the parts' binary checksums, then "-<parts>". */
export const compositeChecksum = (algorithm: ChecksumAlgorithm, partChecksums: readonly string[]): string | undefined => {
  const digest = DIGESTS[algorithm];
  if (!digest) return undefined;
  const joined = Buffer.concat(partChecksums.map((value) => Buffer.from(value, "base64")));
  return `${digest(joined).toString("base64")}-${partChecksums.length}`;
};

/** x-amz-checksum-algorithm names an algorithm (any case), or the request is InvalidRequest. */
export const checksumAlgorithmNamed = (value: string): ChecksumAlgorithm => {
  const algorithm = BY_SUFFIX[value.toLowerCase()];
  if (!algorithm) {
    throw new ServiceError("InvalidRequest", 400, `Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]`);
  }
  return algorithm;
};

/** Composite checksums carry a "-<parts>" suffix; nothing else does. */
export const checksumTypeOf = (checksums: Partial<Record<ChecksumAlgorithm, string>>): "COMPOSITE" | "FULL_OBJECT" | undefined => {
  const values = Object.values(checksums);
  if (values.length === 0) return undefined;
  return values.some((value) => value.includes("-")) ? "COMPOSITE" : "FULL_OBJECT";
};

/** The checksums a single-part copy of these bytes carries: the same algorithms, over the whole copy. */
export const fullObjectChecksums = (
  checksums: Partial<Record<ChecksumAlgorithm, string>>,
  body: Buffer,
): Partial<Record<ChecksumAlgorithm, string>> => {
  const result: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const [name, value] of Object.entries(checksums) as Array<[ChecksumAlgorithm, string]>) {
    const computed = value.includes("-") ? computeChecksum(name, body) : value;
    if (computed !== undefined) result[name] = computed;
  }
  return result;
};

export const md5Hex = (body: Buffer): string => createHash("md5").update(body).digest("hex");

/** Content-MD5 and x-amz-checksum-* must match the body (BadDigest / InvalidDigest otherwise). */
export const verifyDigests = (
  request: SandboxRequest,
  body: Buffer,
  trailers: Record<string, string> = {},
  /** false when the x-amz-checksum-* headers describe something else (CompleteMultipartUpload's object). */
  checksumHeadersDescribeBody = true,
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
  if (!checksumHeadersDescribeBody) return checksums;
  for (const [suffix, algorithm] of Object.entries(BY_SUFFIX)) {
    const claimed = trailers[`x-amz-checksum-${suffix}`] ?? header(request, `x-amz-checksum-${suffix}`);
    if (claimed === undefined) continue;
    const actual = computeChecksum(algorithm, body);
    if (actual !== undefined && actual !== claimed) {
      throw new ServiceError("BadDigest", 400, `The ${algorithm} you specified did not match the calculated checksum.`);
    }
    checksums[algorithm] = claimed;
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
  const type = checksumTypeOf(checksums);
  if (type) headers["x-amz-checksum-type"] = type;
  return headers;
};
