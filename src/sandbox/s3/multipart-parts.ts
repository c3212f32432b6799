import { header } from "../http/exchange";
import type { ChecksumAlgorithm } from "../world/versions";
import type { S3Call, S3Handler } from "./call";
import { ServiceError } from "../errors";
import type { ObjectBody } from "../world/body";
import { digestBody, type Digests } from "./checksums";
import { receiveUpload } from "./upload-body";
import { checksumElements, copySourceVersionHeader, parseCopySource, readCopySource, refuseLargeCopySource } from "./copy-source";
import { invalidArgument, invalidRequest } from "./errors";
import { openUpload, partChecksums, readPartNumber, type OpenedUpload } from "./multipart-common";
import { checkReadPreconditions } from "./preconditions";
import { emptyResponse, xmlResponse, xmlTime } from "./respond";

const SSE = { "x-amz-server-side-encryption": "AES256" };

/** Stores one part (replacing an earlier upload of that number) and returns what it was stored as. */
const storePart = (
  call: S3Call,
  { uploads, upload }: OpenedUpload,
  partNumber: number,
  body: ObjectBody,
  digests: Digests,
  sent: Partial<Record<ChecksumAlgorithm, string>>,
) => {
  const part = {
    partNumber,
    body,
    etag: `"${Buffer.from(digests.result("MD5") ?? "", "base64").toString("hex")}"`,
    lastModified: call.world.now(),
    checksums: partChecksums(upload, sent, (name) => digests.result(name)),
  };
  uploads.putPart(upload, part);
  return part;
};

const uploadPart: S3Handler = async (call) => {
  const partNumber = readPartNumber(call);
  const { upload } = openUpload(call, "s3:PutObject");
  const received = await receiveUpload(call, upload.checksum ? [upload.checksum.algorithm] : []);
  // The upload may have been completed or aborted while the part arrived.
  const part = received.commit(() =>
    storePart(call, openUpload(call, "s3:PutObject"), partNumber, received.body, received.digests, received.checksums),
  );
  const checksumValues = Object.fromEntries(
    Object.entries(part.checksums).map(([name, value]) => [`x-amz-checksum-${name.toLowerCase()}`, value]),
  );
  return emptyResponse(200, { etag: part.etag, ...SSE, ...checksumValues });
};

const RANGE_FORMAT =
  "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy";

/** x-amz-copy-source-range: exactly "bytes=first-last", inside the source object. */
const readCopyRange = (value: string | undefined, size: number): { start: number; end: number } | undefined => {
  if (value === undefined) return undefined;
  const match = /^bytes=(\d+)-(\d+)$/.exec(value.trim());
  if (!match) throw invalidArgument(RANGE_FORMAT, "x-amz-copy-source-range", value);
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (start > end || end >= size) throw invalidRequest("The specified copy range is invalid for the source object size");
  return { start, end };
};

/**
 * A part copied from an existing object, whole or a byte range of it (how large objects are
 * copied). The part shares the source's bytes; they are read once, for its ETag and checksum.
 */
const uploadPartCopy: S3Handler = async (call) => {
  const { source, original, body } = checkPartCopy(call);
  const { upload } = openUpload(call, "s3:PutObject");
  const digests = await digestBody(body, ["MD5", ...(upload.checksum ? [upload.checksum.algorithm] : [])]);
  // The world may have changed while the bytes were read: the checks again, on the same source version.
  const again = checkPartCopy(call);
  if (again.original !== original) throw new ServiceError("InternalError", 500, "The copy source changed while it was read; try again.");
  const part = storePart(call, again.opened, again.partNumber, body, digests, {});
  return xmlResponse(
    "CopyPartResult",
    { ETag: part.etag, LastModified: xmlTime(part.lastModified), ...checksumElements(part.checksums) },
    { ...SSE, ...copySourceVersionHeader(call, source, original) },
  );
};

const checkPartCopy = (call: S3Call) => {
  const partNumber = readPartNumber(call);
  const source = parseCopySource(call);
  // The upload must exist before the source is read: a wrong upload id is NoSuchUpload, whatever the source.
  const opened = openUpload(call, "s3:PutObject");
  const original = readCopySource(call, source);
  checkReadPreconditions(call.request, original, "x-amz-copy-source-");
  const range = readCopyRange(header(call.request, "x-amz-copy-source-range"), original.body.size);
  const size = range ? range.end + 1 - range.start : original.body.size;
  refuseLargeCopySource(size);
  const body = range ? original.body.slice(range.start, range.end + 1) : original.body;
  return { partNumber, source, opened, original, body };
};

export const multipartPartHandlers: Record<string, S3Handler> = {
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
};
