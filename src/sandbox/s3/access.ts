import { rootArn } from "../auth/identity";
import { SIGV2_REGIONS } from "../auth/sigv2-query";
import { evaluatePolicy } from "../../policy/evaluate";
import { ServiceError } from "../errors";
import { header } from "../http/exchange";
import { bucketArn, type Bucket } from "../world/bucket";
import type { S3Call } from "./call";
import { isOptInRegion } from "../regions";
import { accessDenied, illegalLocationConstraint, noSuchBucket, permanentRedirect } from "./errors";
import { checkRequestPayer } from "./request-payer";

const sigV2NotAccepted = () =>
  new ServiceError("InvalidRequest", 400, "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");

const POLICY_ACTIONS = new Set(["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]);

export interface OpenOptions {
  /** The resource the action is on; the bucket's ARN unless given. */
  resource?: string;
  /** Extra condition keys (s3:prefix, ...). */
  context?: Record<string, string | undefined>;
  /** Operations that work against a bucket in any region (GetBucketLocation). */
  anyRegion?: boolean;
  /** Headers every failure of this operation carries (HeadBucket's x-amz-bucket-region). */
  errorHeaders?: Record<string, string>;
  /** The header naming the account the caller expects to own this bucket (a copy's source has its own). */
  expectedOwnerHeader?: string;
}

/**
 * The gate every bucket operation passes: the bucket must exist, the request must have been
 * sent to the bucket's region (else 301 or 400 naming it), and the caller must be allowed.
 */
export const openBucket = (call: S3Call, action: string, options: OpenOptions = {}): Bucket => {
  const bucket = locateBucket(call, options);
  authorize(call, bucket, action, options);
  return bucket;
};

/** The bucket must exist and be addressed in its region; authorisation is left to the caller. */
export const locateBucket = (call: S3Call, options: Pick<OpenOptions, "anyRegion"> = {}): Bucket => {
  const bucket = call.world.bucket(call.bucket);
  if (!bucket) throw noSuchBucket(call.bucket);
  if (call.caller.legacySignature) {
    // SigV2 names no region: the URL reaches the bucket's own endpoint, which must still accept SigV2.
    if (!SIGV2_REGIONS.has(bucket.region)) throw sigV2NotAccepted();
    return bucket;
  }
  if (!options.anyRegion && bucket.region !== call.caller.region) throw wrongRegion(bucket, call.caller.region);
  return bucket;
};

/**
 * A request that reached another Region than the bucket's: 301 with the right one, except where
 * either Region launched after 2019-03-20, which answer 400 naming the bucket's location
 * constraint. Both carry x-amz-bucket-region, which current SDKs follow when redirects are on.
 */
const wrongRegion = (bucket: Bucket, requestRegion: string): ServiceError =>
  isOptInRegion(bucket.region) || isOptInRegion(requestRegion)
    ? illegalLocationConstraint(bucket.locationConstraint, { "x-amz-bucket-region": bucket.region })
    : permanentRedirect(bucket.name, bucket.region);

/**
 * The bucket owner's root user may do anything unless the bucket policy explicitly denies it
 * (and may always manage the policy itself). Another account needs the bucket policy to allow
 * the action. Anyone else is denied.
 */
export const authorize = (call: S3Call, bucket: Bucket, action: string, options: OpenOptions = {}): void => {
  const { account } = call.caller;
  // ExpectedBucketOwner: a bucket of another account than the one named is refused, whatever its policy allows.
  const expectedOwner = header(call.request, options.expectedOwnerHeader ?? "x-amz-expected-bucket-owner");
  if (expectedOwner !== undefined && expectedOwner !== bucket.owner) throw accessDenied("Access Denied", options.errorHeaders);
  checkRequestPayer(call, bucket, options.errorHeaders);
  const resource = options.resource ?? bucketArn(bucket.name);
  const isOwner = account === bucket.owner;
  const decision = bucket.policy
    ? evaluatePolicy(bucket.policy.document, {
        principal: { account, arn: rootArn(account) },
        action,
        resource,
        context: {
          "aws:PrincipalAccount": account,
          "aws:PrincipalArn": rootArn(account),
          "aws:PrincipalType": "Account",
          "aws:SecureTransport": "false",
          "aws:SourceIp": "127.0.0.1",
          "aws:RequestedRegion": call.caller.region,
          "aws:CurrentTime": call.request.receivedAt.toISOString(),
          "s3:ResourceAccount": bucket.owner,
          ...options.context,
        },
      })
    : "NoMatch";

  if (isOwner && POLICY_ACTIONS.has(action)) return;
  if (decision === "Deny") {
    throw accessDenied(
      isOwner
        ? `User: ${rootArn(account)} is not authorized to perform: ${action} on resource: "${resource}" with an explicit deny in a resource-based policy`
        : "Access Denied",
      options.errorHeaders,
    );
  }
  if (isOwner) return;
  if (decision === "Allow") {
    // Only the owner's account may manage a bucket policy, whatever the policy grants.
    if (POLICY_ACTIONS.has(action)) {
      throw new ServiceError("MethodNotAllowed", 405, "The specified method is not allowed against this resource.", {
        Method: call.request.method,
        ResourceType: "BUCKETPOLICY",
      });
    }
    return;
  }
  throw accessDenied("Access Denied", options.errorHeaders);
};
