import { header } from "../http/exchange";
import { decodeComponent } from "../http/target";
import { objectArn } from "../world/bucket";
import type { ChecksumAlgorithm, StoredObject } from "../world/versions";
import { authorize } from "./access";
import type { S3Call } from "./call";
import { MAX_PART_BYTES } from "./multipart-common";
import { invalidArgument, invalidRequest, noSuchBucket, noSuchKey, noSuchVersion } from "./errors";

/** What CopyObject and UploadPartCopy read from: x-amz-copy-source. */
export interface CopySource {
  bucket: string;
  key: string;
  versionId?: string;
}

/** x-amz-copy-source: "[/]bucket/key[?versionId=id]", URL-encoded. */
export const parseCopySource = (call: S3Call): CopySource => {
  const value = header(call.request, "x-amz-copy-source") ?? "";
  const [path = "", query = ""] = value.split("?", 2);
  const decoded = decodeComponent(path.startsWith("/") ? path.slice(1) : path);
  const slash = decoded.indexOf("/");
  if (slash <= 0 || slash === decoded.length - 1) {
    throw invalidArgument("Invalid copy source object key", "x-amz-copy-source", value);
  }
  const versionId = new URLSearchParams(query).get("versionId") ?? undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), ...(versionId ? { versionId } : {}) };
};

/** The source version, read with the caller's rights on the source bucket (which may be in any region). */
export const readCopySource = (call: S3Call, source: CopySource): StoredObject => {
  const bucket = call.world.bucket(source.bucket);
  if (!bucket) throw noSuchBucket(source.bucket);
  authorize(call, bucket, source.versionId ? "s3:GetObjectVersion" : "s3:GetObject", {
    resource: objectArn(source.bucket, source.key),
    expectedOwnerHeader: "x-amz-source-expected-bucket-owner",
  });
  const version = source.versionId
    ? bucket.objects.version(source.key, source.versionId)
    : bucket.objects.latest(source.key);
  if (!version) throw source.versionId ? noSuchVersion(source.key, source.versionId) : noSuchKey(source.key);
  if (version.kind === "deleteMarker") {
    if (source.versionId) {
      throw invalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
    }
    throw noSuchKey(source.key);
  }
  return version;
};

/** x-amz-copy-source-version-id is sent when the source bucket has ever been versioned. */
export const copySourceVersionHeader = (call: S3Call, source: CopySource, original: StoredObject): Record<string, string> =>
  call.world.bucket(source.bucket)?.versioning !== "Unversioned" ? { "x-amz-copy-source-version-id": original.versionId } : {};

/** Checksums as the elements of CopyObjectResult / CopyPartResult (ChecksumCRC32, ...). */
export const checksumElements = (checksums: Partial<Record<ChecksumAlgorithm, string>>): Record<string, string> => {
  const elements: Record<string, string> = {};
  for (const [name, value] of Object.entries(checksums)) elements[`Checksum${name}`] = value;
  return elements;
};

/** CopyObject, and UploadPartCopy into one part, take a source of at most 5 GiB: larger objects are copied part by part. */
export const refuseLargeCopySource = (size: number): void => {
  if (size > MAX_PART_BYTES) {
    throw invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_PART_BYTES}`);
  }
};
