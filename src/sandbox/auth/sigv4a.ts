import { createECDH, createHmac, createPublicKey, verify, type KeyObject } from "node:crypto";
import { getCanonicalHeaders } from "@smithy/signature-v4";
import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "../http/exchange";
import { accessKeyFor, type AccessKey, type Caller } from "./identity";
import { NodeSha256 } from "./node-sha256";
import { authorizationFields, checkPayloadHash, checkTime, ExplainingSigner, malformedHeader, parseLongDate, queryBag, signableRequest } from "./sigv4";

/**
 * Verifies SigV4A (AWS4-ECDSA-P256-SHA256), the signature Multi-Region Access Points require:
 * the same canonical request as SigV4, but a credential scope without a Region, the Regions in a
 * signed X-Amz-Region-Set header, and an ECDSA P-256 signature by a key derived from the secret
 * access key. The server derives the same key and checks the signature with its public half.
 */

export const SIGV4A_ALGORITHM = "AWS4-ECDSA-P256-SHA256";
const CONTENT_SHA256 = "x-amz-content-sha256";
const REGION_SET = "x-amz-region-set";

export const isSigV4A = (request: SandboxRequest): boolean =>
  header(request, "authorization")?.startsWith(`${SIGV4A_ALGORITHM} `) === true;

export interface SigV4ACaller extends Caller {
  /** The Regions the signature is good for ("*" for all). */
  regionSet: string[];
}

/** n - 2 of P-256: a derived candidate above it is discarded and the counter moves on. */
const P256_N_MINUS_2 = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f");

/**
 * The ECDSA key pair AWS derives from an access key pair: HMAC-SHA256 keyed with "AWS4A" + secret
 * over a fixed input with a counter (NIST SP 800-108 counter mode), taking the first candidate
 * c <= n - 2 and using c + 1 as the private scalar.
 */
export const deriveSigV4AKey = (accessKeyId: string, secretAccessKey: string): { privateScalar: Buffer; publicKey: KeyObject } => {
  for (let counter = 1; counter < 255; counter++) {
    const fixedInput = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from(SIGV4A_ALGORITHM, "latin1"),
      Buffer.from([0]),
      Buffer.from(accessKeyId, "latin1"),
      Buffer.from([counter]),
      Buffer.from([0, 0, 1, 0]),
    ]);
    const candidate = BigInt(`0x${createHmac("sha256", `AWS4A${secretAccessKey}`).update(fixedInput).digest("hex")}`);
    if (candidate > P256_N_MINUS_2) continue;
    const privateScalar = Buffer.from((candidate + 1n).toString(16).padStart(64, "0"), "hex");
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(privateScalar);
    const point = ecdh.getPublicKey();
    const publicKey = createPublicKey({
      key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33, 65).toString("base64url") },
      format: "jwk",
    });
    return { privateScalar, publicKey };
  }
  throw new Error("No SigV4A key could be derived from this access key (AWS's 254 tries were all above n - 2).");
};

/** Derived keys, by key id and secret (deriving one takes a few HMACs and an EC multiplication). */
const keys = new Map<string, KeyObject>();
const publicKeyFor = (accessKeyId: string, accessKey: AccessKey): KeyObject => {
  const cacheKey = `${accessKeyId}\n${accessKey.secretAccessKey}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = deriveSigV4AKey(accessKeyId, accessKey.secretAccessKey).publicKey;
    keys.set(cacheKey, key);
  }
  return key;
};

const mismatch = (accessKeyId: string, canonicalRequest: string, stringToSign: string, provided: string) =>
  new ServiceError(
    "SignatureDoesNotMatch",
    403,
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    { AWSAccessKeyId: accessKeyId, StringToSign: stringToSign, SignatureProvided: provided, CanonicalRequest: canonicalRequest },
  );

/** The caller of a request signed with SigV4A in its Authorization header; throws AWS's errors otherwise. */
export const authenticateSigV4A = async (request: SandboxRequest): Promise<SigV4ACaller> => {
  const value = header(request, "authorization") ?? "";
  const fields = authorizationFields(value, SIGV4A_ALGORITHM);
  const [accessKeyId, shortDate, service, terminator, ...extra] = (fields.get("Credential") ?? "").split("/");
  const signedHeaders = fields.get("SignedHeaders")?.split(";") ?? [];
  const signature = fields.get("Signature") ?? "";
  if (!accessKeyId || !shortDate || !service || terminator !== "aws4_request" || extra.length > 0) {
    throw malformedHeader(`the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/SERVICE/aws4_request".`);
  }
  if (signedHeaders.length === 0 || !/^[0-9a-f]+$/i.test(signature)) throw malformedHeader("the SignedHeaders and Signature fields are required");
  if (!signedHeaders.includes(REGION_SET) || header(request, REGION_SET) === undefined) {
    throw malformedHeader("SigV4A requires the X-Amz-Region-Set header, signed");
  }
  const accessKey = accessKeyFor(request, accessKeyId);
  if (!accessKey) {
    throw new ServiceError("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.", { AWSAccessKeyId: accessKeyId });
  }
  const longDate = header(request, "x-amz-date") ?? "";
  const signedAt = parseLongDate(longDate, service);
  if (!longDate.startsWith(shortDate)) throw malformedHeader(`the Credential's date ${shortDate} is not the day of X-Amz-Date ${longDate}`);
  checkTime(request.receivedAt, signedAt, { longDate }, service);

  const toSign = signableRequest(request, { signedHeaders }, queryBag(request.query, () => false));
  const signer = new ExplainingSigner({
    service,
    region: "*",
    credentials: { accessKeyId, secretAccessKey: accessKey.secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: service !== "s3",
    applyChecksum: false,
  });
  const payloadHash = header(request, CONTENT_SHA256) ?? "UNSIGNED-PAYLOAD";
  const headers = getCanonicalHeaders(toSign, undefined, new Set(signedHeaders));
  const { canonicalRequest, stringToSign } = await signer.explain(
    toSign,
    headers,
    payloadHash,
    longDate,
    `${shortDate}/${service}/aws4_request`,
    SIGV4A_ALGORITHM,
  );
  const good = verify("sha256", Buffer.from(stringToSign, "utf8"), { key: publicKeyFor(accessKeyId, accessKey), dsaEncoding: "der" }, Buffer.from(signature, "hex"));
  if (!good) throw mismatch(accessKeyId, canonicalRequest, stringToSign, signature);
  checkPayloadHash(request, service);
  const regionSet = (header(request, REGION_SET) ?? "").split(",").map((region) => region.trim()).filter(Boolean);
  return { accessKeyId, account: accessKey.account, region: regionSet.join(","), service, regionSet };
};
