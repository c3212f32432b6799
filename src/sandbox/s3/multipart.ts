import type { S3Handler } from "./call";

/** Multipart uploads: filled in by the client-compatibility work. */
export const multipartHandlers: Record<string, S3Handler> = {};
