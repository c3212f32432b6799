import { objectArn, type Bucket } from "../world/bucket";
import type { StoredObject } from "../world/versions";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { methodNotAllowedOnDeleteMarker, noSuchKey, noSuchVersion } from "./errors";
import { requestedVersion } from "./objects";
import { emptyResponse, httpDate, xmlResponse } from "./respond";
import { parseTagging, tagSetXml } from "./tags";

/** Get/Put/DeleteObjectTagging on the newest version or the one asked for. */

const taggedVersion = (call: S3Call, action: string): { bucket: Bucket; object: StoredObject; versioned: boolean } => {
  const versionId = requestedVersion(call.request);
  const bucket = openBucket(call, versionId === undefined ? action : action.replace("Object", "ObjectVersion"), {
    resource: objectArn(call.bucket, call.key),
  });
  const version = versionId === undefined ? bucket.objects.latest(call.key) : bucket.objects.version(call.key, versionId);
  if (!version) throw versionId === undefined ? noSuchKey(call.key) : noSuchVersion(call.key, versionId);
  if (version.kind === "deleteMarker") {
    const headers = { "x-amz-delete-marker": "true", "x-amz-version-id": version.versionId, "last-modified": httpDate(version.lastModified) };
    if (versionId === undefined) throw noSuchKey(call.key, headers);
    throw methodNotAllowedOnDeleteMarker(headers);
  }
  return { bucket, object: version, versioned: bucket.versioning !== "Unversioned" };
};

const versionHeaders = (object: StoredObject, versioned: boolean): Record<string, string> =>
  versioned ? { "x-amz-version-id": object.versionId } : {};

const getObjectTagging: S3Handler = (call) => {
  const { object, versioned } = taggedVersion(call, "s3:GetObjectTagging");
  return xmlResponse("Tagging", tagSetXml(object.tags), versionHeaders(object, versioned));
};

const putObjectTagging: S3Handler = (call) => {
  const { bucket, object, versioned } = taggedVersion(call, "s3:PutObjectTagging");
  object.tags = parseTagging(call.request.body, 10);
  bucket.objects.touch(object.key);
  call.world.objectTagsChanged({ bucket, version: object });
  return emptyResponse(200, versionHeaders(object, versioned));
};

const deleteObjectTagging: S3Handler = (call) => {
  const { bucket, object, versioned } = taggedVersion(call, "s3:DeleteObjectTagging");
  object.tags = [];
  bucket.objects.touch(object.key);
  call.world.objectTagsChanged({ bucket, version: object });
  return emptyResponse(204, versionHeaders(object, versioned));
};

export const objectTaggingHandlers: Record<string, S3Handler> = {
  GetObjectTagging: getObjectTagging,
  PutObjectTagging: putObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
};
