import { ServiceError } from "../errors";
import { header, type SandboxRequest } from "./exchange";

/**
 * The aws-chunked content encoding that current SDKs use for streaming uploads: each chunk is
 * `hex-size[;chunk-signature=sig]\r\n<bytes>\r\n`, a zero-size chunk ends the data, and trailing
 * headers (x-amz-checksum-*) may follow. Decoded as it arrives by aws-chunked-stream.ts.
 */

export const STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
export const STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
export const STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

export const isAwsChunked = (request: SandboxRequest): boolean =>
  (header(request, "x-amz-content-sha256") ?? "").startsWith("STREAMING-") ||
  (header(request, "content-encoding") ?? "").split(",").some((coding) => coding.trim() === "aws-chunked");

export const incomplete = () => new ServiceError("IncompleteBody", 400, "The request body terminated unexpectedly");

/** The trailing headers after the last chunk: names lower-cased, and the text as signed (`name:value\n` each). */
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
