import { header } from "../http/exchange";
import { decodeComponent } from "../http/target";
import { objectArn } from "../world/bucket";
import type { StoredObject } from "../world/versions";
import { authorize, openBucket } from "./access";
import type { S3Call, S3Handler } from "./call";
import { checksumHeaders, md5Hex } from "./checksums";
import { invalidArgument, invalidRequest, noSuchBucket, noSuchKey, noSuchVersion } from "./errors";
import { checkKeyLength, readObjectAttributes, readStorageClass, readTags, versionHeader } from "./object-attributes";
import { checkReadPreconditions } from "./preconditions";
import { xmlResponse, xmlTime } from "./respond";

interface CopySource {
  bucket: string;
  key: string;
  versionId?: string;
}

/** x-amz-copy-source: "[/]bucket/key[?versionId=id]", URL-encoded. */
const parseCopySource = (value: string): CopySource => {
  const [path = "", query = ""] = value.split("?", 2);
  const decoded = decodeComponent(path.startsWith("/") ? path.slice(1) : path);
  const slash = decoded.indexOf("/");
  if (slash <= 0 || slash === decoded.length - 1) {
    throw invalidArgument("Invalid copy source object key", "x-amz-copy-source", value);
  }
  const versionId = new URLSearchParams(query).get("versionId") ?? undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), ...(versionId ? { versionId } : {}) };
};

/** The source version, read with the caller's rights on the source bucket (which may be in any region). */
const readSource = (call: S3Call, source: CopySource): StoredObject => {
  const bucket = call.world.bucket(source.bucket);
  if (!bucket) throw noSuchBucket(source.bucket);
  authorize(call, bucket, source.versionId ? "s3:GetObjectVersion" : "s3:GetObject", {
    resource: objectArn(source.bucket, source.key),
  });
  const version = source.versionId
    ? bucket.objects.version(source.key, source.versionId)
    : bucket.objects.latest(source.key);
  if (!version) throw source.versionId ? noSuchVersion(source.key, source.versionId) : noSuchKey(source.key);
  if (version.kind === "deleteMarker") {
    if (source.versionId) {
      throw invalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
    }
    throw noSuchKey(source.key);
  }
  return version;
};

const directive = (call: S3Call, name: string): "COPY" | "REPLACE" => {
  const value = header(call.request, name) ?? "COPY";
  if (value !== "COPY" && value !== "REPLACE") throw invalidArgument(`Unknown ${name}`, name, value);
  return value;
};

const copyObject: S3Handler = (call) => {
  const { request, world } = call;
  checkKeyLength(call.key);
  const source = parseCopySource(header(request, "x-amz-copy-source") ?? "");
  const target = openBucket(call, "s3:PutObject", { resource: objectArn(call.bucket, call.key) });
  const original = readSource(call, source);
  checkReadPreconditions(request, original, "x-amz-copy-source-");

  const metadataDirective = directive(call, "x-amz-metadata-directive");
  const taggingDirective = directive(call, "x-amz-tagging-directive");
  const storageClass = readStorageClass(request);
  const sameObject = source.bucket === call.bucket && source.key === call.key;
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
      checksums: original.checksums,
    },
    target.versioning,
    world.now(),
  );
  world.objectWritten({ bucket: target, version: copy, cause: "CopyObject" });

  const sourceVersioned = world.bucket(source.bucket)?.versioning !== "Unversioned";
  return xmlResponse(
    "CopyObjectResult",
    { ETag: copy.etag, LastModified: xmlTime(copy.lastModified), ...checksumElements(copy) },
    {
      "x-amz-server-side-encryption": "AES256",
      ...versionHeader(target, copy.versionId),
      ...(sourceVersioned ? { "x-amz-copy-source-version-id": original.versionId } : {}),
    },
  );
};

const checksumElements = (object: StoredObject): Record<string, string> => {
  const elements: Record<string, string> = {};
  for (const [name, value] of Object.entries(checksumHeaders(object.checksums))) {
    if (name === "x-amz-checksum-type") continue;
    elements[`Checksum${name.slice("x-amz-checksum-".length).toUpperCase()}`] = value;
  }
  return elements;
};

export const copyObjectHandlers: Record<string, S3Handler> = { CopyObject: copyObject };
