import { createHash } from "node:crypto";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { ObjectBody } from "../world/body";
import type { ChecksumAlgorithm } from "../world/versions";
import { runningCrc32, runningCrc32c } from "./crc";

/** What can be computed over a body: its MD5 (the ETag, Content-MD5) and the checksums S3 verifies. */
export type DigestName = "MD5" | ChecksumAlgorithm;

interface RunningDigest {
  update(data: Buffer): void;
  /** The raw digest bytes. */
  digest(): Buffer;
}

const hashing = (name: string) => (): RunningDigest => {
  const hash = createHash(name);
  return { update: (data) => void hash.update(data), digest: () => hash.digest() };
};

const crcDigest = (start: typeof runningCrc32) => (): RunningDigest => {
  const crc = start();
  return { update: (data) => crc.update(data), digest: () => uint32Bytes(crc.digest()) };
};

/** Digests S3 can compute; CRC64NVME is stored and returned, not verified (no library for it here). */
const RUNNING: Partial<Record<DigestName, () => RunningDigest>> = {
  MD5: hashing("md5"),
  CRC32: crcDigest(runningCrc32),
  CRC32C: crcDigest(runningCrc32c),
  SHA1: hashing("sha1"),
  SHA256: hashing("sha256"),
};

/** Several digests of one body, fed a chunk at a time as it streams past; base64 results. */
export class Digests {
  private readonly running = new Map<DigestName, RunningDigest>();
  private results: Map<DigestName, string> | undefined;

  constructor(names: Iterable<DigestName>) {
    for (const name of names) {
      const start = RUNNING[name];
      if (start && !this.running.has(name)) this.running.set(name, start());
    }
  }

  update(data: Buffer): void {
    for (const digest of this.running.values()) digest.update(data);
  }

  /** The base64 digest, or undefined for one not asked for or not computable (CRC64NVME). */
  result(name: DigestName): string | undefined {
    this.results ??= new Map([...this.running].map(([key, digest]) => [key, digest.digest().toString("base64")]));
    return this.results.get(name);
  }
}

/** The digests of a stored body, read from disk as it streams. */
export const digestBody = async (body: ObjectBody, names: Iterable<DigestName>): Promise<Digests> => {
  const digests = new Digests(names);
  const bytes = body.inlineBytes();
  if (bytes) digests.update(bytes);
  else for await (const chunk of body.chunks()) digests.update(chunk);
  return digests;
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


/** A multipart object's COMPOSITE checksum: the checksum of the parts' binary checksums, then "-<parts>". */
export const compositeChecksum = (algorithm: ChecksumAlgorithm, partChecksums: readonly string[]): string | undefined => {
  const digests = new Digests([algorithm]);
  digests.update(Buffer.concat(partChecksums.map((value) => Buffer.from(value, "base64"))));
  const value = digests.result(algorithm);
  return value === undefined ? undefined : `${value}-${partChecksums.length}`;
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
  digests: Digests,
): Partial<Record<ChecksumAlgorithm, string>> => {
  const result: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const [name, value] of Object.entries(checksums) as Array<[ChecksumAlgorithm, string]>) {
    const computed = value.includes("-") ? digests.result(name) : value;
    if (computed !== undefined) result[name] = computed;
  }
  return result;
};

/** The algorithms whose full-object value a copy of an object with these checksums must compute. */
export const compositeAlgorithms = (checksums: Partial<Record<ChecksumAlgorithm, string>>): ChecksumAlgorithm[] =>
  (Object.entries(checksums) as Array<[ChecksumAlgorithm, string]>).filter(([, value]) => value.includes("-")).map(([name]) => name);

/** Digests of a body in memory, each computed when first asked for. */
export const bufferDigests = (body: Buffer) => {
  const cache = new Map<DigestName, string | undefined>();
  return (name: DigestName): string | undefined => {
    if (!cache.has(name)) {
      const digests = new Digests([name]);
      digests.update(body);
      cache.set(name, digests.result(name));
    }
    return cache.get(name);
  };
};

/** A Content-MD5 header that is not 16 bytes of base64 is InvalidDigest, before any body is read. */
export const checkContentMd5Format = (request: SandboxRequest): void => {
  const contentMd5 = header(request, "content-md5");
  if (contentMd5 === undefined) return;
  const decoded = Buffer.from(contentMd5, "base64");
  if (decoded.length !== 16 || decoded.toString("base64") !== contentMd5) {
    throw new ServiceError("InvalidDigest", 400, "The Content-MD5 you specified was invalid.", { "Content-MD5": contentMd5 });
  }
};

/**
 * The digests a request says its body has, so a streamed body computes them as it arrives:
 * MD5 always (the ETag), and each algorithm named by x-amz-checksum-*, x-amz-trailer or
 * x-amz-sdk-checksum-algorithm.
 */
export const claimedDigests = (request: SandboxRequest): DigestName[] => {
  const names = new Set<DigestName>(["MD5"]);
  const trailer = (header(request, "x-amz-trailer") ?? "").toLowerCase();
  const sdkAlgorithm = (header(request, "x-amz-sdk-checksum-algorithm") ?? "").toLowerCase();
  for (const [suffix, algorithm] of Object.entries(BY_SUFFIX)) {
    const named = `x-amz-checksum-${suffix}`;
    if (header(request, named) !== undefined || trailer.split(",").some((name) => name.trim() === named) || sdkAlgorithm === suffix) {
      names.add(algorithm);
    }
  }
  return [...names];
};

/** Content-MD5 and x-amz-checksum-* must match the body (BadDigest / InvalidDigest otherwise). */
export const verifyDigests = (
  request: SandboxRequest,
  computed: (name: DigestName) => string | undefined,
  trailers: Record<string, string> = {},
  /** false when the x-amz-checksum-* headers describe something else (CompleteMultipartUpload's object). */
  checksumHeadersDescribeBody = true,
): Partial<Record<ChecksumAlgorithm, string>> => {
  checkContentMd5Format(request);
  const contentMd5 = header(request, "content-md5");
  if (contentMd5 !== undefined) {
    const actual = computed("MD5") ?? "";
    if (actual !== contentMd5) {
      throw new ServiceError("BadDigest", 400, "The Content-MD5 you specified did not match what we received.", {
        ExpectedDigest: Buffer.from(contentMd5, "base64").toString("hex"),
        CalculatedDigest: Buffer.from(actual, "base64").toString("hex"),
      });
    }
  }
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  if (!checksumHeadersDescribeBody) return checksums;
  for (const [suffix, algorithm] of Object.entries(BY_SUFFIX)) {
    const claimed = trailers[`x-amz-checksum-${suffix}`] ?? header(request, `x-amz-checksum-${suffix}`);
    if (claimed === undefined) continue;
    const actual = computed(algorithm);
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
