import { ServiceError } from "../errors";
import { child, parseXml, malformedXml, text } from "../http/xml";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { invalidRequest, notImplemented } from "./errors";
import { emptyResponse, xmlResponse } from "./respond";
import { parseTagging, tagSetXml } from "./tags";

const putBucketTagging: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketTagging");
  bucket.tags = parseTagging(call.request.body);
  return emptyResponse(204);
};

const getBucketTagging: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketTagging");
  if (!bucket.tags || bucket.tags.length === 0) {
    throw new ServiceError("NoSuchTagSet", 404, "The TagSet does not exist", { BucketName: bucket.name });
  }
  return xmlResponse("Tagging", tagSetXml(bucket.tags));
};

const deleteBucketTagging: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketTagging");
  delete bucket.tags;
  return emptyResponse(204);
};

const putBucketVersioning: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketVersioning");
  const configuration = parseXml(call.request.body, "VersioningConfiguration");
  const status = text(child(configuration, "Status"));
  const mfaDelete = text(child(configuration, "MfaDelete"));
  if (status !== undefined && status !== "Enabled" && status !== "Suspended") throw malformedXml();
  if (mfaDelete !== undefined && mfaDelete !== "Enabled" && mfaDelete !== "Disabled") throw malformedXml();
  if (mfaDelete === "Enabled") throw notImplemented("MFA delete (PutBucketVersioning with MfaDelete=Enabled)");
  if (status === "Suspended" && bucket.objectLock) {
    throw new ServiceError(
      "InvalidBucketState",
      409,
      "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.",
    );
  }
  if (status === "Suspended" && bucket.replication) {
    throw new ServiceError(
      "InvalidBucketState",
      409,
      "A replication configuration is present on this bucket, so you cannot change the versioning state. To change the versioning state, first delete the replication configuration.",
    );
  }
  if (status) bucket.versioning = status;
  return emptyResponse(200);
};

const getBucketVersioning: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketVersioning");
  return xmlResponse(
    "VersioningConfiguration",
    bucket.versioning === "Unversioned" ? {} : { Status: bucket.versioning },
  );
};

/** Transfer Acceleration: stored only, but with S3's rule that dotted names cannot use it. */
const ACCELERATE = "accelerate";

const putBucketAccelerateConfiguration: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutAccelerateConfiguration");
  const status = text(child(parseXml(call.request.body, "AccelerateConfiguration"), "Status"));
  if (status !== "Enabled" && status !== "Suspended") throw malformedXml();
  if (bucket.name.includes(".")) {
    throw invalidRequest("Amazon S3 Transfer Acceleration is not supported for buckets with periods (.) in their names.");
  }
  bucket.configurations.set(ACCELERATE, status);
  return emptyResponse(200);
};

const getBucketAccelerateConfiguration: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetAccelerateConfiguration");
  const status = bucket.configurations.get(ACCELERATE);
  return xmlResponse("AccelerateConfiguration", typeof status === "string" ? { Status: status } : {});
};

export const bucketSettingHandlers: Record<string, S3Handler> = {
  PutBucketTagging: putBucketTagging,
  GetBucketTagging: getBucketTagging,
  DeleteBucketTagging: deleteBucketTagging,
  PutBucketVersioning: putBucketVersioning,
  GetBucketVersioning: getBucketVersioning,
  PutBucketAccelerateConfiguration: putBucketAccelerateConfiguration,
  GetBucketAccelerateConfiguration: getBucketAccelerateConfiguration,
};
