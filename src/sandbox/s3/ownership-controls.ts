import { ServiceError } from "../errors";
import { child, children, isElement, malformedXml, parseXml, text } from "../http/xml";
import { OBJECT_OWNERSHIPS, type ObjectOwnership } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * Object Ownership. New buckets are BucketOwnerEnforced (ACLs disabled) since April 2023;
 * DeleteBucketOwnershipControls removes the setting, and with it the enforcement (S3 then
 * behaves as ObjectWriter). What it changes for ACL requests: acl.ts.
 */

export const isObjectOwnership = (value: string | undefined): value is ObjectOwnership =>
  (OBJECT_OWNERSHIPS as readonly string[]).includes(value ?? "");

const putBucketOwnershipControls: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketOwnershipControls");
  const controls = parseXml(call.request.body, "OwnershipControls", ["Rule"]);
  const rules = children(controls, "Rule").filter(isElement);
  if (rules.length !== 1) throw malformedXml();
  const ownership = text(child(rules[0], "ObjectOwnership"))?.trim();
  if (!isObjectOwnership(ownership)) throw malformedXml();
  bucket.objectOwnership = ownership;
  return emptyResponse(200);
};

const getBucketOwnershipControls: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketOwnershipControls");
  if (!bucket.objectOwnership) {
    throw new ServiceError("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found", {
      BucketName: bucket.name,
    });
  }
  return xmlResponse("OwnershipControls", { Rule: { ObjectOwnership: bucket.objectOwnership } });
};

const deleteBucketOwnershipControls: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketOwnershipControls");
  bucket.objectOwnership = null;
  return emptyResponse(204);
};

export const ownershipControlsHandlers: Record<string, S3Handler> = {
  PutBucketOwnershipControls: putBucketOwnershipControls,
  GetBucketOwnershipControls: getBucketOwnershipControls,
  DeleteBucketOwnershipControls: deleteBucketOwnershipControls,
};
