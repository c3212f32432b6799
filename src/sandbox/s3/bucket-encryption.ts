import { ServiceError } from "../errors";
import { child, children, isElement, malformedXml, parseXml, text } from "../http/xml";
import { SSE_S3_DEFAULT } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * Default encryption. Since 5 January 2023 every bucket encrypts new objects with SSE-S3 unless
 * told otherwise, so GetBucketEncryption always has a rule to show, and DeleteBucketEncryption
 * puts the SSE-S3 rule back (S3 user guide, default-encryption-faq.html). The sandbox has no KMS,
 * so an SSE-KMS or DSSE-KMS default is refused in words rather than stored and not honoured.
 */

const noKms = (algorithm: string) =>
  new ServiceError(
    "NotImplemented",
    501,
    `The sandbox has no AWS KMS, so it cannot make ${algorithm} the default encryption. Objects here are always encrypted with SSE-S3 (AES256); use a real AWS account for SSE-KMS.`,
  );

const putBucketEncryption: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutEncryptionConfiguration");
  const configuration = parseXml(call.request.body, "ServerSideEncryptionConfiguration", ["Rule"]);
  const rules = children(configuration, "Rule").filter(isElement);
  if (rules.length !== 1) throw malformedXml();
  const rule = rules[0];
  const algorithm = text(child(child(rule, "ApplyServerSideEncryptionByDefault"), "SSEAlgorithm"))?.trim();
  const bucketKey = text(child(rule, "BucketKeyEnabled"))?.trim().toLowerCase();
  if (bucketKey !== undefined && bucketKey !== "true" && bucketKey !== "false") throw malformedXml();
  if (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") throw noKms(algorithm);
  if (algorithm !== "AES256") throw malformedXml();
  if (text(child(child(rule, "ApplyServerSideEncryptionByDefault"), "KMSMasterKeyID")) !== undefined) {
    // S3 refuses a key with SSE-S3; the wording here is the sandbox's own.
    throw new ServiceError("InvalidArgument", 400, "A KMSMasterKeyID applies only to the aws:kms and aws:kms:dsse algorithms.");
  }
  bucket.defaultEncryption = { sseAlgorithm: "AES256", bucketKeyEnabled: bucketKey === "true" };
  return emptyResponse(200);
};

const getBucketEncryption: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetEncryptionConfiguration");
  const { sseAlgorithm, bucketKeyEnabled } = bucket.defaultEncryption;
  return xmlResponse("ServerSideEncryptionConfiguration", {
    Rule: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: sseAlgorithm }, BucketKeyEnabled: bucketKeyEnabled },
  });
};

const deleteBucketEncryption: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutEncryptionConfiguration");
  bucket.defaultEncryption = { ...SSE_S3_DEFAULT };
  return emptyResponse(204);
};

export const bucketEncryptionHandlers: Record<string, S3Handler> = {
  PutBucketEncryption: putBucketEncryption,
  GetBucketEncryption: getBucketEncryption,
  DeleteBucketEncryption: deleteBucketEncryption,
};
