import { faultOf, isAbsent, unlessAbsent } from "./sdk-faults";
import type { AwsClient } from "./target";

/** DeleteObjects takes at most 1,000 keys, which is also ListObjectVersions' page size. */
const PAGE = 1000;

export interface BucketRemoval {
  /** False when the bucket was already gone. */
  removed: boolean;
  /** Object versions and delete markers deleted. */
  versions: number;
}

/**
 * Deletes a bucket's replication configuration (so nothing more arrives) and then every object
 * version and delete marker, leaving the bucket itself. Undefined when the bucket is gone.
 */
export const emptyBucket = async (s3: AwsClient, bucket: string, account: string): Promise<number | undefined> => {
  const { DeleteBucketReplicationCommand } = await import("@aws-sdk/client-s3");
  await unlessAbsent(() => s3.send(new DeleteBucketReplicationCommand({ Bucket: bucket, ExpectedBucketOwner: account })));
  try {
    return await deleteAllVersions(s3, bucket, account);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
};

/**
 * A copy replicated from another bucket (two-way replication, whose other side is removed later)
 * may land after the bucket was emptied: DeleteBucket then answers BucketNotEmpty, and the bucket is
 * emptied again after these waits (ms) before the error stands.
 */
const LATE_REPLICA_WAITS = [100, 250, 500, 1000, 2000];

/**
 * Empties and deletes a bucket through a client of its own region.
 * ExpectedBucketOwner makes S3 refuse if the name now belongs to another account.
 */
export const removeBucket = async (s3: AwsClient, bucket: string, account: string): Promise<BucketRemoval> => {
  let versions = await emptyBucket(s3, bucket, account);
  if (versions === undefined) return { removed: false, versions: 0 };
  const { DeleteBucketCommand } = await import("@aws-sdk/client-s3");
  for (let attempt = 0; ; attempt++) {
    try {
      await s3.send(new DeleteBucketCommand({ Bucket: bucket, ExpectedBucketOwner: account }));
      return { removed: true, versions };
    } catch (error) {
      if (isAbsent(error)) return { removed: false, versions };
      const wait = LATE_REPLICA_WAITS[attempt];
      if (faultOf(error).code !== "BucketNotEmpty" || wait === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
      const more = await emptyBucket(s3, bucket, account);
      if (more === undefined) return { removed: false, versions };
      versions += more;
    }
  }
};

/** Lists from the start again after each batch: the deleted versions no longer show. */
const deleteAllVersions = async (s3: AwsClient, bucket: string, account: string): Promise<number> => {
  const { DeleteObjectsCommand, ListObjectVersionsCommand } = await import("@aws-sdk/client-s3");
  let deleted = 0;
  for (;;) {
    const page = (await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, ExpectedBucketOwner: account, MaxKeys: PAGE }))) as {
      Versions?: { Key?: string; VersionId?: string }[];
      DeleteMarkers?: { Key?: string; VersionId?: string }[];
    };
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((version): version is { Key: string; VersionId?: string } => typeof version.Key === "string")
      .map(({ Key, VersionId }) => ({ Key, ...(VersionId ? { VersionId } : {}) }));
    if (objects.length === 0) return deleted;
    for (let start = 0; start < objects.length; start += PAGE) {
      const batch = objects.slice(start, start + PAGE);
      const result = (await s3.send(
        new DeleteObjectsCommand({ Bucket: bucket, ExpectedBucketOwner: account, Delete: { Objects: batch, Quiet: true } }),
      )) as { Errors?: { Key?: string; Code?: string; Message?: string }[] };
      const failure = result.Errors?.[0];
      if (failure) {
        throw new Error(`could not delete ${result.Errors?.length} object version(s), e.g. "${failure.Key}": ${failure.Code}: ${failure.Message}`);
      }
      deleted += batch.length;
    }
  }
};
