import { createHash } from "node:crypto";
import { HttpRequest } from "@smithy/protocol-http";
import { sandboxSigner } from "../../helpers/raw";
import type { SeededRandom } from "../../helpers/seeded-random";
import { aimAt } from "./aimed-requests";
import { hostileBody, hostileText, type HostileBody } from "./hostile-bodies";

/**
 * One hostile HTTP/1.1 request as the bytes that go on the wire: random methods, paths, query
 * parameters and headers; valid, broken, missing and presigned SigV4 signatures; Content-Length,
 * chunked and aws-chunked framing, well-formed or not; bodies from hostile-bodies.ts.
 */
export interface HostileRequest {
  /** What was sent, for the figures: "PUT signed chunked deep-xml". */
  label: string;
  payload: Buffer;
  /** The client stops sending before the body it announced is complete. */
  truncated: boolean;
  /** The request said Connection: close, so the server must close the connection after answering. */
  connectionClose: boolean;
}

export interface FuzzTarget {
  host: string;
  bucket: string;
  key: string;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "get", "PROPFIND", "CONNECT", "TRACE", "G\u00c9T"];

const SUBRESOURCES = [
  "tagging", "versioning", "lifecycle", "replication", "policy", "delete", "uploads", "accelerate", "acl", "location",
  "versions", "list-type", "attributes", "restore", "select", "cors", "website",
];

const RESPONSE_PARAMS = [
  "response-content-type", "response-content-disposition", "response-cache-control",
  "response-content-language", "response-content-encoding", "response-expires",
];

const path = (random: SeededRandom, target: FuzzTarget): string =>
  random.pick([
    () => `/${target.bucket}`,
    () => `/${target.bucket}/${target.key}`,
    () => `/${target.bucket}/${encodeURIComponent(hostileText(random)).replace(/%2F/g, "/")}`,
    () => "/",
    () => `/${random.string("abc-.", random.int(1, 70))}/k`,
    () => `/${target.bucket}/%zz%00%ff%c0%af`,
    () => `/${target.bucket}/../../etc/passwd`,
    () => `/${target.bucket}/${"k".repeat(random.int(1_000, 9_000))}`,
    () => `//${target.bucket}///key`,
    () => "*",
  ])();

/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return "%ZZ"; // a lone surrogate: send a broken escape instead
  }
};

const query = (random: SeededRandom): Record<string, string> => {
  const params: Record<string, string> = {};
  if (random.chance(0.5)) params[random.pick(SUBRESOURCES)] = "";
  if (random.chance(0.35)) params[random.pick(RESPONSE_PARAMS)] = random.pick(["text/plain; charset=€", "a\r\nX-Injected: 1", hostileText(random), "text/plain"]);
  if (random.chance(0.2)) params.uploadId = hostileText(random, 10);
  if (random.chance(0.15)) params[random.pick(["max-keys", "prefix", "delimiter", "versionId", "partNumber", "continuation-token"])] = hostileText(random);
  if (random.chance(0.1)) params[hostileText(random, 6)] = hostileText(random, 6);
  return params;
};

const headers = (random: SeededRandom, bodySha: string, contentType: string | undefined): Record<string, string> => {
  const chosen: Record<string, string> = {
    "x-amz-content-sha256": random.pick([bodySha, bodySha, "UNSIGNED-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "GIBBERISH"]),
  };
  if (contentType) chosen["content-type"] = contentType;
  // Header values go on the wire as ISO-8859-1; keep them to what an HTTP parser lets through.
  const latin1 = () => hostileText(random).replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");
  const optional: Array<[string, () => string]> = [
    ["content-md5", () => random.pick(["1B2M2Y8AsgTpgAmY7PhCfg==", "not-base64", ""])],
    ["x-amz-meta-note", latin1],
    ["range", () => random.pick(["bytes=0-0", "bytes=-1", "bytes=9999999999-", "bytes=a-b", latin1()])],
    ["x-amz-copy-source", () => random.pick([`/${latin1()}`, "bucket/key?versionId=x", latin1()])],
    ["x-amz-tagging", latin1],
    ["if-match", latin1],
    ["if-modified-since", () => random.pick(["Tue, 01 Jan 1980 00:00:00 GMT", latin1()])],
    ["x-amz-checksum-crc32", () => random.pick(["AAAAAA==", latin1()])],
    ["x-amz-decoded-content-length", () => random.pick(["0", "-1", "99999999999999999999", latin1()])],
    ["x-amz-storage-class", () => random.pick(["GLACIER", "STANDARD", latin1()])],
    ["x-amz-bucket-object-lock-enabled", latin1],
    ["expect", () => "100-continue"],
    ["upgrade", () => "websocket"],
  ];
  for (const [name, value] of optional) if (random.chance(0.08)) chosen[name] = value();
  return chosen;
};

/** What a correct client sends with the body: its digests and type. */
const aimedHeaders = (body: HostileBody, bodySha: string): Record<string, string> => ({
  "x-amz-content-sha256": bodySha,
  "content-md5": createHash("md5").update(body.body).digest("base64"),
  ...(body.contentType ? { "content-type": body.contentType } : {}),
});

const signer = (service: string, region: string, accessKeyId: string) => sandboxSigner(service, region, accessKeyId);

type Signing = "signed" | "bad-signature" | "unsigned" | "presigned";

const sign = async (random: SeededRandom, request: HttpRequest, service: string, signing: Signing, asOwner: boolean): Promise<HttpRequest> => {
  if (signing === "unsigned") return request;
  const region = asOwner ? "us-east-1" : random.pick(["us-east-1", "us-east-1", "eu-west-1", "mars-north-1", hostileText(random, 6).replace(/[^\x21-\x7e]/g, "x")]);
  const accessKeyId = asOwner ? "111111111111" : random.pick(["111111111111", "111111111111", "222222222222", "test", "AKIDEXAMPLE"]);
  const chosen = signer(service, region, accessKeyId);
  try {
    if (signing === "presigned") return (await chosen.presign(request, { expiresIn: random.pick([1, 60, 604_800, 999_999]) })) as HttpRequest;
    const signed = (await chosen.sign(request)) as HttpRequest;
    if (signing === "bad-signature") {
      const authorization = signed.headers.authorization ?? "";
      signed.headers.authorization = random.pick([
        authorization.replace(/Signature=([0-9a-f])/, (_, first: string) => `Signature=${first === "0" ? "1" : "0"}`),
        authorization.replace("Credential=", "Credential=/"),
        authorization.slice(0, random.int(0, authorization.length)),
        "AWS4-HMAC-SHA256 Credential=x",
        `AWS ${accessKeyId}:${hostileText(random, 8).replace(/[^\x21-\x7e]/g, "x")}`,
      ]);
    }
    return signed;
  } catch {
    return request; // the signer refused the hostile input: send it unsigned
  }
};

type Framing = "length" | "chunked" | "bad-chunked" | "truncated" | "aws-chunked" | "bad-aws-chunked";

const awsChunked = (random: SeededRandom, body: Buffer, broken: boolean): Buffer => {
  const size = random.pick([body.length.toString(16), body.length.toString(16), "zz", "-1", "ffffffffffffffff", `${body.length.toString(16)};chunk-signature=${"0".repeat(64)}`]);
  const trailer = random.pick(["", "x-amz-checksum-crc32:AAAAAA==\r\n", "x-amz-checksum-crc32:€€€\r\n", `${hostileText(random, 10)}\r\n`]);
  const whole = Buffer.concat([Buffer.from(`${broken ? size : body.length.toString(16)}\r\n`, "latin1"), body, Buffer.from(`\r\n0\r\n${trailer}\r\n`, "latin1")]);
  return broken && random.chance(0.5) ? whole.subarray(0, random.int(0, whole.length)) : whole;
};

const httpChunked = (random: SeededRandom, body: Buffer, broken: boolean): Buffer => {
  const size = broken ? random.pick(["zz", "-1", "ffffffffffffffffff", "1;" + "x".repeat(10_000), ""]) : body.length.toString(16);
  const chunks = body.length === 0 ? "" : `${size}\r\n`;
  return Buffer.concat([Buffer.from(chunks, "latin1"), body, Buffer.from(body.length === 0 ? "0\r\n\r\n" : "\r\n0\r\n\r\n", "latin1")]);
};

const requestLine = (method: string, request: HttpRequest): string => {
  const search = Object.entries(request.query ?? {})
    .map(([name, value]) => (value === "" || value === null ? encode(name) : `${encode(name)}=${encode(String(value))}`))
    .join("&");
  return `${method} ${request.path}${search ? `?${search}` : ""} HTTP/1.1`;
};

export const hostileRequest = async (random: SeededRandom, target: FuzzTarget): Promise<HostileRequest> => {
  const body = hostileBody(random, target.bucket);
  const bodySha = createHash("sha256").update(body.body).digest("hex");
  // Some requests are correct in all but their content, so the content reaches the parsers.
  const aim = random.chance(0.4) ? aimAt(random, body, target.bucket, target.key) : undefined;
  const service = aim?.service ?? random.pick(["s3", "s3", "s3", "s3", "iam", "sts"]);
  const method = aim?.method ?? (service === "s3" ? random.pick(METHODS) : random.pick(["POST", "POST", "GET"]));
  const signing = aim ? "signed" : random.pick<Signing>(["signed", "signed", "signed", "bad-signature", "unsigned", "presigned"]);
  const framing = aim
    ? random.pick<Framing>(["length", "length", "length", "aws-chunked"])
    : random.pick<Framing>(["length", "length", "length", "length", "chunked", "bad-chunked", "truncated", "aws-chunked", "bad-aws-chunked"]);
  const request = new HttpRequest({
    method: method.toUpperCase(),
    protocol: "http:",
    hostname: target.host,
    path: aim?.path ?? (service === "s3" ? path(random, target) : "/"),
    query: aim?.query ?? query(random),
    headers: {
      host: target.host,
      ...(aim ? aimedHeaders(body, bodySha) : headers(random, bodySha, body.contentType)),
    },
    body: body.body,
  });
  if (framing.includes("aws-chunked")) {
    request.headers["content-encoding"] = "aws-chunked";
    request.headers["x-amz-decoded-content-length"] ??= String(body.body.length);
    request.headers["x-amz-content-sha256"] = random.pick(["STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"]);
  }
  const signed = await sign(random, request, service, signing, aim !== undefined);

  let payload = body.body;
  const framingHeaders: Record<string, string> = {};
  if (framing === "chunked" || framing === "bad-chunked") {
    payload = httpChunked(random, body.body, framing === "bad-chunked");
    framingHeaders["transfer-encoding"] = "chunked";
    if (random.chance(0.2)) framingHeaders["content-length"] = String(payload.length); // both: smuggling
  } else if (framing === "aws-chunked" || framing === "bad-aws-chunked") {
    payload = awsChunked(random, body.body, framing === "bad-aws-chunked");
    framingHeaders["content-length"] = String(payload.length);
  } else if (framing === "truncated") {
    framingHeaders["content-length"] = String(body.body.length + random.int(1, 100_000));
  } else if (body.body.length > 0 || random.chance(0.5)) {
    framingHeaders["content-length"] = String(body.body.length);
  }
  const connectionClose = random.chance(0.9);
  const allHeaders = { ...signed.headers, ...framingHeaders, ...(connectionClose ? { connection: "close" } : {}) };
  const head = [requestLine(method, signed), ...Object.entries(allHeaders).map(([name, value]) => `${name}: ${value}`), "", ""].join("\r\n");
  return {
    label: `${method} ${service} ${signing} ${framing} ${body.kind}`,
    payload: Buffer.concat([Buffer.from(head, "latin1"), payload]),
    truncated: framing === "truncated",
    connectionClose,
  };
};
