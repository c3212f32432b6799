import { ServiceError } from "../errors";
import { header } from "../http/exchange";
import { objectArn } from "../world/bucket";
import { openBucket } from "./access";
import { checkRequestedAcl } from "./acl";
import { checkRequestedEncryption } from "./object-encryption";
import type { S3Call, S3Handler } from "./call";
import { compositeAlgorithms, digestBody, fullObjectChecksums } from "./checksums";
import { checksumElements, copySourceVersionHeader, parseCopySource, readCopySource, refuseLargeCopySource } from "./copy-source";
import { invalidArgument, invalidRequest } from "./errors";
import { checkKeyLength, readObjectAttributes, readStorageClass, readTags, versionHeader } from "./object-attributes";
import { checkReadPreconditions, checkWritePreconditions } from "./preconditions";
import { xmlResponse, xmlTime } from "./respond";

const directive = (call: S3Call, name: string): "COPY" | "REPLACE" => {
  const value = header(call.request, name) ?? "COPY";
  if (value !== "COPY" && value !== "REPLACE") throw invalidArgument(`Unknown ${name}`, name, value);
  return value;
};

const copyObject: S3Handler = async (call) => {
  const first = checkCopy(call);
  // A multipart source's ETag and composite checksums are not those of one piece: read it once to make them.
  const { original } = first;
  const digests = isMultipartEtag(original.etag) ? await digestBody(original.body, ["MD5", ...compositeAlgorithms(original.checksums)]) : undefined;
  // The world may have changed while the bytes were read: every check again, on the same source version.
  const plan = digests ? checkCopy(call) : first;
  if (plan.original !== original) throw new ServiceError("InternalError", 500, "The copy source changed while it was read; try again.");
  const { world } = call;
  const copy = plan.target.objects.put(
    call.key,
    {
      // The copy shares the source's bytes (immutable files), as a multipart object shares its parts'.
      body: original.body,
      etag: digests ? `"${Buffer.from(digests.result("MD5") ?? "", "base64").toString("hex")}"` : original.etag,
      ...plan.attributes,
      tags: plan.tags,
      storageClass: plan.storageClass,
      // A copy is written in one piece: a multipart source's composite checksum becomes a full-object one.
      checksums: digests ? fullObjectChecksums(original.checksums, digests) : { ...original.checksums },
    },
    plan.target.versioning,
    world.now(),
  );
  world.objectWritten({ bucket: plan.target, version: copy, cause: "CopyObject" });
  return xmlResponse(
    "CopyObjectResult",
    { ETag: copy.etag, LastModified: xmlTime(copy.lastModified), ...checksumElements(copy.checksums) },
    {
      "x-amz-server-side-encryption": "AES256",
      ...versionHeader(plan.target, copy.versionId),
      ...copySourceVersionHeader(call, plan.source, original),
    },
  );
};

const isMultipartEtag = (etag: string) => etag.includes("-");

/** Every check of a copy, and what the copy will be made of. */
const checkCopy = (call: S3Call) => {
  const { request } = call;
  checkKeyLength(call.key);
  const source = parseCopySource(call);
  const target = openBucket(call, "s3:PutObject", { resource: objectArn(call.bucket, call.key) });
  checkRequestedAcl(call, target);
  checkRequestedEncryption(request);
  const original = readCopySource(call, source);
  checkReadPreconditions(request, original, "x-amz-copy-source-");
  refuseLargeCopySource(original.body.size);
  // If-None-Match / If-Match judge the destination, as on PutObject (checked again at the commit).
  const destination = target.objects.latest(call.key);
  checkWritePreconditions(request, destination?.kind === "object" ? destination : undefined, call.key);

  const metadataDirective = directive(call, "x-amz-metadata-directive");
  const taggingDirective = directive(call, "x-amz-tagging-directive");
  const storageClass = readStorageClass(request);
  // Copying an earlier version onto its own key is how S3 restores it (RestoringPreviousVersions):
  // only the key's current version copied without changes is "itself".
  const sameObject =
    source.bucket === call.bucket &&
    source.key === call.key &&
    (source.versionId === undefined || source.versionId === target.objects.latest(call.key)?.versionId);
  if (sameObject && metadataDirective === "COPY" && storageClass === original.storageClass) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const attributes =
    metadataDirective === "REPLACE"
      ? readObjectAttributes(request)
      : { contentType: original.contentType, contentHeaders: original.contentHeaders, metadata: original.metadata };
  const tags = taggingDirective === "REPLACE" ? readTags(request) : original.tags;
  return { source, target, original, attributes, tags, storageClass };
};

export const copyObjectHandlers: Record<string, S3Handler> = { CopyObject: copyObject };
