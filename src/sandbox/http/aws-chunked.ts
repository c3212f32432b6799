import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "./exchange";

/**
 * The aws-chunked content encoding that current SDKs use for streaming uploads: each chunk is
 * `hex-size[;chunk-signature=sig]\r\n<bytes>\r\n`, a zero-size chunk ends the data, and trailing
 * headers (x-amz-checksum-*) may follow.
 */

export interface Chunk {
  data: Buffer;
  signature?: string;
}

export interface ChunkedPayload {
  body: Buffer;
  chunks: Chunk[];
  /** Trailing headers, names lower-cased, without x-amz-trailer-signature. */
  trailers: Record<string, string>;
  /** The text of the trailing headers as signed: `name:value\n` each. */
  trailerText: string;
  trailerSignature?: string;
}

export const STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
export const STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
export const STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

export const isAwsChunked = (request: SandboxRequest): boolean =>
  (header(request, "x-amz-content-sha256") ?? "").startsWith("STREAMING-") ||
  (header(request, "content-encoding") ?? "").split(",").some((coding) => coding.trim() === "aws-chunked");

export const incomplete = () => new ServiceError("IncompleteBody", 400, "The request body terminated unexpectedly");

const CRLF = Buffer.from("\r\n");

export const decodeAwsChunked = (raw: Buffer): ChunkedPayload => {
  const chunks: Chunk[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf(CRLF, at);
    if (lineEnd === -1) throw incomplete();
    const line = raw.subarray(at, lineEnd).toString("latin1");
    const [sizeText = "", ...extensions] = line.split(";");
    if (!/^[0-9a-fA-F]+$/.test(sizeText.trim())) throw incomplete();
    const size = Number.parseInt(sizeText.trim(), 16);
    const signature = extensions.find((ext) => ext.startsWith("chunk-signature="))?.slice("chunk-signature=".length);
    const start = lineEnd + 2;
    if (size === 0) {
      chunks.push({ data: Buffer.alloc(0), ...(signature ? { signature } : {}) });
      return { chunks, body: Buffer.concat(chunks.map((chunk) => chunk.data)), ...readTrailers(raw, start) };
    }
    if (start + size + 2 > raw.length || !raw.subarray(start + size, start + size + 2).equals(CRLF)) throw incomplete();
    chunks.push({ data: raw.subarray(start, start + size), ...(signature ? { signature } : {}) });
    at = start + size + 2;
  }
};

export const readTrailers = (raw: Buffer, from: number) => {
  const text = raw.subarray(from).toString("latin1");
  const trailers: Record<string, string> = {};
  let trailerText = "";
  let trailerSignature: string | undefined;
  for (const line of text.split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw incomplete();
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "x-amz-trailer-signature") {
      trailerSignature = value;
      continue;
    }
    trailers[name] = value;
    trailerText += `${name}:${value}\n`;
  }
  return { trailers, trailerText, ...(trailerSignature ? { trailerSignature } : {}) };
};
