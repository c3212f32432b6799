/** What the caller of readWorld may add or bound; every field has a default. */
export interface ReadWorldOptions {
  /**
   * Names the learner tried and another account holds (409 BucketAlreadyExists, as the lesson
   * runner saw it): no reader can list another account's buckets, so only the caller knows them.
   */
  takenNames?: readonly string[];
  /** Through the API: object heads (for replication status) per refresh, over all buckets. Default 200. */
  maxHeads?: number;
  /** Through the API: object versions listed per bucket; more makes the count "capped". Default 1000 (one page). */
  maxVersionsPerBucket?: number;
  /** Through the API: buckets read per refresh (each costs a few calls). Default 100. */
  maxBuckets?: number;
  /** The clock for the snapshot's `at`. */
  now?: () => Date;
}

export const DEFAULT_MAX_HEADS = 200;
export const DEFAULT_MAX_VERSIONS_PER_BUCKET = 1000;
export const DEFAULT_MAX_BUCKETS = 100;
