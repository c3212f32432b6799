import { ServiceError } from "../errors";
import { header, queryValue } from "../http/exchange";
import { children, child, isElement, parseXml, text } from "../http/xml";
import { LEGACY_EU, regionOfConstraint } from "../regions";
import { checkCreateBucketAcl } from "./acl";
import { isObjectOwnership } from "./ownership-controls";
import { bucketArn, newBucket, type Bucket, type BucketNamespace } from "../world/bucket";
import { bucketNameProblem, namespaceProblem } from "../world/bucket-names";
import type { Tag } from "../world/versions";
import type { World } from "../world/world";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { illegalLocationConstraint, invalidArgument, invalidBucketName } from "./errors";
import { canonicalUserId, emptyResponse, xmlResponse, xmlTime } from "./respond";
import { validateTagSet } from "./tags";

/** The default quota of general purpose buckets per account (raisable on AWS, fixed here). */
export const BUCKET_QUOTA = 10_000;

const listBuckets: S3Handler = ({ world, request, caller }) => {
  const prefix = queryValue(request, "prefix");
  const region = queryValue(request, "bucket-region");
  const maxRaw = queryValue(request, "max-buckets");
  const token = queryValue(request, "continuation-token");
  const max = maxRaw === undefined ? BUCKET_QUOTA : Number(maxRaw);
  if (!Number.isInteger(max) || max < 1 || max > BUCKET_QUOTA) {
    throw invalidArgument("Argument max-buckets must be an integer between 1 and 10000.", "max-buckets", maxRaw);
  }
  let after = "";
  if (token !== undefined) {
    after = Buffer.from(token, "base64url").toString("utf8");
    if (!after || Buffer.from(after).toString("base64url") !== token) {
      throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
  }
  const matching = world
    .bucketsOwnedBy(caller.account)
    .filter((bucket) => (prefix === undefined || bucket.name.startsWith(prefix)) && (region === undefined || bucket.region === region))
    .filter((bucket) => bucket.name > after);
  const page = matching.slice(0, max);
  const truncated = matching.length > page.length;
  const last = page[page.length - 1];
  return xmlResponse("ListAllMyBucketsResult", {
    Buckets: {
      Bucket: page.map((bucket) => ({
        Name: bucket.name,
        CreationDate: xmlTime(bucket.createdAt),
        BucketRegion: bucket.region,
        BucketArn: bucketArn(bucket.name),
      })),
    },
    Owner: { ID: canonicalUserId(caller.account) },
    ContinuationToken: truncated && last ? Buffer.from(last.name).toString("base64url") : undefined,
    Prefix: prefix,
  });
};

interface CreateBucketBody {
  constraint?: string;
  tags: Tag[];
}

const readCreateBucketBody = (call: S3Call): CreateBucketBody => {
  if (call.request.body.length === 0) return { tags: [] };
  const configuration = parseXml(call.request.body, "CreateBucketConfiguration", ["Tag"]);
  const constraint = text(child(configuration, "LocationConstraint"));
  const tagNodes = children(child(configuration, "Tags"), "Tag").filter(isElement);
  const tags = tagNodes.map((tag) => ({ Key: text(child(tag, "Key")) ?? "", Value: text(child(tag, "Value")) ?? "" }));
  if (tags.length > 0) validateTagSet(tags);
  return { ...(constraint ? { constraint } : {}), tags };
};

/**
 * The region the bucket goes to, following S3's LocationConstraint rules: us-east-1 takes no
 * constraint, every other region requires its own name (or EU for eu-west-1).
 */
const resolveRegion = (requestRegion: string, constraint: string | undefined): string => {
  if (constraint !== undefined && regionOfConstraint(constraint) === undefined) {
    throw new ServiceError("InvalidLocationConstraint", 400, "The specified location-constraint is not valid", {
      LocationConstraint: constraint,
    });
  }
  if (requestRegion === "us-east-1") {
    if (constraint === undefined) return "us-east-1";
    if (constraint === "us-east-1") {
      throw new ServiceError("InvalidLocationConstraint", 400, "The specified location-constraint is not valid", {
        LocationConstraint: constraint,
      });
    }
  } else if (constraint !== undefined && regionOfConstraint(constraint) === requestRegion) {
    return requestRegion;
  }
  throw illegalLocationConstraint(constraint);
};

const createBucket: S3Handler = (call) => {
  const { world, caller, request } = call;
  const name = call.bucket;
  if (bucketNameProblem(name) !== undefined) throw invalidBucketName(name);
  const body = readCreateBucketBody(call);
  const region = resolveRegion(caller.region, body.constraint);

  const namespaceHeader = header(request, "x-amz-bucket-namespace");
  if (namespaceHeader !== undefined && namespaceHeader !== "global" && namespaceHeader !== "account-regional") {
    throw invalidArgument("Invalid bucket namespace", "x-amz-bucket-namespace", namespaceHeader);
  }
  const namespace: BucketNamespace = namespaceHeader === "account-regional" ? "account-regional" : "global";
  if (namespaceProblem(name, namespace, caller.account, region) !== undefined) throw invalidBucketName(name);

  const existing = world.bucket(name);
  if (existing) {
    if (existing.owner !== caller.account) {
      throw new ServiceError(
        "BucketAlreadyExists",
        409,
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
        { BucketName: name },
      );
    }
    // Legacy us-east-1 behaviour: re-creating your own us-east-1 bucket there succeeds.
    if (caller.region === "us-east-1" && existing.region === "us-east-1" && body.tags.length === 0) {
      return emptyResponse(200, createdHeaders(existing));
    }
    throw new ServiceError(
      "BucketAlreadyOwnedByYou",
      409,
      "Your previous request to create the named bucket succeeded and you already own it.",
      { BucketName: name },
    );
  }
  if (world.bucketCount(caller.account) >= BUCKET_QUOTA) {
    throw new ServiceError("TooManyBuckets", 400, "You have attempted to create more buckets than allowed");
  }

  const bucket = newBucket({
    name,
    owner: caller.account,
    region,
    locationConstraint: region === "us-east-1" ? "" : body.constraint === LEGACY_EU ? LEGACY_EU : region,
    namespace,
    createdAt: world.now(),
  });
  const ownership = header(request, "x-amz-object-ownership");
  if (ownership !== undefined) {
    if (!isObjectOwnership(ownership)) throw invalidArgument("Invalid x-amz-object-ownership header", "x-amz-object-ownership", ownership);
    bucket.objectOwnership = ownership;
  }
  checkCreateBucketAcl(call, bucket);
  if (body.tags.length > 0) bucket.tags = body.tags;
  // Object Lock needs versioning, so S3 turns it on with the lock.
  if (header(request, "x-amz-bucket-object-lock-enabled")?.toLowerCase() === "true") {
    bucket.versioning = "Enabled";
    bucket.objectLock = true;
  }
  world.addBucket(bucket);
  return emptyResponse(200, createdHeaders(bucket));
};

const createdHeaders = (bucket: Bucket) => ({
  location: bucket.region === "us-east-1" ? `/${bucket.name}` : `http://${bucket.name}.s3.amazonaws.com/`,
  "x-amz-bucket-arn": bucketArn(bucket.name),
});

const headBucket: S3Handler = (call) => {
  const existing = call.world.bucket(call.bucket);
  const regionHeader: Record<string, string> = existing ? { "x-amz-bucket-region": existing.region } : {};
  const bucket = openBucket(call, "s3:ListBucket", { errorHeaders: regionHeader });
  return emptyResponse(200, {
    "x-amz-bucket-region": bucket.region,
    "x-amz-access-point-alias": "false",
    "x-amz-bucket-arn": bucketArn(bucket.name),
  });
};

const getBucketLocation: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetBucketLocation", { anyRegion: true });
  return xmlResponse("LocationConstraint", bucket.locationConstraint);
};

const deleteBucket: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:DeleteBucket");
  if (!bucket.objects.isEmpty()) {
    const versioned = bucket.versioning !== "Unversioned";
    throw new ServiceError(
      "BucketNotEmpty",
      409,
      versioned
        ? "The bucket you tried to delete is not empty. You must delete all versions in the bucket."
        : "The bucket you tried to delete is not empty",
      { BucketName: bucket.name },
    );
  }
  // "You can't delete a bucket that is part of a Multi-Region Access Point" (userguide/multi-region-access-point-buckets.html).
  const point = mrapUsing(call.world, bucket.name);
  if (point) {
    throw new ServiceError(
      "InvalidRequest",
      400,
      `The bucket ${bucket.name} is part of the Multi-Region Access Point ${point}; delete the Multi-Region Access Point first.`,
      { BucketName: bucket.name },
    );
  }
  call.world.removeBucket(bucket);
  return emptyResponse(204);
};

/** The name of a Multi-Region Access Point (not yet deleted) over the bucket, if any. */
const mrapUsing = (world: World, bucket: string): string | undefined => {
  for (const account of world.allAccounts()) {
    const point = account.mraps.live(world.now()).find((candidate) => candidate.routes.some((route) => route.bucket === bucket));
    if (point) return point.name;
  }
  return undefined;
};

export const bucketHandlers: Record<string, S3Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  DeleteBucket: deleteBucket,
};

