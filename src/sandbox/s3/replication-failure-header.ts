import type { StoredObject } from "../world/versions";

/**
 * Why replication of a version FAILED, on HeadObject and GetObject of that version. This is the
 * sandbox's own header, not AWS's: S3 answers only x-amz-replication-status: FAILED, and tells
 * the reason through S3 Event Notifications (s3:Replication:OperationFailedReplication) instead.
 */
export const REPLICATION_FAILURE_HEADER = "x-s3-tutor-replication-failure";

/** Header values must be visible ASCII and spaces: anything else (a newline, é) becomes "?". */
const headerSafe = (text: string): string => text.replace(/[^\x20-\x7e]/g, "?");

export const replicationFailureHeader = (object: StoredObject): Record<string, string> =>
  object.replicationStatus === "FAILED" && object.replicationFailure
    ? { [REPLICATION_FAILURE_HEADER]: headerSafe(object.replicationFailure) }
    : {};
