import { ServiceError } from "../errors";
import { hasQuery, header, type SandboxRequest } from "../http/exchange";

/** What a path-style S3 request addresses and which API operation it is. */
export interface S3Route {
  operation: string;
  bucket?: string;
  key?: string;
}

type MethodTable = Partial<Record<string, string>>;

/**
 * Sub-resources in the order they are looked for in the query string. Listing operations the
 * sandbox does not implement still names them, so the client hears exactly what is missing.
 */
const BUCKET_SUBRESOURCES: ReadonlyArray<readonly [string, MethodTable]> = [
  ["versioning", { PUT: "PutBucketVersioning", GET: "GetBucketVersioning" }],
  ["tagging", { PUT: "PutBucketTagging", GET: "GetBucketTagging", DELETE: "DeleteBucketTagging" }],
  ["policyStatus", { GET: "GetBucketPolicyStatus" }],
  ["policy", { PUT: "PutBucketPolicy", GET: "GetBucketPolicy", DELETE: "DeleteBucketPolicy" }],
  ["lifecycle", { PUT: "PutBucketLifecycleConfiguration", GET: "GetBucketLifecycleConfiguration", DELETE: "DeleteBucketLifecycle" }],
  ["location", { GET: "GetBucketLocation" }],
  ["versions", { GET: "ListObjectVersions" }],
  ["delete", { POST: "DeleteObjects" }],
  ["replication", { PUT: "PutBucketReplication", GET: "GetBucketReplication", DELETE: "DeleteBucketReplication" }],
  ["uploads", { GET: "ListMultipartUploads" }],
  ["acl", { PUT: "PutBucketAcl", GET: "GetBucketAcl" }],
  ["cors", { PUT: "PutBucketCors", GET: "GetBucketCors", DELETE: "DeleteBucketCors" }],
  ["website", { PUT: "PutBucketWebsite", GET: "GetBucketWebsite", DELETE: "DeleteBucketWebsite" }],
  ["encryption", { PUT: "PutBucketEncryption", GET: "GetBucketEncryption", DELETE: "DeleteBucketEncryption" }],
  ["logging", { PUT: "PutBucketLogging", GET: "GetBucketLogging" }],
  ["notification", { PUT: "PutBucketNotificationConfiguration", GET: "GetBucketNotificationConfiguration" }],
  ["ownershipControls", { PUT: "PutBucketOwnershipControls", GET: "GetBucketOwnershipControls", DELETE: "DeleteBucketOwnershipControls" }],
  ["publicAccessBlock", { PUT: "PutPublicAccessBlock", GET: "GetPublicAccessBlock", DELETE: "DeletePublicAccessBlock" }],
  ["accelerate", { PUT: "PutBucketAccelerateConfiguration", GET: "GetBucketAccelerateConfiguration" }],
  ["requestPayment", { PUT: "PutBucketRequestPayment", GET: "GetBucketRequestPayment" }],
  ["object-lock", { PUT: "PutObjectLockConfiguration", GET: "GetObjectLockConfiguration" }],
  ["analytics", { PUT: "PutBucketAnalyticsConfiguration", GET: "GetBucketAnalyticsConfiguration", DELETE: "DeleteBucketAnalyticsConfiguration" }],
  ["metrics", { PUT: "PutBucketMetricsConfiguration", GET: "GetBucketMetricsConfiguration", DELETE: "DeleteBucketMetricsConfiguration" }],
  ["inventory", { PUT: "PutBucketInventoryConfiguration", GET: "GetBucketInventoryConfiguration", DELETE: "DeleteBucketInventoryConfiguration" }],
  ["intelligent-tiering", { PUT: "PutBucketIntelligentTieringConfiguration", GET: "GetBucketIntelligentTieringConfiguration", DELETE: "DeleteBucketIntelligentTieringConfiguration" }],
  ["metadataTable", { POST: "CreateBucketMetadataTableConfiguration", GET: "GetBucketMetadataTableConfiguration", DELETE: "DeleteBucketMetadataTableConfiguration" }],
];

const OBJECT_SUBRESOURCES: ReadonlyArray<readonly [string, MethodTable]> = [
  ["uploads", { POST: "CreateMultipartUpload" }],
  ["uploadId", { POST: "CompleteMultipartUpload", GET: "ListParts", DELETE: "AbortMultipartUpload", PUT: "UploadPart" }],
  ["tagging", { PUT: "PutObjectTagging", GET: "GetObjectTagging", DELETE: "DeleteObjectTagging" }],
  ["acl", { PUT: "PutObjectAcl", GET: "GetObjectAcl" }],
  ["retention", { PUT: "PutObjectRetention", GET: "GetObjectRetention" }],
  ["legal-hold", { PUT: "PutObjectLegalHold", GET: "GetObjectLegalHold" }],
  ["restore", { POST: "RestoreObject" }],
  ["select", { POST: "SelectObjectContent" }],
  ["attributes", { GET: "GetObjectAttributes" }],
  ["torrent", { GET: "GetObjectTorrent" }],
];

const BUCKET_PLAIN: MethodTable = { PUT: "CreateBucket", HEAD: "HeadBucket", DELETE: "DeleteBucket", GET: "ListObjects" };
const OBJECT_PLAIN: MethodTable = { PUT: "PutObject", GET: "GetObject", HEAD: "HeadObject", DELETE: "DeleteObject" };

const methodNotAllowed = (method: string, resourceType: string) =>
  new ServiceError("MethodNotAllowed", 405, "The specified method is not allowed against this resource.", {
    Method: method,
    ResourceType: resourceType,
  });

const pick = (
  request: SandboxRequest,
  subresources: ReadonlyArray<readonly [string, MethodTable]>,
  plain: MethodTable,
  resourceType: string,
): string => {
  const found = subresources.find(([name]) => hasQuery(request, name));
  const table = found ? found[1] : plain;
  const operation = table[request.method];
  if (!operation) throw methodNotAllowed(request.method, resourceType);
  return operation;
};

export const routeS3 = (request: SandboxRequest): S3Route => {
  const path = request.path.slice(1);
  if (path === "") {
    if (request.method !== "GET") throw methodNotAllowed(request.method, "SERVICE");
    return { operation: "ListBuckets" };
  }
  const slash = path.indexOf("/");
  const bucket = slash === -1 ? path : path.slice(0, slash);
  const key = slash === -1 ? "" : path.slice(slash + 1);

  if (key === "") {
    let operation = pick(request, BUCKET_SUBRESOURCES, BUCKET_PLAIN, "BUCKET");
    if (operation === "ListObjects" && request.query.some(([name, value]) => name === "list-type" && value === "2")) {
      operation = "ListObjectsV2";
    }
    return { operation, bucket };
  }
  let operation = pick(request, OBJECT_SUBRESOURCES, OBJECT_PLAIN, "OBJECT");
  const copies = header(request, "x-amz-copy-source") !== undefined;
  if (operation === "PutObject" && copies) operation = "CopyObject";
  if (operation === "UploadPart" && copies) operation = "UploadPartCopy";
  return { operation, bucket, key };
};
