import { timingSafeEqual } from "node:crypto";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4, getCanonicalHeaders } from "@smithy/signature-v4";
import type { HeaderBag, HttpRequest as SignableRequest, QueryParameterBag } from "@smithy/types";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import { accessKeyFor, type Caller } from "./identity";
import { NodeSha256, sha256Hex } from "./node-sha256";
import { authenticateSigV2Query, isSigV2Query } from "./sigv2-query";

/**
 * Verifies AWS Signature Version 4, in the Authorization header or in a presigned URL's query,
 * by recomputing it with @smithy/signature-v4 from what arrived on the wire.
 */

const ALGORITHM = "AWS4-HMAC-SHA256";
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;
const PRESIGN_PARAMS = new Set([
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
  "X-Amz-Security-Token",
]);
const CONTENT_SHA256 = "x-amz-content-sha256";

interface Credential {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
}

export interface SignatureClaim {
  credential: Credential;
  signedHeaders: string[];
  signature: string;
  longDate: string;
  sessionToken?: string;
  presigned?: { expiresSeconds: number };
}

/** Exposes the canonical request and string to sign: for the SignatureDoesNotMatch body, and for SigV4A, which shares them. */
export class ExplainingSigner extends SignatureV4 {
  async explain(request: SignableRequest, headers: HeaderBag, payloadHash: string, longDate: string, scope: string, algorithm = ALGORITHM) {
    const canonicalRequest = this.createCanonicalRequest(request, headers, payloadHash);
    const stringToSign = await this.createStringToSign(longDate, scope, canonicalRequest, algorithm);
    return { canonicalRequest, stringToSign };
  }
}

/** Which service a request is for, from its credential scope; undefined when it is unsigned. */
export const claimedService = (request: SandboxRequest): string | undefined => {
  try {
    return readClaim(request)?.credential.service;
  } catch {
    return undefined;
  }
};

/**
 * Returns the caller of a correctly signed request, undefined for an unsigned one, and throws
 * the error AWS would send for a malformed, expired or wrong signature.
 */
export const authenticate = async (request: SandboxRequest): Promise<Caller | undefined> => {
  if (isSigV2Query(request)) return authenticateSigV2Query(request);
  const claim = readClaim(request);
  if (!claim) return undefined;
  const { credential } = claim;
  const service = credential.service;

  const key = accessKeyFor(request, credential.accessKeyId);
  if (!key) throw unknownAccessKey(service, credential.accessKeyId);
  const { account } = key;

  const signedAt = parseLongDate(claim.longDate, service);
  checkTime(request.receivedAt, signedAt, claim, service);

  const signer = new ExplainingSigner({
    service,
    region: credential.region,
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(claim.sessionToken ? { sessionToken: claim.sessionToken } : {}),
    },
    sha256: NodeSha256,
    // S3 signs the path as sent; every other service signs it normalised and encoded again.
    uriEscapePath: service !== "s3",
    applyChecksum: false,
  });
  const expected = claim.presigned
    ? await presignedSignature(signer, request, claim, signedAt)
    : await headerSignature(signer, request, claim, signedAt);

  if (!sameSignature(expected, claim.signature)) {
    throw await signatureMismatch(signer, request, claim);
  }
  checkPayloadHash(request, service);
  return { accessKeyId: credential.accessKeyId, account, region: credential.region, service };
};

export const readClaim = (request: SandboxRequest): SignatureClaim | undefined => {
  const authorization = header(request, "authorization");
  if (authorization !== undefined) return parseAuthorizationHeader(authorization, request);
  const query = new Map(request.query);
  if (query.has("X-Amz-Signature") || query.has("X-Amz-Credential")) return parsePresignedQuery(query);
  if (query.has("Signature") && query.has("AWSAccessKeyId")) {
    throw new ServiceError(
      "InvalidRequest",
      400,
      "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
    );
  }
  return undefined;
};

const parseAuthorizationHeader = (value: string, request: SandboxRequest): SignatureClaim => {
  if (!value.startsWith(`${ALGORITHM} `)) {
    throw new ServiceError(
      "InvalidRequest",
      400,
      "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
    );
  }
  const fields = authorizationFields(value, ALGORITHM);
  const credential = parseCredential(fields.get("Credential"), "header");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!signedHeaders || !signature) {
    throw malformedHeader("the Credential, SignedHeaders and Signature fields are required");
  }
  const longDate = header(request, "x-amz-date") ?? "";
  if (!longDate) {
    throw new ServiceError("AccessDenied", 403, "AWS authentication requires a valid Date or x-amz-date header");
  }
  const sessionToken = header(request, "x-amz-security-token");
  return {
    credential,
    signedHeaders: signedHeaders.split(";"),
    signature,
    longDate,
    ...(sessionToken ? { sessionToken } : {}),
  };
};

const parsePresignedQuery = (query: Map<string, string>): SignatureClaim => {
  const missing = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"]
    .filter((name) => !query.has(name));
  if (missing.length > 0) {
    throw new ServiceError(
      "AuthorizationQueryParametersError",
      400,
      `Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.`,
    );
  }
  if (query.get("X-Amz-Algorithm") !== ALGORITHM) {
    throw new ServiceError("AuthorizationQueryParametersError", 400, `X-Amz-Algorithm only supports "${ALGORITHM}"`);
  }
  const expiresSeconds = Number(query.get("X-Amz-Expires"));
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 0) {
    throw new ServiceError("AuthorizationQueryParametersError", 400, "X-Amz-Expires should be a number");
  }
  if (expiresSeconds > MAX_PRESIGN_SECONDS) {
    throw new ServiceError(
      "AuthorizationQueryParametersError",
      400,
      "X-Amz-Expires must be less than a week (in seconds) that is 7 days",
    );
  }
  const sessionToken = query.get("X-Amz-Security-Token");
  return {
    credential: parseCredential(query.get("X-Amz-Credential"), "query"),
    signedHeaders: (query.get("X-Amz-SignedHeaders") ?? "").split(";"),
    signature: query.get("X-Amz-Signature") ?? "",
    longDate: query.get("X-Amz-Date") ?? "",
    presigned: { expiresSeconds },
    ...(sessionToken ? { sessionToken } : {}),
  };
};

const parseCredential = (value: string | undefined, where: "header" | "query"): Credential => {
  const parts = (value ?? "").split("/");
  const [accessKeyId, shortDate, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !shortDate || !region || !service || terminator !== "aws4_request") {
    const reason = `the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`;
    throw where === "header"
      ? malformedHeader(reason)
      : new ServiceError("AuthorizationQueryParametersError", 400, `Error parsing the X-Amz-Credential parameter; ${reason}`);
  }
  return { accessKeyId, shortDate, region, service };
};

/** Credential, SignedHeaders and Signature of an Authorization header that starts with `algorithm`. */
export const authorizationFields = (value: string, algorithm: string): Map<string, string> => {
  const fields = new Map<string, string>();
  for (const part of value.slice(algorithm.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return fields;
};

export const malformedHeader = (reason: string) =>
  new ServiceError("AuthorizationHeaderMalformed", 400, `The authorization header is malformed; ${reason}`);

export const parseLongDate = (longDate: string, service: string): Date => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(longDate);
  if (!match) {
    throw service === "s3"
      ? new ServiceError("AccessDenied", 403, "AWS authentication requires a valid Date or x-amz-date header")
      : new ServiceError("IncompleteSignature", 400, `Date must be in ISO-8601 'basic format'. Got '${longDate}'.`);
  }
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
};

export const checkTime = (now: Date, signedAt: Date, claim: Pick<SignatureClaim, "longDate" | "presigned">, service: string): void => {
  if (claim.presigned) {
    const expiresAt = new Date(signedAt.getTime() + claim.presigned.expiresSeconds * 1000);
    if (now > expiresAt) {
      throw new ServiceError("AccessDenied", 403, "Request has expired", {
        "X-Amz-Expires": claim.presigned.expiresSeconds,
        Expires: isoSeconds(expiresAt),
        ServerTime: isoSeconds(now),
      });
    }
    if (signedAt.getTime() - now.getTime() > MAX_SKEW_MS) {
      throw new ServiceError("AccessDenied", 403, "Request is not valid yet");
    }
    return;
  }
  if (Math.abs(now.getTime() - signedAt.getTime()) <= MAX_SKEW_MS) return;
  if (service === "s3") {
    throw new ServiceError(
      "RequestTimeTooSkewed",
      403,
      "The difference between the request time and the current time is too large.",
      { RequestTime: claim.longDate, ServerTime: isoSeconds(now), MaxAllowedSkewMilliseconds: MAX_SKEW_MS },
    );
  }
  throw new ServiceError(
    "SignatureDoesNotMatch",
    403,
    `Signature expired: ${claim.longDate} is now earlier than ${compactDate(new Date(now.getTime() - MAX_SKEW_MS))} (${compactDate(now)} - 15 min.)`,
  );
};

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const compactDate = (date: Date) => isoSeconds(date).replace(/[-:]/g, "");

/** The request as the client signed it: only the signed headers, the path and query as sent. */
export const signableRequest = (request: SandboxRequest, claim: Pick<SignatureClaim, "signedHeaders">, query: QueryParameterBag) => {
  const headers: HeaderBag = {};
  for (const name of claim.signedHeaders) {
    const value = header(request, name);
    if (value !== undefined) headers[name] = value;
  }
  const hostHeader = header(request, "host") ?? "localhost";
  return new HttpRequest({
    method: request.method,
    protocol: "http:",
    hostname: hostHeader.replace(/:\d+$/, ""),
    path: request.rawPath,
    query,
    headers,
    body: request.body,
  });
};

export const queryBag = (entries: ReadonlyArray<readonly [string, string]>, skip: (name: string) => boolean) => {
  const bag: QueryParameterBag = {};
  for (const [name, value] of entries) {
    if (skip(name)) continue;
    const existing = bag[name];
    if (existing === undefined || existing === null) bag[name] = value;
    else bag[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return bag;
};

const headerSignature = async (
  signer: SignatureV4,
  request: SandboxRequest,
  claim: SignatureClaim,
  signedAt: Date,
): Promise<string> => {
  const toSign = signableRequest(request, claim, queryBag(request.query, () => false));
  const unsignable = new Set<string>();
  // The payload hash header decides the hash even when the client left it out of the signature.
  const contentSha = header(request, CONTENT_SHA256);
  if (contentSha !== undefined && !claim.signedHeaders.includes(CONTENT_SHA256)) {
    toSign.headers[CONTENT_SHA256] = contentSha;
    unsignable.add(CONTENT_SHA256);
  }
  if (!claim.signedHeaders.includes("x-amz-date")) unsignable.add("x-amz-date");
  if (!claim.signedHeaders.includes("x-amz-security-token")) unsignable.add("x-amz-security-token");
  const signed = await signer.sign(toSign, {
    signingDate: signedAt,
    signableHeaders: new Set(claim.signedHeaders),
    unsignableHeaders: unsignable,
  });
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? "";
};

const presignedSignature = async (
  signer: SignatureV4,
  request: SandboxRequest,
  claim: SignatureClaim,
  signedAt: Date,
): Promise<string> => {
  const toSign = signableRequest(request, claim, queryBag(request.query, (name) => PRESIGN_PARAMS.has(name)));
  // A presigned S3 URL signs no payload unless the client put a hash in the query.
  const payload = request.query.find(([name]) => name.toLowerCase() === CONTENT_SHA256)?.[1] ?? "UNSIGNED-PAYLOAD";
  toSign.headers[CONTENT_SHA256] = payload;
  const keepAsHeaders = new Set([...claim.signedHeaders, CONTENT_SHA256]);
  const presigned = await signer.presign(toSign, {
    signingDate: signedAt,
    expiresIn: claim.presigned?.expiresSeconds ?? 0,
    signableHeaders: new Set(claim.signedHeaders),
    unsignableHeaders: new Set([CONTENT_SHA256]),
    unhoistableHeaders: keepAsHeaders,
  });
  return String(presigned.query?.["X-Amz-Signature"] ?? "");
};

export const sameSignature = (expected: string, provided: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
};

const unknownAccessKey = (service: string, accessKeyId: string) =>
  service === "s3"
    ? new ServiceError("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.", {
        AWSAccessKeyId: accessKeyId,
      })
    : new ServiceError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");

const signatureMismatch = async (signer: ExplainingSigner, request: SandboxRequest, claim: SignatureClaim) => {
  const { service } = claim.credential;
  if (service !== "s3") {
    return new ServiceError(
      "SignatureDoesNotMatch",
      403,
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  const details: Record<string, string> = { AWSAccessKeyId: claim.credential.accessKeyId };
  if (!claim.presigned) {
    const { canonicalRequest, stringToSign } = await explainHeaderSignature(signer, request, claim);
    details.StringToSign = stringToSign;
    details.SignatureProvided = claim.signature;
    details.CanonicalRequest = canonicalRequest;
  } else {
    details.SignatureProvided = claim.signature;
  }
  return new ServiceError(
    "SignatureDoesNotMatch",
    403,
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    details,
  );
};

const explainHeaderSignature = async (signer: ExplainingSigner, request: SandboxRequest, claim: SignatureClaim) => {
  const toSign = signableRequest(request, claim, queryBag(request.query, () => false));
  const headers = getCanonicalHeaders(toSign, undefined, new Set(claim.signedHeaders));
  const payloadHash = header(request, CONTENT_SHA256) ?? sha256Hex(request.body);
  const { shortDate, region, service } = claim.credential;
  return signer.explain(toSign, headers, payloadHash, claim.longDate, `${shortDate}/${region}/${service}/aws4_request`);
};

/** A hex x-amz-content-sha256 must be the hash of the body that arrived. */
export const checkPayloadHash = (request: SandboxRequest, service: string): void => {
  // An upload's body is still on its way: its hash is checked as it streams in (s3/upload-body.ts).
  if (request.upload) return;
  const claimed = header(request, CONTENT_SHA256);
  if (!claimed || !/^[0-9a-f]{64}$/i.test(claimed)) return;
  const actual = sha256Hex(request.body);
  if (actual === claimed.toLowerCase()) return;
  throw service === "s3"
    ? new ServiceError(
        "XAmzContentSHA256Mismatch",
        400,
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        { ClientComputedContentSHA256: claimed, S3ComputedContentSHA256: actual },
      )
    : new ServiceError(
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
      );
};
