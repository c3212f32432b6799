import { ServiceError } from "../errors";

/** S3 errors with the codes, statuses and messages AWS sends. */

export const noSuchBucket = (bucket: string) =>
  new ServiceError("NoSuchBucket", 404, "The specified bucket does not exist", { BucketName: bucket });

export const noSuchKey = (key: string, headers: Record<string, string> = {}) =>
  new ServiceError("NoSuchKey", 404, "The specified key does not exist.", { Key: key }, headers);

export const noSuchVersion = (key: string, versionId: string) =>
  new ServiceError("NoSuchVersion", 404, "The specified version does not exist.", { Key: key, VersionId: versionId });

export const invalidBucketName = (bucket: string) =>
  new ServiceError("InvalidBucketName", 400, "The specified bucket is not valid.", { BucketName: bucket });

export const accessDenied = (message = "Access Denied", headers: Record<string, string> = {}) =>
  new ServiceError("AccessDenied", 403, message, {}, headers);

export const invalidArgument = (message: string, name?: string, value?: string) =>
  new ServiceError(
    "InvalidArgument",
    400,
    message,
    name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? "" },
  );

/** GetObject of an archived object (Glacier Flexible Retrieval, Deep Archive) before a restore. */
export const invalidObjectState = (storageClass: string) =>
  new ServiceError("InvalidObjectState", 403, "The operation is not valid for the object's storage class", {
    StorageClass: storageClass,
  });

export const invalidRequest = (message: string) => new ServiceError("InvalidRequest", 400, message);

export const methodNotAllowedOnDeleteMarker = (headers: Record<string, string>) =>
  new ServiceError(
    "MethodNotAllowed",
    405,
    "The specified method is not allowed against this resource.",
    { Method: "GET", ResourceType: "DeleteMarker" },
    headers,
  );

export const notImplemented = (operation: string) =>
  new ServiceError(
    "NotImplemented",
    501,
    `The sandbox does not implement ${operation}. Use LocalStack or a real AWS account for it.`,
    { Operation: operation },
  );

/** A LocationConstraint ("" for us-east-1, reported as "unspecified") that does not fit the endpoint the request reached. */
export const illegalLocationConstraint = (constraint: string | undefined, headers?: Record<string, string>) =>
  new ServiceError(
    "IllegalLocationConstraintException",
    400,
    `The ${constraint || "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    {},
    headers,
  );

export const permanentRedirect = (bucket: string, region: string) =>
  new ServiceError(
    "PermanentRedirect",
    301,
    "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
    { Endpoint: `s3.${region}.amazonaws.com`, Bucket: bucket },
    { "x-amz-bucket-region": region },
  );
