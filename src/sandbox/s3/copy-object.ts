import { header } from "../http/exchange";
import { objectArn } from "../world/bucket";
import { openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { fullObjectChecksums, md5Hex } from "./checksums";
import { checksumElements, copySourceVersionHeader, parseCopySource, readCopySource } from "./copy-source";
import { invalidArgument, invalidRequest } from "./errors";
import { checkKeyLength, readObjectAttributes, readStorageClass, readTags, versionHeader } from "./object-attributes";
import { checkReadPreconditions } from "./preconditions";
import { xmlResponse, xmlTime } from "./respond";

const directive = (call: S3Call, name: string): "COPY" | "REPLACE" => {
  const value = header(call.request, name) ?? "COPY";
  if (value !== "COPY" && value !== "REPLACE") throw invalidArgument(`Unknown ${name}`, name, value);
  return value;
};

const copyObject: S3Handler = (call) => {
  const { request, world } = call;
  checkKeyLength(call.key);
  const source = parseCopySource(call);
  const target = openBucket(call, "s3:PutObject", { resource: objectArn(call.bucket, call.key) });
  const original = readCopySource(call, source);
  checkReadPreconditions(request, original, "x-amz-copy-source-");

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

  const copy = target.objects.put(
    call.key,
    {
      body: original.body,
      etag: `"${md5Hex(original.body)}"`,
      ...attributes,
      tags,
      storageClass,
      // A copy is written in one piece: a multipart source's composite checksum becomes a full-object one.
      checksums: fullObjectChecksums(original.checksums, original.body),
    },
    target.versioning,
    world.now(),
  );
  world.objectWritten({ bucket: target, version: copy, cause: "CopyObject" });

  return xmlResponse(
    "CopyObjectResult",
    { ETag: copy.etag, LastModified: xmlTime(copy.lastModified), ...checksumElements(copy.checksums) },
    {
      "x-amz-server-side-encryption": "AES256",
      ...versionHeader(target, copy.versionId),
      ...copySourceVersionHeader(call, source, original),
    },
  );
};

export const copyObjectHandlers: Record<string, S3Handler> = { CopyObject: copyObject };
