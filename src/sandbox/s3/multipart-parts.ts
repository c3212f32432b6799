import { header } from "../http/exchange";
import type { ChecksumAlgorithm } from "../world/versions";
import type { S3Call, S3Handler } from "./call";
import { md5Hex } from "./checksums";
import { checksumElements, copySourceVersionHeader, parseCopySource, readCopySource } from "./copy-source";
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
  body: Buffer,
  sent: Partial<Record<ChecksumAlgorithm, string>>,
) => {
  const part = {
    partNumber,
    body,
    etag: `"${md5Hex(body)}"`,
    lastModified: call.world.now(),
    checksums: partChecksums(upload, sent, body),
  };
  uploads.putPart(upload, part);
  return part;
};

const uploadPart: S3Handler = (call) => {
  const partNumber = readPartNumber(call);
  const part = storePart(call, openUpload(call, "s3:PutObject"), partNumber, call.request.body, call.checksums);
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

/** A part copied from an existing object, whole or a byte range of it (how large objects are copied). */
const uploadPartCopy: S3Handler = (call) => {
  const partNumber = readPartNumber(call);
  const source = parseCopySource(call);
  // The upload must exist before the source is read: a wrong upload id is NoSuchUpload, whatever the source.
  const opened = openUpload(call, "s3:PutObject");
  const original = readCopySource(call, source);
  checkReadPreconditions(call.request, original, "x-amz-copy-source-");
  const range = readCopyRange(header(call.request, "x-amz-copy-source-range"), original.body.length);
  const body = range ? Buffer.from(original.body.subarray(range.start, range.end + 1)) : original.body;
  const part = storePart(call, opened, partNumber, body, {});
  return xmlResponse(
    "CopyPartResult",
    { ETag: part.etag, LastModified: xmlTime(part.lastModified), ...checksumElements(part.checksums) },
    { ...SSE, ...copySourceVersionHeader(call, source, original) },
  );
};

export const multipartPartHandlers: Record<string, S3Handler> = {
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
};
