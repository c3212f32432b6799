import type { S3Handler } from "./call";

export const bucketPolicyHandlers: Record<string, S3Handler> = {};
