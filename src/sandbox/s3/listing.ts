import { queryValue, type SandboxRequest } from "../http/exchange";
import { xmlDocument } from "../http/xml";
import type { Bucket } from "../world/bucket";
import type { ObjectStore } from "../world/object-store";
import { atOrBefore, beforePrefix, throughPrefix } from "../world/sorted-keys";
import type { ObjectVersion, StoredObject } from "../world/versions";
import { openBucket } from "./access";
import { XMLNS, type S3Call, type S3Handler } from "./call";
import { invalidArgument } from "./errors";
import { commonPrefixesXml, contentsXml, ownerXml } from "./listing-xml";
import { pageRequest, prefetchOf, type PreparedPage } from "./listing-prefetch";
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

/** What a listing walks: keys in S3's order, and what each key lists (nothing: the key is passed over). */
export interface ListingIndex<T> {
  /** Keys in order from the first for which `before` is false (see SortedKeys.from). */
  keysInOrder(before?: (key: string) => boolean): Iterator<string>;
  itemsOf(key: string): readonly T[];
}

/** Where a page starts: after `marker`, or, with `resumeWithin`, inside the marker key's own items. */
export interface ListStart<T> {
  marker?: string;
  /** For the marker key: the index of its first item still to list (after a version-id or upload-id marker). */
  resumeWithin?: (items: readonly T[]) => number;
}

/**
 * One page of a listing: keys under `prefix`, those that contain the delimiter after the prefix
 * rolled up into common prefixes. Each item and each common prefix counts toward max-keys, as on
 * S3. The start and every common prefix are found by binary search, so a page costs O(log n + page)
 * however many keys the bucket or a common prefix holds.
 */
export const paginate = <T>(index: ListingIndex<T>, params: ListParams, start: ListStart<T> = {}): Page<T> => {
  const page: Page<T> = { items: [], commonPrefixes: [], truncated: false };
  const { prefix, delimiter, maxKeys } = params;
  let count = 0;
  /** Adds a key's items (or its common prefix); false once the page is full. */
  const take = (key: string, items: readonly T[], from: number): boolean => {
    if (from >= items.length) return true;
    const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (at !== -1) {
      const rolledUp = key.slice(0, at + delimiter!.length);
      if (rolledUp === page.commonPrefixes[page.commonPrefixes.length - 1]) return true;
      if (count >= maxKeys) return false;
      count += 1;
      page.commonPrefixes.push((page.lastKey = rolledUp));
      return true;
    }
    for (let i = from; i < items.length; i++) {
      if (count >= maxKeys) return false;
      count += 1;
      page.items.push((page.lastItem = items[i]!));
      page.lastKey = key;
    }
    return true;
  };
  const { marker, resumeWithin } = start;
  if (marker && resumeWithin && marker.startsWith(prefix)) {
    const items = index.itemsOf(marker);
    if (!take(marker, items, resumeWithin(items))) return { ...page, truncated: true };
  }
  const afterStart = markerBound(marker, delimiter);
  const first = prefix ? beforePrefix(prefix) : undefined;
  let keys = index.keysInOrder(first && afterStart ? (key) => first(key) || afterStart(key) : (first ?? afterStart));
  for (let next = keys.next(); !next.done; next = keys.next()) {
    const key = next.value;
    if (!key.startsWith(prefix)) break;
    const rolledUp = page.commonPrefixes.length;
    if (!take(key, index.itemsOf(key), 0)) return { ...page, truncated: true };
    // A new common prefix: jump past every key under it.
    if (page.commonPrefixes.length > rolledUp) keys = index.keysInOrder(throughPrefix(page.commonPrefixes[rolledUp]!));
  }
  return page;
};

/**
 * The keys a marker leaves out: those up to it, and, for a marker that is a common prefix (ends
 * with the delimiter), every key rolled up under it.
 */
const markerBound = (marker: string | undefined, delimiter: string | undefined) => {
  if (!marker) return undefined;
  return delimiter && marker.endsWith(delimiter) ? throughPrefix(marker) : atOrBefore(marker);
};

/** encoding-type=url: keys and prefixes URL-encoded, a space as "+", as S3 does. */
export const encoder =
  (params: Pick<ListParams, "urlEncode">) =>
  <T extends string | undefined>(value: T): T =>
    value === undefined || !params.urlEncode ? value : (encodeURIComponent(value).replace(/%20/g, "+") as T);

const NONE: readonly never[] = [];

/** What ListObjects shows: each key whose newest version is an object. */
const currentObjects = (objects: ObjectStore): ListingIndex<StoredObject> => ({
  keysInOrder: (before) => objects.keysInOrder(before),
  itemsOf: (key) => {
    const newest = objects.latest(key);
    return newest?.kind === "object" ? [newest] : NONE;
  },
});

/** Every version and delete marker, each key's newest first. */
const allVersions = (objects: ObjectStore): ListingIndex<ObjectVersion> => ({
  keysInOrder: (before) => objects.keysInOrder(before),
  itemsOf: (key) => objects.versionsOf(key),
});

/** The bucket owner's element, made once a page and shared by every entry. */
const ownerOf = (bucket: Bucket) => ({ ID: canonicalUserId(bucket.owner) });

/** What a ListObjectsV2 page is asked for, the token already read. */
interface V2Request {
  params: ListParams;
  token?: string;
  resumeAfter?: string;
  startAfter?: string;
  fetchOwner: boolean;
}

/** One ListObjectsV2 page of the bucket as it is now, and the token for the next one. */
const writeV2Page = (bucket: Bucket, asked: V2Request): PreparedPage => {
  const { params, token, startAfter } = asked;
  const page = paginate(currentObjects(bucket.objects), params, { marker: asked.resumeAfter ?? startAfter });
  const encode = encoder(params);
  const owner = asked.fetchOwner ? ownerXml(canonicalUserId(bucket.owner)) : undefined;
  const nextToken = page.truncated && page.lastKey ? Buffer.from(page.lastKey).toString("base64url") : undefined;
  const body = xmlDocument(
    "ListBucketResult",
    {
      Name: bucket.name,
      Prefix: encode(params.prefix),
      Delimiter: encode(params.delimiter),
      MaxKeys: params.maxKeys,
      EncodingType: params.urlEncode ? "url" : undefined,
      KeyCount: page.items.length + page.commonPrefixes.length,
      IsTruncated: page.truncated,
      ContinuationToken: token,
      NextContinuationToken: nextToken,
      StartAfter: encode(startAfter),
      Contents: contentsXml(page.items, encode, owner),
      CommonPrefixes: commonPrefixesXml(page.commonPrefixes, encode),
    },
    { xmlns: XMLNS },
  );
  return { body, ...(nextToken ? { nextToken } : {}) };
};

const v2RequestKey = ({ params, token, startAfter, fetchOwner }: V2Request) =>
  pageRequest([params.prefix, params.delimiter, params.maxKeys, params.urlEncode, token, startAfter, fetchOwner]);

/**
 * ListObjectsV2. Access is checked on every request; the page itself may come from the prefetch
 * (written while the client read the page before), and the page after it is prepared in turn.
 */
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
  const asked: V2Request = { params, token, resumeAfter, startAfter, fetchOwner: queryValue(request, "fetch-owner") === "true" };
  const prefetch = prefetchOf(call.world);
  const { objects } = bucket;
  const page = prefetch.take(objects, v2RequestKey(asked)) ?? writeV2Page(bucket, asked);
  if (page.nextToken) {
    const next: V2Request = { ...asked, token: page.nextToken, resumeAfter: Buffer.from(page.nextToken, "base64url").toString("utf8") };
    prefetch.prepare(objects, v2RequestKey(next), () => {
      const written = writeV2Page(bucket, next);
      return { ...written, body: Buffer.from(written.body) };
    });
  }
  return { status: 200, headers: { "content-type": "application/xml" }, body: page.body };
};

const listObjects: S3Handler = (call) => {
  const { request } = call;
  const { params, bucket } = openForListing(call, "s3:ListBucket");
  const marker = queryValue(request, "marker");
  const page = paginate(currentObjects(bucket.objects), params, { marker });
  const owner = ownerXml(canonicalUserId(bucket.owner));
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
    Contents: contentsXml(page.items, encode, owner),
    CommonPrefixes: commonPrefixesXml(page.commonPrefixes, encode),
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
  const { objects } = bucket;
  const page = paginate(allVersions(objects), params, {
    marker: keyMarker,
    // After a version-id marker: the marker key's versions listed after it (older ones), none if it is gone.
    ...(versionIdMarker
      ? { resumeWithin: (versions: readonly ObjectVersion[]) => versions.findIndex((v) => v.versionId === versionIdMarker) + 1 || versions.length }
      : {}),
  });
  const encode = encoder(params);
  const bucketOwner = ownerOf(bucket);
  const entry = (version: ObjectVersion) => ({
    Key: encode(version.key),
    VersionId: version.versionId,
    // Versions are kept newest first, so the latest is the first of its key.
    IsLatest: objects.latest(version.key) === version,
    LastModified: xmlTime(version.lastModified),
    ...(version.kind === "object"
      ? { ETag: version.etag, Size: version.body.size, StorageClass: version.storageClass }
      : {}),
    Owner: bucketOwner,
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

export const listingHandlers: Record<string, S3Handler> = {
  ListObjectsV2: listObjectsV2,
  ListObjects: listObjects,
  ListObjectVersions: listObjectVersions,
};
