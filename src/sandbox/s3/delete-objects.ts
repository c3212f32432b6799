import { isServiceError } from "../errors";
import { child, children, isElement, malformedXml, parseXml, text } from "../http/xml";
import { objectArn } from "../world/bucket";
import { authorize, locateBucket } from "./access";
import type { S3Handler } from "./call";
import { requireIntegrityHeader } from "./checksums";
import { deleteOne } from "./objects";
import { xmlResponse } from "./respond";

const MAX_KEYS = 1000;

/** DeleteObjects: up to 1,000 keys; each is authorised and deleted on its own, errors reported per key. */
const deleteObjects: S3Handler = (call) => {
  // Each key is authorised on its own; a caller without rights gets AccessDenied per key.
  const bucket = locateBucket(call);
  requireIntegrityHeader(call.request);
  const document = parseXml(call.request.body, "Delete", ["Object"]);
  const objects = children(document, "Object");
  if (objects.length === 0 || objects.length > MAX_KEYS || !objects.every(isElement)) throw malformedXml();
  const quiet = text(child(document, "Quiet"))?.toLowerCase() === "true";

  const deleted: Array<Record<string, string | boolean | undefined>> = [];
  const errors: Array<Record<string, string | undefined>> = [];
  for (const object of objects) {
    const key = text(child(object, "Key"));
    if (key === undefined) throw malformedXml();
    const versionId = text(child(object, "VersionId"));
    try {
      authorize(call, bucket, versionId === undefined ? "s3:DeleteObject" : "s3:DeleteObjectVersion", {
        resource: objectArn(bucket.name, key),
      });
      const outcome = deleteOne(call, bucket, key, versionId);
      if (quiet) continue;
      deleted.push(
        versionId === undefined
          ? {
              Key: key,
              ...(outcome.deleteMarker ? { DeleteMarker: true, DeleteMarkerVersionId: outcome.versionId } : {}),
            }
          : { Key: key, VersionId: versionId, ...(outcome.deleteMarker ? { DeleteMarker: true, DeleteMarkerVersionId: versionId } : {}) },
      );
    } catch (error) {
      if (!isServiceError(error)) throw error;
      errors.push({ Key: key, VersionId: versionId, Code: error.code, Message: error.message });
    }
  }
  return xmlResponse("DeleteResult", { Deleted: deleted, Error: errors });
};

export const deleteObjectsHandlers: Record<string, S3Handler> = { DeleteObjects: deleteObjects };
