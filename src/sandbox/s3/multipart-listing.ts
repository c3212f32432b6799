import { queryValue, type SandboxRequest } from "../http/exchange";
import { uploadsOf, type MultipartUpload } from "../world/multipart-uploads";
import { openBucket } from "./access";
import type { S3Handler } from "./call";
import { checksumElements } from "./copy-source";
import { invalidArgument } from "./errors";
import { encoder, paginate } from "./listing";
import { openUpload } from "./multipart-common";
import { canonicalUserId, xmlResponse, xmlTime } from "./respond";

const PAGE_LIMIT = 1000;

/** A non-negative integer query parameter (max-parts, part-number-marker, max-uploads). */
const integerParameter = (request: SandboxRequest, name: string, fallback: number): number => {
  const raw = queryValue(request, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 2 ** 31 - 1) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, raw);
  }
  return value;
};

const people = (upload: MultipartUpload, bucketOwner: string) => ({
  Initiator: { ID: canonicalUserId(upload.initiator) },
  Owner: { ID: canonicalUserId(bucketOwner) },
});

const listParts: S3Handler = (call) => {
  const { request } = call;
  const { bucket, upload } = openUpload(call, "s3:ListMultipartUploadParts");
  const maxParts = Math.min(integerParameter(request, "max-parts", PAGE_LIMIT), PAGE_LIMIT);
  const marker = integerParameter(request, "part-number-marker", 0);
  const after = [...upload.parts.values()]
    .filter((part) => part.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = after.slice(0, maxParts);
  const last = page[page.length - 1];
  return xmlResponse("ListPartsResult", {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: last?.partNumber ?? 0,
    MaxParts: maxParts,
    IsTruncated: after.length > page.length,
    Part: page.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: xmlTime(part.lastModified),
      ETag: part.etag,
      Size: part.body.size,
      ...checksumElements(part.checksums),
    })),
    ...people(upload, bucket.owner),
    StorageClass: upload.storageClass,
    ChecksumAlgorithm: upload.checksum?.algorithm,
    ChecksumType: upload.checksum?.type,
  });
};

const listMultipartUploads: S3Handler = (call) => {
  const { request } = call;
  const bucket = openBucket(call, "s3:ListBucketMultipartUploads");
  const encoding = queryValue(request, "encoding-type");
  if (encoding !== undefined && encoding !== "url") {
    throw invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
  }
  const delimiter = queryValue(request, "delimiter") || undefined;
  const params = {
    prefix: queryValue(request, "prefix") ?? "",
    ...(delimiter ? { delimiter } : {}),
    maxKeys: Math.min(integerParameter(request, "max-uploads", PAGE_LIMIT), PAGE_LIMIT),
    urlEncode: encoding === "url",
  };
  const keyMarker = queryValue(request, "key-marker");
  const uploadIdMarker = queryValue(request, "upload-id-marker");
  const uploads = uploadsOf(bucket);
  const index = { keysInOrder: uploads.keysInOrder.bind(uploads), itemsOf: uploads.uploadsOf.bind(uploads) };
  const page = paginate(index, params, {
    marker: keyMarker,
    // After an upload-id marker: the marker key's later uploads, none if the marker upload is gone.
    ...(uploadIdMarker
      ? { resumeWithin: (forKey: readonly MultipartUpload[]) => forKey.findIndex((u) => u.uploadId === uploadIdMarker) + 1 || forKey.length }
      : {}),
  });
  const encode = encoder(params);
  return xmlResponse("ListMultipartUploadsResult", {
    Bucket: bucket.name,
    KeyMarker: encode(keyMarker ?? ""),
    UploadIdMarker: uploadIdMarker ?? "",
    NextKeyMarker: page.truncated ? encode(page.lastKey) : undefined,
    NextUploadIdMarker: page.truncated && page.lastItem && page.lastItem.key === page.lastKey ? page.lastItem.uploadId : undefined,
    Delimiter: encode(delimiter),
    Prefix: encode(params.prefix),
    MaxUploads: params.maxKeys,
    EncodingType: params.urlEncode ? "url" : undefined,
    IsTruncated: page.truncated,
    Upload: page.items.map((upload) => ({
      Key: encode(upload.key),
      UploadId: upload.uploadId,
      ...people(upload, bucket.owner),
      StorageClass: upload.storageClass,
      Initiated: xmlTime(upload.initiated),
      ChecksumAlgorithm: upload.checksum?.algorithm,
      ChecksumType: upload.checksum?.type,
    })),
    CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
};

export const multipartListingHandlers: Record<string, S3Handler> = {
  ListParts: listParts,
  ListMultipartUploads: listMultipartUploads,
};
