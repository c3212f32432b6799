/**
 * A failure the sandbox reports to the client the way AWS would: an error code, an HTTP
 * status, a message and the extra elements AWS puts in the error body.
 * Each protocol (S3 REST, IAM/STS query) serialises it in its own envelope.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra elements of the error body, in order (BucketName, Key, Region, ...). */
    readonly details: Record<string, string | number> = {},
    /** Response headers AWS adds to this error (x-amz-bucket-region, x-amz-delete-marker, ...). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const isServiceError = (error: unknown): error is ServiceError => error instanceof ServiceError;
