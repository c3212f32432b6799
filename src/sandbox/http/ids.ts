import { randomBytes } from "node:crypto";

/** x-amz-request-id: 16 upper-case hex characters, as S3 sends. */
export const newRequestId = (): string => randomBytes(8).toString("hex").toUpperCase();

/** x-amz-id-2: an opaque base64 token. */
export const newHostId = (): string => randomBytes(48).toString("base64");
