import { createHash } from "node:crypto";
import { HttpRequest } from "@smithy/protocol-http";
import type { SignatureV4 } from "@smithy/signature-v4";

const hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/**
 * A signed aws-chunked PUT of `path` (e.g. "/bucket/key"), built the way SigV4 streaming is specified:
 * each chunk signed over the previous signature, then an empty last chunk. `tamper` changes the data
 * after it was signed. `signer` signs for us-east-1 and s3.
 */
export const signedChunkedPut = async (endpoint: string, path: string, parts: Buffer[], signer: SignatureV4, tamper = false): Promise<Response> => {
  const url = new URL(endpoint);
  const now = new Date();
  const decodedLength = parts.reduce((sum, part) => sum + part.length, 0);
  const request = new HttpRequest({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: {
      host: url.host,
      "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
      "content-encoding": "aws-chunked",
      "x-amz-decoded-content-length": String(decodedLength),
    },
  });
  const signed = await signer.sign(request, { signingDate: now });
  let previous = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? "";
  const longDate = String(signed.headers["x-amz-date"]);
  const scope = `${longDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const frames: Buffer[] = [];
  for (const data of [...parts, Buffer.alloc(0)]) {
    const stringToSign = ["AWS4-HMAC-SHA256-PAYLOAD", longDate, scope, previous, hex(""), hex(data)].join("\n");
    const signature = await signer.sign(stringToSign, { signingDate: now });
    const sent = tamper && data.length > 0 ? Buffer.from(data.toString().toUpperCase()) : data;
    frames.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${signature}\r\n`), sent, Buffer.from("\r\n"));
    previous = signature;
  }
  const body = Buffer.concat(frames);
  const headers = { ...signed.headers, "content-length": String(body.length) } as Record<string, string>;
  delete headers.host;
  return fetch(`${endpoint}${path}`, { method: "PUT", headers, body });
};
