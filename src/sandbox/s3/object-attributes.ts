import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { Bucket } from "../world/bucket";
import type { StoredObject, Tag } from "../world/versions";
import { checksumHeaders } from "./checksums";
import { replicationFailureHeader } from "./replication-failure-header";
import { httpDate } from "./respond";
import { parseTaggingHeader } from "./tags";

/** The headers S3 stores with an object and returns on GET and HEAD. */
const CONTENT_HEADERS = ["content-encoding", "content-disposition", "cache-control", "content-language", "expires"];

export const STORAGE_CLASSES = new Set([
  "STANDARD",
  "REDUCED_REDUNDANCY",
  "STANDARD_IA",
  "ONEZONE_IA",
  "INTELLIGENT_TIERING",
  "GLACIER",
  "DEEP_ARCHIVE",
  "GLACIER_IR",
]);

const MAX_METADATA_BYTES = 2 * 1024;
export const MAX_KEY_BYTES = 1024;

export interface ObjectAttributes {
  contentType: string;
  contentHeaders: Record<string, string>;
  metadata: Record<string, string>;
}

export const readObjectAttributes = (request: SandboxRequest): ObjectAttributes => {
  const metadata: Record<string, string> = {};
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(request.headers)) {
    if (!name.startsWith("x-amz-meta-") || value === undefined) continue;
    const key = name.slice("x-amz-meta-".length);
    const joined = Array.isArray(value) ? value.join(",") : value;
    metadata[key] = joined;
    metadataBytes += Buffer.byteLength(key) + Buffer.byteLength(joined);
  }
  if (metadataBytes > MAX_METADATA_BYTES) {
    throw new ServiceError("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size", {
      Size: metadataBytes,
      MaxSizeAllowed: MAX_METADATA_BYTES,
    });
  }
  const contentHeaders: Record<string, string> = {};
  for (const name of CONTENT_HEADERS) {
    const value = header(request, name);
    if (value !== undefined) contentHeaders[name] = value;
  }
  // aws-chunked describes how the upload travelled, not the object: S3 does not store it.
  const encoding = contentHeaders["content-encoding"]
    ?.split(",")
    .map((coding) => coding.trim())
    .filter((coding) => coding !== "aws-chunked" && coding !== "")
    .join(",");
  if (encoding) contentHeaders["content-encoding"] = encoding;
  else delete contentHeaders["content-encoding"];
  return { contentType: header(request, "content-type") ?? "binary/octet-stream", contentHeaders, metadata };
};

export const readStorageClass = (request: SandboxRequest): string => {
  const requested = header(request, "x-amz-storage-class") ?? "STANDARD";
  if (!STORAGE_CLASSES.has(requested)) {
    throw new ServiceError("InvalidStorageClass", 400, "The storage class you specified is not valid", {
      StorageClassRequested: requested,
    });
  }
  return requested;
};

export const readTags = (request: SandboxRequest): Tag[] => {
  const tagging = header(request, "x-amz-tagging");
  return tagging === undefined ? [] : parseTaggingHeader(tagging);
};

export const checkKeyLength = (key: string): void => {
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES) {
    throw new ServiceError("KeyTooLongError", 400, "Your key is too long", { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });
  }
};

/** x-amz-version-id appears once a bucket has ever been versioned. */
export const versionHeader = (bucket: Bucket, versionId: string): Record<string, string> =>
  bucket.versioning === "Unversioned" ? {} : { "x-amz-version-id": versionId };

/** The headers of GetObject and HeadObject for one stored version. */
export const objectHeaders = (bucket: Bucket, object: StoredObject, request: SandboxRequest): Record<string, string> => {
  const headers: Record<string, string> = {
    "content-type": object.contentType,
    "last-modified": httpDate(object.lastModified),
    etag: object.etag,
    "accept-ranges": "bytes",
    "x-amz-server-side-encryption": "AES256",
    ...object.contentHeaders,
    ...versionHeader(bucket, object.versionId),
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  if (object.tags.length > 0) headers["x-amz-tagging-count"] = String(object.tags.length);
  if (object.storageClass !== "STANDARD") headers["x-amz-storage-class"] = object.storageClass;
  if (object.replicationStatus) headers["x-amz-replication-status"] = object.replicationStatus;
  Object.assign(headers, replicationFailureHeader(object));
  if (header(request, "x-amz-checksum-mode")?.toUpperCase() === "ENABLED") {
    Object.assign(headers, checksumHeaders(object.checksums));
  }
  return headers;
};
