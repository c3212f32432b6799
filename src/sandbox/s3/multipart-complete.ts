import { createHash } from "node:crypto";
import { ServiceError } from "../errors";
import { header } from "../http/exchange";
import { child, children, isElement, malformedXml, parseXml, text } from "../http/xml";
import type { MultipartUpload, UploadedPart } from "../world/multipart-uploads";
import type { ChecksumAlgorithm } from "../world/versions";
import type { S3Call, S3Handler } from "./call";
import { entityTooLarge } from "../http/body";
import { ObjectBody } from "../world/body";
import { compositeChecksum, digestBody, type Digests } from "./checksums";
import { checksumElements } from "./copy-source";
import { invalidRequest } from "./errors";
import { MAX_OBJECT_BYTES, MIN_PART_BYTES, openUpload } from "./multipart-common";
import { versionHeader } from "./object-attributes";
import { checkCompletePreconditions } from "./preconditions";
import { xmlResponse } from "./respond";

const ALGORITHMS: readonly ChecksumAlgorithm[] = ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"];

interface ListedPart {
  partNumber: number;
  etag: string;
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/** The <Part> list of CompleteMultipartUpload, as sent; an empty list is MalformedXML. */
const readPartList = (call: S3Call): ListedPart[] => {
  const root = parseXml(call.request.body, "CompleteMultipartUpload", ["Part"]);
  const parts = children(root, "Part").filter(isElement);
  if (parts.length === 0) throw malformedXml();
  return parts.map((node) => {
    const number = text(child(node, "PartNumber")) ?? "";
    if (!/^\d+$/.test(number.trim())) throw malformedXml();
    const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const algorithm of ALGORITHMS) {
      const value = text(child(node, `Checksum${algorithm}`));
      if (value !== undefined) checksums[algorithm] = value.trim();
    }
    return { partNumber: Number(number), etag: (text(child(node, "ETag")) ?? "").trim(), checksums };
  });
};

const unquoted = (etag: string) => etag.replace(/^"|"$/g, "");

const invalidPart = (upload: MultipartUpload, listed: ListedPart) =>
  new ServiceError(
    "InvalidPart",
    400,
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not have matched the part's entity tag.",
    { UploadId: upload.uploadId, PartNumber: listed.partNumber, ETag: unquoted(listed.etag) },
  );

/**
 * The stored parts the list names, checked as S3 checks them: ascending part numbers, each part
 * uploaded with that ETag (and checksum), and every part but the last at least 5 MiB.
 */
const matchParts = (upload: MultipartUpload, listed: readonly ListedPart[]): UploadedPart[] => {
  listed.forEach((part, index) => {
    const previous = listed[index - 1];
    if (previous && part.partNumber <= previous.partNumber) {
      throw new ServiceError(
        "InvalidPartOrder",
        400,
        "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
        { UploadId: upload.uploadId },
      );
    }
  });
  const algorithm = upload.checksum?.algorithm;
  const matched = listed.map((entry) => {
    const stored = upload.parts.get(entry.partNumber);
    if (!stored || unquoted(stored.etag) !== unquoted(entry.etag)) throw invalidPart(upload, entry);
    for (const [name, value] of Object.entries(entry.checksums) as Array<[ChecksumAlgorithm, string]>) {
      if (stored.checksums[name] !== value) throw invalidPart(upload, entry);
    }
    if (algorithm && upload.checksum?.type === "COMPOSITE" && entry.checksums[algorithm] === undefined) {
      throw invalidRequest(
        `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${entry.partNumber} in the request.`,
      );
    }
    return stored;
  });
  matched.slice(0, -1).forEach((part) => {
    if (part.body.size < MIN_PART_BYTES) {
      throw new ServiceError("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size", {
        ProposedSize: part.body.size,
        MinSizeAllowed: MIN_PART_BYTES,
        PartNumber: part.partNumber,
        ETag: unquoted(part.etag),
      });
    }
  });
  return matched;
};

/** A multipart ETag: the MD5 of the parts' binary MD5s, then "-<number of parts>". */
const multipartEtag = (parts: readonly UploadedPart[]): string => {
  const md5s = Buffer.concat(parts.map((part) => Buffer.from(unquoted(part.etag), "hex")));
  return `"${createHash("md5").update(md5s).digest("hex")}-${parts.length}"`;
};

/**
 * The object's checksum: COMPOSITE from the part checksums, FULL_OBJECT over all the bytes. A
 * value the client sent on Complete (x-amz-checksum-*) must agree with it.
 */
const objectChecksums = (call: S3Call, upload: MultipartUpload, parts: readonly UploadedPart[], digests: Digests | undefined) => {
  if (!upload.checksum) return {};
  const { algorithm, type } = upload.checksum;
  const sent = header(call.request, `x-amz-checksum-${algorithm.toLowerCase()}`);
  const computed =
    type === "COMPOSITE"
      ? compositeChecksum(algorithm, parts.map((part) => part.checksums[algorithm] ?? ""))
      : digests?.result(algorithm);
  if (sent !== undefined && computed !== undefined && sent !== computed) {
    throw new ServiceError("BadDigest", 400, `The ${algorithm} you specified did not match the calculated checksum.`);
  }
  const value = computed ?? sent;
  return value === undefined ? {} : { [algorithm]: value };
};

/** The checks of Complete, and the object's bytes: its parts' bytes one after another, not copied. */
const prepareComplete = (call: S3Call) => {
  const { bucket, uploads, upload } = openUpload(call, "s3:PutObject");
  const parts = matchParts(upload, readPartList(call));
  const latest = bucket.objects.latest(call.key);
  checkCompletePreconditions(call.request, latest?.kind === "object" ? latest : undefined, call.key, upload.currentAtStart);
  const body = ObjectBody.concat(parts.map((part) => part.body));
  if (body.size > MAX_OBJECT_BYTES) throw entityTooLarge(body.size, MAX_OBJECT_BYTES);
  return { bucket, uploads, upload, parts, body };
};

const completeMultipartUpload: S3Handler = async (call) => {
  const { world, request } = call;
  let prepared = prepareComplete(call);
  let digests: Digests | undefined;
  const plan = prepared.upload.checksum;
  if (plan?.type === "FULL_OBJECT") {
    // A full-object checksum is over every byte: read them once, then check again that nothing moved meanwhile.
    const digested = prepared.parts;
    digests = await digestBody(prepared.body, [plan.algorithm]);
    prepared = prepareComplete(call);
    if (prepared.parts.some((part, index) => part !== digested[index])) {
      throw new ServiceError("InternalError", 500, "The upload's parts changed while they were read; try again.");
    }
  }
  const { bucket, uploads, upload, parts, body } = prepared;
  const checksums = objectChecksums(call, upload, parts, digests);
  const stored = bucket.objects.put(
    call.key,
    {
      body,
      etag: multipartEtag(parts),
      contentType: upload.contentType,
      contentHeaders: upload.contentHeaders,
      metadata: upload.metadata,
      tags: upload.tags,
      storageClass: upload.storageClass,
      checksums,
    },
    bucket.versioning,
    world.now(),
  );
  uploads.end(upload);
  world.objectWritten({ bucket, version: stored, cause: "CompleteMultipartUpload" });

  const host = header(request, "host") ?? "localhost";
  const encodedKey = call.key.split("/").map(encodeURIComponent).join("/");
  return xmlResponse(
    "CompleteMultipartUploadResult",
    {
      Location: `http://${host}/${bucket.name}/${encodedKey}`,
      Bucket: bucket.name,
      Key: call.key,
      ETag: stored.etag,
      ...checksumElements(checksums),
      ...(upload.checksum ? { ChecksumType: upload.checksum.type } : {}),
    },
    { "x-amz-server-side-encryption": "AES256", ...versionHeader(bucket, stored.versionId) },
  );
};

export const multipartCompleteHandlers: Record<string, S3Handler> = {
  CompleteMultipartUpload: completeMultipartUpload,
};
