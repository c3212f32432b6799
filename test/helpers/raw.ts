import { createHash } from "node:crypto";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../../src/sandbox/auth/node-sha256";

/** A SigV4 signer as the SDKs sign for the sandbox: S3 paths are not escaped twice. */
export const sandboxSigner = (service = "s3", region = "us-east-1", accessKeyId = "111111111111", secretAccessKey = "test"): SignatureV4 =>
  new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey }, sha256: NodeSha256, uriEscapePath: service !== "s3" });

export interface RawRequest {
  method: string;
  /** Path as it goes on the wire, already percent-encoded. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  region?: string;
  service?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Leave the request unsigned. */
  unsigned?: boolean;
  signingDate?: Date;
  /** Fail (rather than wait forever) when no answer comes within this many ms. */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Sends one hand-made, correctly SigV4-signed request: for what the SDK will not send (an
 * empty CreateBucket body to eu-west-1, malformed XML, unknown operations).
 */
export const rawRequest = async (endpoint: string, request: RawRequest): Promise<RawResponse> => {
  const url = new URL(endpoint);
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const service = request.service ?? "s3";
  let toSend = new HttpRequest({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: request.query ?? {},
    headers: {
      host: url.host,
      ...(service === "s3" ? { "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") } : {}),
      ...request.headers,
    },
    body,
  });
  if (!request.unsigned) {
    const signer = sandboxSigner(service, request.region, request.accessKeyId, request.secretAccessKey);
    toSend = (await signer.sign(toSend, { signingDate: request.signingDate ?? new Date() })) as HttpRequest;
  }
  const search = new URLSearchParams(toSend.query as Record<string, string>).toString().replace(/\+/g, "%20");
  const headers = { ...toSend.headers };
  delete headers.host;
  const response = await fetch(`${endpoint}${toSend.path}${search ? `?${search}` : ""}`, {
    method: request.method,
    headers,
    ...(body.length > 0 ? { body } : {}),
    ...(request.timeoutMs !== undefined ? { signal: AbortSignal.timeout(request.timeoutMs) } : {}),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
};

/** The <Code> of an XML error body. */
export const errorCode = (body: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
