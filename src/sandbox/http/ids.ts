import { randomFillSync } from "node:crypto";

// Every answer carries two ids. One randomBytes call each cost ~10 µs (a trip into OpenSSL per
// call); ids are not secrets, so they are cut from a pool refilled 4 KiB at a time.
const pool = Buffer.alloc(4096);
let used = pool.length;

const randomSlice = (length: number): Buffer => {
  if (used + length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += length;
  return pool.subarray(used - length, used);
};

/** x-amz-request-id: 16 upper-case hex characters, as S3 sends. */
export const newRequestId = (): string => randomSlice(8).toString("hex").toUpperCase();

/** x-amz-id-2: an opaque base64 token. */
export const newHostId = (): string => randomSlice(48).toString("base64");
