import { header } from "../http/exchange";
import { objectArn } from "../world/bucket";
import { uploadsOf, type ChecksumType, type UploadPlan } from "../world/multipart-uploads";
import type { ChecksumAlgorithm } from "../world/versions";
import { openBucket } from "./access";
import { checkRequestedAcl } from "./acl";
import { checkRequestedEncryption } from "./object-encryption";
import type { S3Call, S3Handler } from "./call";
import { checksumAlgorithmNamed } from "./checksums";
import { invalidRequest } from "./errors";
import { multipartCompleteHandlers } from "./multipart-complete";
import { openUpload, uploadChecksumHeaders } from "./multipart-common";
import { multipartListingHandlers } from "./multipart-listing";
import { multipartPartHandlers } from "./multipart-parts";
import { checkKeyLength, readObjectAttributes, readStorageClass, readTags } from "./object-attributes";
import { emptyResponse, xmlResponse } from "./respond";

/**
 * x-amz-checksum-algorithm and x-amz-checksum-type: how the object's checksum will be made from
 * its parts. SHA-1/SHA-256 can only be COMPOSITE, CRC64NVME only FULL_OBJECT; CRC32/CRC32C either,
 * COMPOSITE unless asked.
 */
const readChecksumPlan = (call: S3Call): UploadPlan["checksum"] => {
  const algorithmHeader = header(call.request, "x-amz-checksum-algorithm");
  const typeHeader = header(call.request, "x-amz-checksum-type")?.toUpperCase();
  if (algorithmHeader === undefined) {
    if (typeHeader !== undefined) {
      throw invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
    }
    return undefined;
  }
  const algorithm = checksumAlgorithmNamed(algorithmHeader);
  if (typeHeader !== undefined && typeHeader !== "COMPOSITE" && typeHeader !== "FULL_OBJECT") {
    throw invalidRequest(`Value for x-amz-checksum-type header is invalid.`);
  }
  const type: ChecksumType = (typeHeader as ChecksumType | undefined) ?? (algorithm === "CRC64NVME" ? "FULL_OBJECT" : "COMPOSITE");
  const allowed: Record<ChecksumType, ChecksumAlgorithm[]> = {
    COMPOSITE: ["CRC32", "CRC32C", "SHA1", "SHA256"],
    FULL_OBJECT: ["CRC32", "CRC32C", "CRC64NVME"],
  };
  if (!allowed[type].includes(algorithm)) {
    throw invalidRequest(`The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  return { algorithm, type };
};

/** The object's metadata, tags and storage class are fixed now; CompleteMultipartUpload applies them. */
const createMultipartUpload: S3Handler = (call) => {
  const { request } = call;
  checkKeyLength(call.key);
  const bucket = openBucket(call, "s3:PutObject", { resource: objectArn(call.bucket, call.key) });
  checkRequestedAcl(call, bucket);
  checkRequestedEncryption(request);
  const checksum = readChecksumPlan(call);
  const current = bucket.objects.latest(call.key);
  const upload = uploadsOf(bucket).start(
    {
      key: call.key,
      initiator: call.caller.account,
      ...readObjectAttributes(request),
      tags: readTags(request),
      storageClass: readStorageClass(request),
      ...(checksum ? { checksum } : {}),
      ...(current?.kind === "object"
        ? { currentAtStart: { versionId: current.versionId, etag: current.etag, lastModified: current.lastModified } }
        : {}),
    },
    call.world.now(),
  );
  return xmlResponse(
    "InitiateMultipartUploadResult",
    { Bucket: bucket.name, Key: upload.key, UploadId: upload.uploadId },
    { "x-amz-server-side-encryption": "AES256", ...uploadChecksumHeaders(upload) },
  );
};

/** The upload and its parts are gone; a later UploadPart or Complete answers NoSuchUpload. */
const abortMultipartUpload: S3Handler = (call) => {
  const { uploads, upload } = openUpload(call, "s3:AbortMultipartUpload");
  uploads.end(upload);
  return emptyResponse(204);
};

export const multipartHandlers: Record<string, S3Handler> = {
  CreateMultipartUpload: createMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ...multipartPartHandlers,
  ...multipartCompleteHandlers,
  ...multipartListingHandlers,
};
