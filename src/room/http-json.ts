import type { IncomingMessage, ServerResponse } from "node:http";
import type { RoomErrorBody, RoomErrorCode } from "./protocol";

/** A refusal the API answers as RoomErrorBody: a status, a stable code and a sentence. */
export class RoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: RoomErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The request cannot be trusted to end where it should (a body too big or too slow): close the connection. */
    readonly closeConnection = false,
  ) {
    super(message);
    this.name = "RoomApiError";
  }
}

export const badRequest = (message: string) => new RoomApiError(400, "BadRequest", message);

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(text);
};

/** Answers a failure; anything but a RoomApiError is a room bug, said as 500 Internal without details. */
export const sendError = (response: ServerResponse, error: unknown): void => {
  const failure =
    error instanceof RoomApiError ? error : new RoomApiError(500, "Internal", "The room failed to answer this request; try again.");
  const body: RoomErrorBody = { error: { code: failure.code, message: failure.message } };
  sendJson(response, failure.status, body, { ...failure.headers, ...(failure.closeConnection ? { connection: "close" } : {}) });
};

/**
 * Reads a JSON body of at most `maxBytes`, within `timeoutMs`: a declared length over the limit is
 * refused before a byte is read (and before 100-continue), a body that grows past it as soon as it
 * does, a slow one when time is up.
 */
export const readJsonBody = (
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
  timeoutMs: number,
  /** What to do about a body too large, said after the limit ("send fewer events at a time"). */
  tooLargeHint = "",
): Promise<unknown> => {
  const tooLarge = () =>
    new RoomApiError(413, "TooLarge", `The request body is larger than the room accepts (${Math.round(maxBytes / 1024)} KiB)${tooLargeHint ? `; ${tooLargeHint}` : ""}.`, {}, true);
  const declared = request.headers["content-length"];
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) {
    return Promise.reject(tooLarge());
  }
  if (request.headers.expect?.toLowerCase() === "100-continue") response.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: RoomApiError | undefined, value?: unknown) => {
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("close", onClose);
      if (error) {
        request.resume(); // whatever else comes is discarded; the connection closes after the answer
        reject(error);
      } else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") return finish(badRequest("The request needs a JSON body."));
      try {
        finish(undefined, JSON.parse(text));
      } catch {
        finish(badRequest("The request body is not valid JSON."));
      }
    };
    const onError = () => finish(new RoomApiError(400, "BadRequest", "The request body was cut short.", {}, true));
    const onClose = () => {
      if (!request.complete) onError();
    };
    const timer = setTimeout(
      () => finish(new RoomApiError(408, "BadRequest", `The request body did not arrive within ${Math.round(timeoutMs / 1000)} s.`, {}, true)),
      timeoutMs,
    );
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("close", onClose);
  });
};
