import type { S3Handler } from "./call";

/** Put/Get/DeleteBucketReplication: filled in by the replication work. */
export const replicationConfigHandlers: Record<string, S3Handler> = {};
