import { queryValue, type SandboxRequest } from "../http/exchange";
import type { Bucket } from "../world/bucket";
import type { ObjectVersion, StoredObject } from "../world/versions";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { checksumTypeOf } from "./checksums";
import { invalidArgument } from "./errors";
import { canonicalUserId, xmlResponse, xmlTime } from "./respond";

const DEFAULT_MAX_KEYS = 1000;

export interface ListParams {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  urlEncode: boolean;
}

const readListParams = (request: SandboxRequest): ListParams => {
  const rawMax = queryValue(request, "max-keys");
  const maxKeys = rawMax === undefined ? DEFAULT_MAX_KEYS : Number(rawMax);
  if (!Number.isInteger(maxKeys) || maxKeys < 0 || maxKeys > 2 ** 31 - 1) {
    throw invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", rawMax);
  }
  const encoding = queryValue(request, "encoding-type");
  if (encoding !== undefined && encoding !== "url") {
    throw invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
  }
  const delimiter = queryValue(request, "delimiter");
  return {
    prefix: queryValue(request, "prefix") ?? "",
    ...(delimiter ? { delimiter } : {}),
    maxKeys: Math.min(maxKeys, DEFAULT_MAX_KEYS),
    urlEncode: encoding === "url",
  };
};

/** The listing parameters, and the bucket opened with them as the s3:prefix (...) condition keys. */
const openForListing = (call: S3Call, action: string) => {
  const params = readListParams(call.request);
  const bucket = openBucket(call, action, {
    context: { "s3:prefix": params.prefix, "s3:delimiter": params.delimiter, "s3:max-keys": String(params.maxKeys) },
  });
  return { params, bucket };
};

interface Page<T> {
  items: T[];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or common prefix on the page: where the next page starts. */
  lastKey?: string;
  lastItem?: T;
}

/**
 * One page of a sorted listing: keys under `prefix`, those that contain the delimiter after
 * the prefix rolled up into common prefixes. Each item and each common prefix counts toward
 * max-keys, as on S3.
 */
export const paginate = <T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  params: ListParams,
  isAfterStart: (item: T) => boolean,
): Page<T> => {
  const page: Page<T> = { items: [], commonPrefixes: [], truncated: false };
  let count = 0;
  for (const item of sorted) {
    const key = keyOf(item);
    if (!key.startsWith(params.prefix) || !isAfterStart(item)) continue;
    let rolledUp: string | undefined;
    if (params.delimiter) {
      const at = key.indexOf(params.delimiter, params.prefix.length);
      if (at !== -1) rolledUp = key.slice(0, at + params.delimiter.length);
    }
    if (rolledUp !== undefined && rolledUp === page.commonPrefixes[page.commonPrefixes.length - 1]) continue;
    if (count >= params.maxKeys) {
      page.truncated = true;
      break;
    }
    count += 1;
    if (rolledUp !== undefined) {
      page.commonPrefixes.push(rolledUp);
      page.lastKey = rolledUp;
    } else {
      page.items.push(item);
      page.lastKey = key;
      page.lastItem = item;
    }
  }
  return page;
};

/** Keys after a marker; a marker that is a common prefix skips everything rolled up under it. */
export const afterMarker = (marker: string | undefined, delimiter: string | undefined) => (key: string) => {
  if (!marker) return true;
  if (delimiter && marker.endsWith(delimiter) && key.startsWith(marker)) return false;
  return Buffer.compare(Buffer.from(key), Buffer.from(marker)) > 0;
};

/** encoding-type=url: keys and prefixes URL-encoded, a space as "+", as S3 does. */
export const encoder = (params: Pick<ListParams, "urlEncode">) => (value: string | undefined) =>
  value === undefined || !params.urlEncode ? value : encodeURIComponent(value).replace(/%20/g, "+");

const owner = (bucket: Bucket) => ({ ID: canonicalUserId(bucket.owner) });

const contents = (bucket: Bucket, object: StoredObject, encode: ReturnType<typeof encoder>, withOwner: boolean) => {
  const algorithms = Object.keys(object.checksums);
  return {
    Key: encode(object.key),
    LastModified: xmlTime(object.lastModified),
    ETag: object.etag,
    ...(algorithms.length > 0 ? { ChecksumAlgorithm: algorithms, ChecksumType: checksumTypeOf(object.checksums) } : {}),
    Size: object.body.size,
    StorageClass: object.storageClass,
    ...(withOwner ? { Owner: owner(bucket) } : {}),
  };
};

const listObjectsV2: S3Handler = (call) => {
  const { request } = call;
  const { params, bucket } = openForListing(call, "s3:ListBucket");
  const token = queryValue(request, "continuation-token");
  let resumeAfter: string | undefined;
  if (token !== undefined) {
    resumeAfter = Buffer.from(token, "base64url").toString("utf8");
    if (token === "" || Buffer.from(resumeAfter).toString("base64url") !== token) {
      throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
  }
  const startAfter = queryValue(request, "start-after");
  const marker = resumeAfter ?? startAfter;
  const isAfter = afterMarker(marker, params.delimiter);
  const page = paginate(bucket.objects.currentObjects(), (object) => object.key, params, (object) => isAfter(object.key));
  const encode = encoder(params);
  const fetchOwner = queryValue(request, "fetch-owner") === "true";
  return xmlResponse("ListBucketResult", {
    Name: bucket.name,
    Prefix: encode(params.prefix),
    Delimiter: encode(params.delimiter),
    MaxKeys: params.maxKeys,
    EncodingType: params.urlEncode ? "url" : undefined,
    KeyCount: page.items.length + page.commonPrefixes.length,
    IsTruncated: page.truncated,
    ContinuationToken: token,
    NextContinuationToken: page.truncated && page.lastKey ? Buffer.from(page.lastKey).toString("base64url") : undefined,
    StartAfter: encode(startAfter),
    Contents: page.items.map((object) => contents(bucket, object, encode, fetchOwner)),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
};

const listObjects: S3Handler = (call) => {
  const { request } = call;
  const { params, bucket } = openForListing(call, "s3:ListBucket");
  const marker = queryValue(request, "marker");
  const isAfter = afterMarker(marker, params.delimiter);
  const page = paginate(bucket.objects.currentObjects(), (object) => object.key, params, (object) => isAfter(object.key));
  const encode = encoder(params);
  return xmlResponse("ListBucketResult", {
    Name: bucket.name,
    Prefix: encode(params.prefix),
    Marker: encode(marker ?? ""),
    // S3 sends NextMarker only when a delimiter was given; otherwise the last key is the marker.
    NextMarker: page.truncated && params.delimiter ? encode(page.lastKey) : undefined,
    MaxKeys: params.maxKeys,
    Delimiter: encode(params.delimiter),
    EncodingType: params.urlEncode ? "url" : undefined,
    IsTruncated: page.truncated,
    Contents: page.items.map((object) => contents(bucket, object, encode, true)),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
};

const listObjectVersions: S3Handler = (call) => {
  const { request } = call;
  const { params, bucket } = openForListing(call, "s3:ListBucketVersions");
  const keyMarker = queryValue(request, "key-marker");
  const versionIdMarker = queryValue(request, "version-id-marker");
  if (versionIdMarker && !keyMarker) {
    throw invalidArgument("A version-id marker cannot be specified without a key marker.", "version-id-marker", versionIdMarker);
  }
  const versions = bucket.objects.allVersions();
  // Versions come newest first per key, so the first of each key is its latest.
  const latest = new Set(versions.filter((version, index) => versions[index - 1]?.key !== version.key));
  const isAfterKey = afterMarker(keyMarker, params.delimiter);
  const isAfterStart = versionAfter(versions, keyMarker, versionIdMarker, isAfterKey);
  const page = paginate(versions, (version) => version.key, params, isAfterStart);
  const encode = encoder(params);
  const entry = (version: ObjectVersion) => ({
    Key: encode(version.key),
    VersionId: version.versionId,
    IsLatest: latest.has(version),
    LastModified: xmlTime(version.lastModified),
    ...(version.kind === "object"
      ? { ETag: version.etag, Size: version.body.size, StorageClass: version.storageClass }
      : {}),
    Owner: owner(bucket),
  });
  return xmlResponse("ListVersionsResult", {
    Name: bucket.name,
    Prefix: encode(params.prefix),
    KeyMarker: encode(keyMarker ?? ""),
    VersionIdMarker: versionIdMarker ?? "",
    NextKeyMarker: page.truncated ? encode(page.lastKey) : undefined,
    NextVersionIdMarker: page.truncated && page.lastItem && page.lastKey === page.lastItem.key ? page.lastItem.versionId : undefined,
    MaxKeys: params.maxKeys,
    Delimiter: encode(params.delimiter),
    EncodingType: params.urlEncode ? "url" : undefined,
    IsTruncated: page.truncated,
    Version: page.items.filter((version) => version.kind === "object").map(entry),
    DeleteMarker: page.items.filter((version) => version.kind === "deleteMarker").map(entry),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
};

/**
 * Versions after (key-marker, version-id-marker): later keys, and for the marker key itself the
 * versions listed after the marker version (older ones).
 */
const versionAfter = (
  versions: readonly ObjectVersion[],
  keyMarker: string | undefined,
  versionIdMarker: string | undefined,
  isAfterKey: (key: string) => boolean,
) => {
  if (!keyMarker || !versionIdMarker) return (version: ObjectVersion) => isAfterKey(version.key);
  const markerIndex = versions.findIndex((v) => v.key === keyMarker && v.versionId === versionIdMarker);
  return (version: ObjectVersion) => {
    if (version.key !== keyMarker) return isAfterKey(version.key);
    return markerIndex !== -1 && versions.indexOf(version) > markerIndex;
  };
};

export const listingHandlers: Record<string, S3Handler> = {
  ListObjectsV2: listObjectsV2,
  ListObjects: listObjects,
  ListObjectVersions: listObjectVersions,
};
