import { createHmac, timingSafeEqual } from "node:crypto";
import { ServiceError } from "../errors";
import { header, queryValue, type SandboxRequest } from "../http/exchange";
import { accessKeyFor, type Caller } from "./identity";

/**
 * S3's legacy query-string authentication, Signature Version 2: `?AWSAccessKeyId=&Expires=&Signature=`.
 * The AWS CLI v1 (`aws s3 presign`) and boto3 (`generate_presigned_url`) still make these by
 * default in the regions that accept them, so a learner's first presigned URL is usually one.
 * S3 accepts SigV2 only in regions launched before 2014 (userguide/RESTAuthentication.html).
 */
export const SIGV2_REGIONS: ReadonlySet<string> = new Set([
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "ap-northeast-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "sa-east-1",
]);

/** Sub-resources that are part of the signed resource, as the SigV2 specification lists them. */
const SIGNED_SUBRESOURCES = new Set([
  "accelerate", "acl", "analytics", "cors", "delete", "inventory", "lifecycle", "location", "logging",
  "metrics", "notification", "object-lock", "partNumber", "policy", "replication", "requestPayment",
  "response-cache-control", "response-content-disposition", "response-content-encoding",
  "response-content-language", "response-content-type", "response-expires", "restore", "select",
  "select-type", "storageClass", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning",
  "versions", "website",
]);

export const isSigV2Query = (request: SandboxRequest): boolean =>
  queryValue(request, "AWSAccessKeyId") !== undefined && queryValue(request, "Signature") !== undefined;

/** A header, or the same name hoisted into the query string by the presigner. */
const signedValue = (request: SandboxRequest, name: string): string | undefined =>
  header(request, name) ?? request.query.find(([key]) => key.toLowerCase() === name)?.[1];

const stringToSign = (request: SandboxRequest, expires: string): string => {
  const amzHeaders = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith("x-amz-") && value !== undefined) amzHeaders.set(name, [value].flat().map((v) => v.trim()).join(","));
  }
  for (const [name, value] of request.query) {
    const lower = name.toLowerCase();
    if (lower.startsWith("x-amz-") && !amzHeaders.has(lower)) amzHeaders.set(lower, value.trim());
  }
  const canonicalHeaders = [...amzHeaders.keys()].sort().map((name) => `${name}:${amzHeaders.get(name)}\n`).join("");
  const subresources = request.query
    .filter(([name]) => SIGNED_SUBRESOURCES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === "" ? name : `${name}=${value}`));
  const resource = request.rawPath + (subresources.length > 0 ? `?${subresources.join("&")}` : "");
  return [
    request.method,
    signedValue(request, "content-md5") ?? "",
    signedValue(request, "content-type") ?? "",
    expires,
    `${canonicalHeaders}${resource}`,
  ].join("\n");
};

const sameSignature = (expected: string, provided: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
};

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The caller of a SigV2 presigned URL. SigV2 signs no region: the request counts as sent to the
 * bucket's own regional endpoint (see `legacySignature`), so `region` is only a placeholder.
 */
export const authenticateSigV2Query = (request: SandboxRequest): Caller => {
  const accessKeyId = queryValue(request, "AWSAccessKeyId") ?? "";
  const signature = queryValue(request, "Signature") ?? "";
  const expires = queryValue(request, "Expires");
  if (expires === undefined || !/^\d+$/.test(expires)) {
    throw new ServiceError("AccessDenied", 403, "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
  }
  const key = accessKeyFor(request, accessKeyId);
  if (!key) {
    throw new ServiceError("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.", {
      AWSAccessKeyId: accessKeyId,
    });
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (request.receivedAt > expiresAt) {
    throw new ServiceError("AccessDenied", 403, "Request has expired", {
      Expires: isoSeconds(expiresAt),
      ServerTime: isoSeconds(request.receivedAt),
    });
  }
  const toSign = stringToSign(request, expires);
  const expected = createHmac("sha1", key.secretAccessKey).update(toSign, "utf8").digest("base64");
  if (!sameSignature(expected, signature)) {
    throw new ServiceError(
      "SignatureDoesNotMatch",
      403,
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      {
        AWSAccessKeyId: accessKeyId,
        StringToSign: toSign,
        SignatureProvided: signature,
        StringToSignBytes: [...Buffer.from(toSign)].map((byte) => byte.toString(16).padStart(2, "0")).join(" "),
      },
    );
  }
  return { accessKeyId, account: key.account, region: "us-east-1", service: "s3", legacySignature: true };
};
