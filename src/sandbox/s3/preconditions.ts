import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { StoredObject } from "../world/versions";

const preconditionFailed = (condition: string) =>
  new ServiceError("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold", {
    Condition: condition,
  });

const etagMatches = (list: string, etag: string): boolean =>
  list.split(",").some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === "*" || trimmed === etag || `"${trimmed}"` === etag;
  });

const parseDate = (value: string | undefined): Date | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export type ReadPrecondition = "ok" | "not-modified";

/**
 * GET/HEAD conditions as S3 evaluates them: If-Match beats If-Unmodified-Since, and
 * If-None-Match beats If-Modified-Since. `prefix` reads the x-amz-copy-source-if-* variants.
 */
export const checkReadPreconditions = (request: SandboxRequest, object: StoredObject, prefix = ""): ReadPrecondition => {
  const ifMatch = header(request, `${prefix}if-match`);
  const ifNoneMatch = header(request, `${prefix}if-none-match`);
  const ifModifiedSince = parseDate(header(request, `${prefix}if-modified-since`));
  const ifUnmodifiedSince = parseDate(header(request, `${prefix}if-unmodified-since`));
  const modified = seconds(object.lastModified);

  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, object.etag)) throw preconditionFailed("If-Match");
  } else if (ifUnmodifiedSince && modified > seconds(ifUnmodifiedSince)) {
    throw preconditionFailed("If-Unmodified-Since");
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, object.etag)) {
      if (prefix) throw preconditionFailed("x-amz-copy-source-If-None-Match");
      return "not-modified";
    }
  } else if (ifModifiedSince && modified <= seconds(ifModifiedSince)) {
    if (prefix) throw preconditionFailed("x-amz-copy-source-If-Modified-Since");
    return "not-modified";
  }
  return "ok";
};

/** A write that carries If-None-Match or If-Match (PutObject, CompleteMultipartUpload). */
export const isConditionalWrite = (request: SandboxRequest): boolean =>
  header(request, "if-none-match") !== undefined || header(request, "if-match") !== undefined;

/**
 * AWS's answer when a conflicting operation (a delete of the key) landed while a conditional
 * multipart upload was in progress; the upload is gone and must be started again
 * (API reference, CompleteMultipartUpload If-Match / If-None-Match).
 */
export const conditionalRequestConflict = () =>
  new ServiceError(
    "ConditionalRequestConflict",
    409,
    "The conditional request cannot succeed due to a conflicting operation against this resource.",
  );

/**
 * Conditional writes (userguide/conditional-writes.html): If-None-Match: * creates only when the
 * key has no current object (a delete marker counts as none), If-Match requires the current
 * object's ETag and answers 404 NoSuchKey when there is none. Both fail with 412, checked when the
 * write commits, so of two racing writers the first to finish wins.
 */
export const checkWritePreconditions = (request: SandboxRequest, current: StoredObject | undefined, key: string): void => {
  const ifNoneMatch = header(request, "if-none-match");
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== "*") {
      throw new ServiceError("NotImplemented", 501, "A header you provided implies functionality that is not implemented", {
        Header: "If-None-Match",
      });
    }
    if (current) throw preconditionFailed("If-None-Match");
  }
  const ifMatch = header(request, "if-match");
  if (ifMatch !== undefined) {
    if (!current) {
      throw new ServiceError("NoSuchKey", 404, "The specified key does not exist.", { Key: key });
    }
    if (!etagMatches(ifMatch, current.etag)) throw preconditionFailed("If-Match");
  }
};
