import type { S3Handler } from "./call";

export const lifecycleHandlers: Record<string, S3Handler> = {};
