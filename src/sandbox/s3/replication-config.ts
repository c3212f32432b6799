import { ServiceError } from "../errors";
import { parseReplicationConfiguration, replicationConfigurationXml } from "../replication/config";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { emptyResponse, xmlResponse } from "./respond";

/** Put/Get/DeleteBucketReplication, validated as S3 does (s3-facts.md §4). */

const invalidRequest = (message: string, bucket: string) =>
  new ServiceError("InvalidRequest", 400, message, { BucketName: bucket });

const putBucketReplication: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutReplicationConfiguration");
  if (bucket.versioning !== "Enabled") {
    throw invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration", bucket.name);
  }
  const configuration = parseReplicationConfiguration(call.request.body);
  for (const rule of configuration.rules) {
    if (rule.destination.bucket === bucket.name) {
      throw invalidRequest("Destination bucket cannot be the same as the source bucket.", bucket.name);
    }
    const destination = call.world.bucket(rule.destination.bucket);
    if (!destination || destination.versioning !== "Enabled") {
      throw invalidRequest("Destination bucket must have versioning enabled.", bucket.name);
    }
  }
  bucket.replication = configuration;
  return emptyResponse(200);
};

const getBucketReplication: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetReplicationConfiguration");
  if (!bucket.replication) {
    throw new ServiceError("ReplicationConfigurationNotFoundError", 404, "The replication configuration was not found", {
      BucketName: bucket.name,
    });
  }
  return xmlResponse("ReplicationConfiguration", replicationConfigurationXml(bucket.replication));
};

/** S3 checks s3:PutReplicationConfiguration for the delete as well. */
const deleteBucketReplication: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutReplicationConfiguration");
  delete bucket.replication;
  return emptyResponse(204);
};

export const replicationConfigHandlers: Record<string, S3Handler> = {
  PutBucketReplication: putBucketReplication,
  GetBucketReplication: getBucketReplication,
  DeleteBucketReplication: deleteBucketReplication,
};
