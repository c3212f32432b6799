import { ServiceError } from "../errors";
import { queryValue } from "../http/exchange";
import { objectArn, type Bucket } from "../world/bucket";
import { uploadsOf, type MultipartUpload, type MultipartUploads } from "../world/multipart-uploads";
import type { ChecksumAlgorithm } from "../world/versions";
import { openBucket } from "./access";
import type { S3Call } from "./call";
import { invalidArgument, invalidRequest } from "./errors";

/** What every multipart request carries or S3 answers on each. */

export const MAX_PARTS = 10_000;
/** Every part but the last must be at least 5 MiB. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** A part, like a single PUT, is at most 5 GiB. */
export const MAX_PART_BYTES = 5 * 1024 ** 3;
/**
 * The largest object a multipart upload can make: 48.8 TiB, 10,000 parts of 5 GiB (it was 5 TiB
 * for many years; https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).
 */
export const MAX_OBJECT_BYTES = MAX_PARTS * MAX_PART_BYTES;

export const noSuchUpload = (uploadId: string) =>
  new ServiceError(
    "NoSuchUpload",
    404,
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    { UploadId: uploadId },
  );

export interface OpenedUpload {
  bucket: Bucket;
  uploads: MultipartUploads;
  upload: MultipartUpload;
}

/** The bucket (checked like any object request) and the upload named by ?uploadId for this key. */
export const openUpload = (call: S3Call, action: string): OpenedUpload => {
  const bucket = openBucket(call, action, { resource: objectArn(call.bucket, call.key) });
  const uploadId = queryValue(call.request, "uploadId") ?? "";
  const uploads = uploadsOf(bucket);
  const upload = uploads.find(call.key, uploadId);
  if (!upload) throw noSuchUpload(uploadId);
  return { bucket, uploads, upload };
};

/** ?partNumber: an integer from 1 to 10,000. */
export const readPartNumber = (call: S3Call): number => {
  const raw = queryValue(call.request, "partNumber");
  const partNumber = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || partNumber < 1 || partNumber > MAX_PARTS) {
    throw invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", raw ?? "");
  }
  return partNumber;
};

/**
 * The checksums a part keeps: those the client sent (already verified). An upload created with
 * an algorithm takes only that one; S3 computes it when the client did not send it.
 */
export const partChecksums = (
  upload: MultipartUpload,
  sent: Partial<Record<ChecksumAlgorithm, string>>,
  computed: (algorithm: ChecksumAlgorithm) => string | undefined,
): Partial<Record<ChecksumAlgorithm, string>> => {
  const wanted = upload.checksum?.algorithm;
  if (!wanted) return sent;
  const other = (Object.keys(sent) as ChecksumAlgorithm[]).find((algorithm) => algorithm !== wanted);
  if (other) {
    throw invalidRequest(
      `Checksum Type mismatch occurred, expected checksum Type: ${wanted.toLowerCase()}, actual checksum Type: ${other.toLowerCase()}`,
    );
  }
  const value = sent[wanted] ?? computed(wanted);
  return value === undefined ? {} : { [wanted]: value };
};

/** x-amz-checksum-algorithm and x-amz-checksum-type, on the responses that describe an upload. */
export const uploadChecksumHeaders = (upload: MultipartUpload): Record<string, string> =>
  upload.checksum ? { "x-amz-checksum-algorithm": upload.checksum.algorithm, "x-amz-checksum-type": upload.checksum.type } : {};
