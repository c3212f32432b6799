import { header } from "../http/exchange";
import type { ObjectBody } from "../world/body";
import { objectArn, type Bucket } from "../world/bucket";
import type { ObjectVersion, StoredObject } from "../world/versions";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { checksumHeaders } from "./checksums";
import { receiveUpload } from "./upload-body";
import { checkRequestedAcl } from "./acl";
import { checkRequestedEncryption } from "./object-encryption";
import { requestedVersion } from "./object-version";

export { requestedVersion };
import { invalidObjectState, methodNotAllowedOnDeleteMarker, noSuchKey, noSuchVersion } from "./errors";
import {
  checkKeyLength,
  objectHeaders,
  readObjectAttributes,
  readStorageClass,
  readTags,
  versionHeader,
} from "./object-attributes";
import { checkReadPreconditions, checkWritePreconditions } from "./preconditions";
import { readRange } from "./ranges";
import { responseOverrides } from "./response-overrides";
import { emptyResponse, httpDate } from "./respond";

/** What PutObject checks before its body is read (so a refused upload is never sent) and again after. */
const checkPut = (call: S3Call) => {
  const { request } = call;
  checkKeyLength(call.key);
  const bucket = openBucket(call, "s3:PutObject", { resource: objectArn(call.bucket, call.key) });
  checkRequestedAcl(call, bucket);
  checkRequestedEncryption(request);
  const attributes = readObjectAttributes(request);
  const storageClass = readStorageClass(request);
  const tags = readTags(request);
  const latest = bucket.objects.latest(call.key);
  checkWritePreconditions(request, latest?.kind === "object" ? latest : undefined, call.key);
  return { bucket, attributes, storageClass, tags };
};

const putObject: S3Handler = async (call) => {
  const { world } = call;
  checkPut(call);
  const received = await receiveUpload(call);
  const { body, checksums } = received;
  const etag = `"${Buffer.from(received.digests.result("MD5") ?? "", "base64").toString("hex")}"`;
  const { bucket, stored } = received.commit(() => {
    // The world may have changed while the body arrived (the bucket deleted, a precondition met).
    const { bucket, attributes, storageClass, tags } = checkPut(call);
    const version = bucket.objects.put(call.key, { body, etag, ...attributes, tags, storageClass, checksums }, bucket.versioning, world.now());
    return { bucket, stored: version };
  });
  world.objectWritten({ bucket, version: stored, cause: "PutObject" });
  return emptyResponse(200, {
    etag: stored.etag,
    "x-amz-server-side-encryption": "AES256",
    ...versionHeader(bucket, stored.versionId),
    ...checksumHeaders(checksums),
  });
};

/**
 * The object a GET or HEAD reads: the newest version, or the one asked for. A delete marker
 * answers 404 (newest) or 405 (asked for by id), flagged with x-amz-delete-marker.
 */
const readableVersion = (bucket: Bucket, key: string, versionId: string | undefined): StoredObject => {
  const version: ObjectVersion | undefined =
    versionId === undefined ? bucket.objects.latest(key) : bucket.objects.version(key, versionId);
  if (!version) throw versionId === undefined ? noSuchKey(key) : noSuchVersion(key, versionId);
  if (version.kind === "deleteMarker") {
    const markerHeaders = {
      "x-amz-delete-marker": "true",
      "x-amz-version-id": version.versionId,
      "last-modified": httpDate(version.lastModified),
    };
    if (versionId === undefined) throw noSuchKey(key, markerHeaders);
    throw methodNotAllowedOnDeleteMarker(markerHeaders);
  }
  return version;
};

/** Storage classes whose objects must be restored before GetObject can read them. */
const ARCHIVED = new Set(["GLACIER", "DEEP_ARCHIVE"]);

const readObject = (call: S3Call, withBody: boolean) => {
  const { request } = call;
  const overrides = responseOverrides(request);
  const versionId = requestedVersion(request);
  const bucket = openBucket(call, versionId === undefined ? "s3:GetObject" : "s3:GetObjectVersion", {
    resource: objectArn(call.bucket, call.key),
  });
  const object = readableVersion(bucket, call.key, versionId);
  // Archived bytes need RestoreObject first; HEAD still answers (the sandbox has no restore).
  if (withBody && ARCHIVED.has(object.storageClass)) throw invalidObjectState(object.storageClass);
  const headers = objectHeaders(bucket, object, request);
  if (checkReadPreconditions(request, object) === "not-modified") {
    return emptyResponse(304, { etag: object.etag, "last-modified": headers["last-modified"] ?? "" });
  }
  Object.assign(headers, overrides);
  const range = readRange(header(request, "range"), object.body.size);
  if (range) {
    // A whole-object checksum says nothing about a slice, so S3 leaves it out.
    for (const name of Object.keys(headers)) if (name.startsWith("x-amz-checksum-")) delete headers[name];
    const slice = object.body.slice(range.start, range.end + 1);
    return {
      status: 206,
      headers: {
        ...headers,
        "content-range": `bytes ${range.start}-${range.end}/${object.body.size}`,
        "content-length": String(slice.size),
      },
      ...(withBody ? { body: responseBytes(slice) } : {}),
    };
  }
  return {
    status: 200,
    headers: { ...headers, "content-length": String(object.body.size) },
    ...(withBody ? { body: responseBytes(object.body) } : {}),
  };
};

/** Small bodies are sent from memory; the rest streams from disk. */
const responseBytes = (body: ObjectBody) => body.inlineBytes() ?? body.stream();

const getObject: S3Handler = (call) => readObject(call, true);
const headObject: S3Handler = (call) => readObject(call, false);

const deleteObject: S3Handler = (call) => {
  const versionId = requestedVersion(call.request);
  const bucket = openBucket(call, versionId === undefined ? "s3:DeleteObject" : "s3:DeleteObjectVersion", {
    resource: objectArn(call.bucket, call.key),
  });
  return emptyResponse(204, deleteOne(call, bucket, call.key, versionId).headers);
};

export interface DeleteOutcome {
  headers: Record<string, string>;
  deleteMarker: boolean;
  versionId?: string;
}

/** DeleteObject's semantics, shared with DeleteObjects. */
export const deleteOne = (call: S3Call, bucket: Bucket, key: string, versionId: string | undefined): DeleteOutcome => {
  if (versionId !== undefined) {
    const removed = bucket.objects.deleteVersion(key, versionId);
    const wasMarker = removed?.kind === "deleteMarker";
    return {
      headers: { "x-amz-version-id": versionId, ...(wasMarker ? { "x-amz-delete-marker": "true" } : {}) },
      deleteMarker: wasMarker,
      versionId,
    };
  }
  const marker = bucket.objects.deleteLatest(key, bucket.versioning, call.world.now());
  if (!marker) return { headers: {}, deleteMarker: false };
  call.world.objectWritten({ bucket, version: marker, cause: "DeleteObject" });
  return {
    headers: { "x-amz-delete-marker": "true", "x-amz-version-id": marker.versionId },
    deleteMarker: true,
    versionId: marker.versionId,
  };
};

export const objectHandlers: Record<string, S3Handler> = {
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
};
