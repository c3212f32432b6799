import type { IncomingHttpHeaders } from "node:http";

/** A request as the sandbox sees it once the whole body has been read. */
export interface SandboxRequest {
  readonly method: string;
  /** The path exactly as sent on the wire (still percent-encoded); SigV4 for S3 signs it as is. */
  readonly rawPath: string;
  /** The path percent-decoded. */
  readonly path: string;
  /** Query parameters, decoded, in wire order; a name may repeat. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly requestId: string;
  readonly hostId: string;
  readonly receivedAt: Date;
}

/** What a handler answers; the server adds the request id headers and writes it. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export const header = (request: SandboxRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
};

export const queryValue = (request: SandboxRequest, name: string): string | undefined =>
  request.query.find(([key]) => key === name)?.[1];

export const hasQuery = (request: SandboxRequest, name: string): boolean =>
  request.query.some(([key]) => key === name);
