import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import type { ObjectIdentity } from "../world/multipart-uploads";
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

/** A conditional-write header S3 does not take as sent: 501, naming the header (as AWS answers). */
const notImplemented = (headerName: string, additionalMessage: string) =>
  new ServiceError("NotImplemented", 501, "A header you provided implies functionality that is not implemented", {
    Header: headerName,
    additionalMessage,
  });

/** The 409 AWS answers when the key changed while a conditional multipart upload was open. */
const conditionalRequestConflict = (condition: string, key: string) =>
  new ServiceError("ConditionalRequestConflict", 409, "The conditional request cannot succeed due to a conflicting operation against this resource.", {
    Condition: condition,
    Key: key,
  });

/** If-None-Match takes only `*`, If-Match only an ETag (not `*`), and never both on one write. */
const readWriteConditions = (request: SandboxRequest) => {
  const ifNoneMatch = header(request, "if-none-match");
  const ifMatch = header(request, "if-match");
  if (ifNoneMatch !== undefined && ifMatch !== undefined) {
    throw notImplemented("If-Match,If-None-Match", "Multiple conditional request headers present in the request");
  }
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== "*") {
    throw notImplemented("If-None-Match", "We don't accept the provided value of If-None-Match header for this API");
  }
  if (ifMatch !== undefined && ifMatch.trim() === "*") {
    throw notImplemented("If-Match", "We don't accept the provided value of If-Match header for this API");
  }
  return { ifNoneMatch, ifMatch };
};

const sameEtag = (sent: string, etag: string) => sent.trim() === etag || `"${sent.trim()}"` === etag;

/**
 * Conditional writes (userguide/conditional-writes.html, and AWS's answers as recorded by
 * LocalStack's AWS-validated tests): If-None-Match: * creates only when the key has no current
 * object (a delete marker counts as none); If-Match needs the current object's ETag and answers
 * 404 NoSuchKey when there is none. Either fails with 412. PutObject checks again as it commits, so
 * of two racing writers the first to finish wins.
 */
export const checkWritePreconditions = (request: SandboxRequest, current: StoredObject | undefined, key: string): void => {
  const { ifNoneMatch, ifMatch } = readWriteConditions(request);
  if (ifNoneMatch !== undefined && current) throw preconditionFailed("If-None-Match");
  if (ifMatch !== undefined) {
    if (!current) throw new ServiceError("NoSuchKey", 404, "The specified key does not exist.", { Key: key });
    if (!sameEtag(ifMatch, current.etag)) throw preconditionFailed("If-Match");
  }
};

/**
 * CompleteMultipartUpload's conditions: those of PutObject, then 409 ConditionalRequestConflict
 * when the key changed after CreateMultipartUpload — If-None-Match on a key that had an object
 * then and has none now (deleted meanwhile), If-Match on a current object written after the
 * upload began, even with the same ETag. AWS's advice is to start the upload again (API
 * reference, CompleteMultipartUpload); retrying this one keeps failing.
 */
export const checkCompletePreconditions = (
  request: SandboxRequest,
  current: StoredObject | undefined,
  key: string,
  currentAtStart: ObjectIdentity | undefined,
): void => {
  checkWritePreconditions(request, current, key);
  const { ifNoneMatch, ifMatch } = readWriteConditions(request);
  if (ifNoneMatch !== undefined && currentAtStart) throw conditionalRequestConflict("If-None-Match", key);
  if (ifMatch !== undefined && current && !sameObject(current, currentAtStart)) throw conditionalRequestConflict("If-Match", key);
};

const sameObject = (current: StoredObject, atStart: ObjectIdentity | undefined): boolean =>
  atStart !== undefined &&
  current.versionId === atStart.versionId &&
  current.etag === atStart.etag &&
  current.lastModified.getTime() === atStart.lastModified.getTime();
