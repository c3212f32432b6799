import { rootArn } from "../auth/identity";
import { ServiceError } from "../errors";
import { bucketArn } from "../world/bucket";
import { openBucket } from "./access";
import { validateBucketPolicy } from "./bucket-policy-validate";
import { isPublicPolicy } from "./public-policy";
import type { S3Handler } from "./call";
import { accessDenied } from "./errors";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * Put/Get/DeleteBucketPolicy. openBucket lets the owner's root manage the policy whatever the
 * policy says, and answers 405 to any other account the policy grants these actions.
 */

const putBucketPolicy: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutBucketPolicy");
  const text = call.request.body.toString("utf8");
  const document = validateBucketPolicy(text, bucket.name, call.world);
  // Block Public Access (on for every new bucket) refuses a public policy; it never checks policies already stored.
  if (bucket.publicAccessBlock?.BlockPublicPolicy && isPublicPolicy(document)) {
    throw accessDenied(
      `User: ${rootArn(call.caller.account)} is not authorized to perform: s3:PutBucketPolicy on resource: "${bucketArn(bucket.name)}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    );
  }
  bucket.policy = { text, document };
  return emptyResponse(204);
};

const noSuchBucketPolicy = (bucket: string) =>
  new ServiceError("NoSuchBucketPolicy", 404, "The bucket policy does not exist", { BucketName: bucket });

const getBucketPolicy: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketPolicy");
  if (!bucket.policy) throw noSuchBucketPolicy(bucket.name);
  // The policy comes back byte for byte as it was put: JSON, not wrapped in XML.
  return { status: 200, headers: { "content-type": "application/json" }, body: bucket.policy.text };
};

const deleteBucketPolicy: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:DeleteBucketPolicy");
  delete bucket.policy;
  return emptyResponse(204);
};

/** Whether the stored policy is public by S3's meaning (whatever Block Public Access says). */
const getBucketPolicyStatus: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketPolicyStatus");
  if (!bucket.policy) throw noSuchBucketPolicy(bucket.name);
  return xmlResponse("PolicyStatus", { IsPublic: isPublicPolicy(bucket.policy.document) });
};

export const bucketPolicyHandlers: Record<string, S3Handler> = {
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: getBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
  GetBucketPolicyStatus: getBucketPolicyStatus,
};
