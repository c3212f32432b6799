import type { Caller } from "../auth/identity";
import { ChunkSignatureChain } from "../auth/streaming";
import { isAwsChunked } from "../http/aws-chunked";
import { incompleteBody } from "../http/body";
import { AwsChunkedDecoder } from "../http/aws-chunked-stream";
import { header, type SandboxRequest, type SandboxResponse } from "../http/exchange";
import type { World } from "../world/world";
import { aclHandlers } from "./acl";
import { bucketEncryptionHandlers } from "./bucket-encryption";
import { bucketPolicyHandlers } from "./bucket-policy";
import { bucketSettingHandlers } from "./bucket-settings";
import { bucketHandlers } from "./buckets";
import { copyObjectHandlers } from "./copy-object";
import { deleteObjectsHandlers } from "./delete-objects";
import type { S3Handler, S3Storage } from "./call";
import { bufferDigests, verifyDigests } from "./checksums";
import { notImplemented } from "./errors";
import { lifecycleHandlers } from "./lifecycle";
import { listingHandlers } from "./listing";
import { multipartHandlers } from "./multipart";
import { objectTaggingHandlers } from "./object-tagging";
import { objectHandlers } from "./objects";
import { ownershipControlsHandlers } from "./ownership-controls";
import { publicAccessBlockHandlers } from "./public-access-block";
import { replicationConfigHandlers } from "./replication-config";
import { withRequestCharged } from "./request-payer";
import { requestPaymentHandlers } from "./request-payment";
import type { S3Route } from "./router";

/** Every S3 operation the sandbox implements, by API name. */
const handlers: Record<string, S3Handler> = {
  ...bucketHandlers,
  ...bucketSettingHandlers,
  ...bucketPolicyHandlers,
  ...lifecycleHandlers,
  ...objectHandlers,
  ...copyObjectHandlers,
  ...deleteObjectsHandlers,
  ...listingHandlers,
  ...multipartHandlers,
  ...replicationConfigHandlers,
  ...objectTaggingHandlers,
  ...requestPaymentHandlers,
  ...bucketEncryptionHandlers,
  ...publicAccessBlockHandlers,
  ...ownershipControlsHandlers,
  ...aclHandlers,
};

/** The body as the client meant it: aws-chunked decoded, its signatures checked, as uploads are while they stream. */
const readPayload = async (request: SandboxRequest): Promise<{ body: Buffer; trailers: Record<string, string> }> => {
  if (!isAwsChunked(request)) return { body: request.body, trailers: {} };
  const decoder = new AwsChunkedDecoder(ChunkSignatureChain.of(request));
  const body = Buffer.concat(await decoder.push(request.body));
  const trailers = await decoder.finish();
  const declared = header(request, "x-amz-decoded-content-length");
  if (declared !== undefined && Number(declared) !== body.length) {
    throw incompleteBody();
  }
  return { body, trailers };
};

/** Operations whose body is an object's bytes: streamed to disk by the handler, never buffered. */
const UPLOADS = new Set(["PutObject", "UploadPart"]);

export const streamsBody = (operation: string): boolean => UPLOADS.has(operation);

export const implementedS3Operations = (): string[] => Object.keys(handlers).sort();

export const handleS3 = async (
  world: World,
  request: SandboxRequest,
  caller: Caller,
  route: S3Route,
  storage: S3Storage,
): Promise<SandboxResponse> => {
  const handler = handlers[route.operation];
  if (!handler) throw notImplemented(route.operation);
  const base = { world, caller, operation: route.operation, bucket: route.bucket ?? "", key: route.key ?? "", storage };
  // A request charged to another account says so (Requester Pays).
  const charged = (response: SandboxResponse) => withRequestCharged({ request, caller }, route.bucket ? world.bucket(route.bucket) : undefined, response);
  // An upload's body is checked as it streams in (see upload-body.ts).
  if (streamsBody(route.operation)) return charged(await handler({ ...base, request, checksums: {} }));
  const { body, trailers } = await readPayload(request);
  const decoded = body === request.body ? request : { ...request, body };
  // S3 checks every body against the digests sent with it, whatever the operation; on
  // CompleteMultipartUpload the x-amz-checksum-* headers are the whole object's, checked there.
  const checksums = verifyDigests(decoded, bufferDigests(body), trailers, route.operation !== "CompleteMultipartUpload");
  return charged(await handler({ ...base, request: decoded, checksums }));
};
