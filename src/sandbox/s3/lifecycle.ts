import { ServiceError } from "../errors";
import { header } from "../http/exchange";
import type { XmlContent } from "../http/xml";
import type { Bucket, LifecycleConfiguration } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { checkLifecycleRules, checkMinimumSize } from "./lifecycle-checks";
import { parseLifecycleXml, type LifecycleFilter, type LifecycleRule } from "./lifecycle-rules";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * Put/Get/DeleteBucketLifecycleConfiguration. The sandbox stores and validates rules; it does
 * not run them (no object ever ages), so nothing here touches the bucket's objects.
 */

const MINIMUM_SIZE_HEADER = "x-amz-transition-default-minimum-object-size";

/** What bucket.lifecycle holds once this module has set it. */
export interface StoredLifecycle extends LifecycleConfiguration {
  rules: LifecycleRule[];
  minimumObjectSize: string;
}

/** Only this module writes bucket.lifecycle, always as a StoredLifecycle. */
export const storedLifecycle = (bucket: Bucket): StoredLifecycle | undefined =>
  bucket.lifecycle as StoredLifecycle | undefined;

const putLifecycle: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:PutLifecycleConfiguration");
  const minimumObjectSize = checkMinimumSize(header(call.request, MINIMUM_SIZE_HEADER));
  const rules = checkLifecycleRules(parseLifecycleXml(call.request.body));
  const stored: StoredLifecycle = { rules, minimumObjectSize };
  bucket.lifecycle = stored;
  return emptyResponse(200, { [MINIMUM_SIZE_HEADER]: minimumObjectSize });
};

const getLifecycle: S3Handler = (call) => {
  const bucket = openBucket(call, "s3:GetLifecycleConfiguration");
  const stored = storedLifecycle(bucket);
  if (!stored) {
    throw new ServiceError("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist", {
      BucketName: bucket.name,
    });
  }
  return xmlResponse(
    "LifecycleConfiguration",
    { Rule: stored.rules.map(ruleXml) },
    { [MINIMUM_SIZE_HEADER]: stored.minimumObjectSize },
  );
};

const deleteLifecycle: S3Handler = (call) => {
  // AWS has no separate action for deleting: s3:PutLifecycleConfiguration covers it.
  const bucket = openBucket(call, "s3:PutLifecycleConfiguration");
  delete bucket.lifecycle;
  return emptyResponse(204);
};

/** A rule in the shape it was put, so Get returns what Put sent (plus generated IDs). */
const ruleXml = (rule: LifecycleRule): XmlContent => ({
  ID: rule.id,
  Prefix: rule.prefix,
  Filter: rule.filter ? filterXml(rule.filter) : undefined,
  Status: rule.status,
  Transition: rule.transitions.map((transition) => ({
    Date: transition.date,
    Days: transition.days,
    StorageClass: transition.storageClass,
  })),
  Expiration: rule.expiration && {
    Date: rule.expiration.date,
    Days: rule.expiration.days,
    ExpiredObjectDeleteMarker: rule.expiration.expiredObjectDeleteMarker,
  },
  NoncurrentVersionTransition: rule.noncurrentTransitions.map((transition) => ({
    NoncurrentDays: transition.noncurrentDays,
    StorageClass: transition.storageClass,
    NewerNoncurrentVersions: transition.newerNoncurrentVersions,
  })),
  NoncurrentVersionExpiration: rule.noncurrentExpiration && {
    NoncurrentDays: rule.noncurrentExpiration.noncurrentDays,
    NewerNoncurrentVersions: rule.noncurrentExpiration.newerNoncurrentVersions,
  },
  AbortIncompleteMultipartUpload:
    rule.abortAfterDays === undefined ? undefined : { DaysAfterInitiation: rule.abortAfterDays },
});

const filterXml = (filter: LifecycleFilter): XmlContent => {
  const predicates = {
    Prefix: filter.prefix,
    Tag: filter.tags.map(({ Key, Value }) => ({ Key, Value })),
    ObjectSizeGreaterThan: filter.sizeGreaterThan,
    ObjectSizeLessThan: filter.sizeLessThan,
  };
  return filter.and ? { And: predicates } : predicates;
};

export const lifecycleHandlers: Record<string, S3Handler> = {
  PutBucketLifecycleConfiguration: putLifecycle,
  GetBucketLifecycleConfiguration: getLifecycle,
  DeleteBucketLifecycle: deleteLifecycle,
};
