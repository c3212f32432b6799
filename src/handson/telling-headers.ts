/**
 * Response headers that teach something about S3: where a bucket lives, which version a write
 * made, whether a delete left a marker, how replication is going, where a new bucket is.
 */
export const TELLING_HEADERS: readonly string[] = [
  "x-amz-bucket-region",
  "x-amz-version-id",
  "x-amz-delete-marker",
  "x-amz-replication-status",
  "location",
  "etag",
  "x-amz-expiration",
  // The sandbox's own (not AWS's): why replication of this version FAILED.
  "x-s3-tutor-replication-failure",
];

/** The telling headers of a response, by lower-case name. */
export const tellingHeaders = (headers: Record<string, string>): Record<string, string> => {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const picked: Record<string, string> = {};
  for (const name of TELLING_HEADERS) {
    const value = byName.get(name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
};
