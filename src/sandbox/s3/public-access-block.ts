import { ServiceError } from "../errors";
import { child, isElement, malformedXml, parseXml, text, type XmlNode } from "../http/xml";
import type { PublicAccessBlock } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * Get/Put/DeletePublicAccessBlock on a bucket. New buckets have all four settings on; a PUT
 * replaces the four (a setting left out is false, as on AWS); DELETE removes them, after which
 * GET answers 404. What the settings do: bucket-policy.ts (BlockPublicPolicy) and acl.ts
 * (BlockPublicAcls). IgnorePublicAcls and RestrictPublicBuckets are stored only: the sandbox
 * grants nothing through ACLs and has no anonymous requests for them to take away.
 */

const SETTINGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;

const readSetting = (configuration: XmlNode, name: string): boolean => {
  const node = child(configuration, name);
  if (node === undefined) return false;
  const value = text(node)?.trim().toLowerCase();
  if (value !== "true" && value !== "false") throw malformedXml();
  return value === "true";
};

const putPublicAccessBlock: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketPublicAccessBlock");
  const configuration = parseXml(call.request.body, "PublicAccessBlockConfiguration");
  if (!isElement(configuration)) throw malformedXml();
  const settings = Object.fromEntries(SETTINGS.map((name) => [name, readSetting(configuration, name)])) as unknown as PublicAccessBlock;
  bucket.publicAccessBlock = settings;
  return emptyResponse(200);
};

const getPublicAccessBlock: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketPublicAccessBlock");
  if (!bucket.publicAccessBlock) {
    throw new ServiceError("NoSuchPublicAccessBlockConfiguration", 404, "The public access block configuration was not found", {
      BucketName: bucket.name,
    });
  }
  const settings = bucket.publicAccessBlock;
  return xmlResponse("PublicAccessBlockConfiguration", Object.fromEntries(SETTINGS.map((name) => [name, settings[name]])));
};

const deletePublicAccessBlock: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketPublicAccessBlock");
  bucket.publicAccessBlock = null;
  return emptyResponse(204);
};

export const publicAccessBlockHandlers: Record<string, S3Handler> = {
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: getPublicAccessBlock,
  DeletePublicAccessBlock: deletePublicAccessBlock,
};
