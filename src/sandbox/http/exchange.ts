import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import type { CredentialLookup } from "../auth/identity";

/**
 * The body of an upload (PutObject, UploadPart), not read yet: the handler streams it to disk
 * once it has checked what can be checked without it (so a refused upload is never sent).
 */
export interface IncomingBody {
  /** The raw bytes as they arrive; 100-continue is answered when this is first called. Once only. */
  raw(): AsyncIterable<Buffer>;
  /** Every byte of the body has been read. */
  readonly complete: boolean;
}

/** A request as the sandbox sees it: its body read whole, or (an upload) still to be streamed. */
export interface SandboxRequest {
  readonly method: string;
  /** The path exactly as sent on the wire (still percent-encoded); SigV4 for S3 signs it as is. */
  readonly rawPath: string;
  /** The path percent-decoded. */
  readonly path: string;
  /** Query parameters, decoded, in wire order; a name may repeat. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: IncomingHttpHeaders;
  /** The whole body; empty for an upload, whose body is `upload`. */
  readonly body: Buffer;
  readonly upload?: IncomingBody;
  readonly requestId: string;
  readonly hostId: string;
  readonly receivedAt: Date;
  /** The sandbox's access keys (SandboxOptions.credentials); absent: the 12-digit convention. */
  readonly credentials?: CredentialLookup;
}

/** What a handler answers; the server adds the request id headers and writes it. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** A Readable is piped out (an object's bytes from disk); set content-length for it. */
  body?: Buffer | string | Readable;
}

export const header = (request: SandboxRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
};

export const queryValue = (request: SandboxRequest, name: string): string | undefined =>
  request.query.find(([key]) => key === name)?.[1];

export const hasQuery = (request: SandboxRequest, name: string): boolean =>
  request.query.some(([key]) => key === name);
