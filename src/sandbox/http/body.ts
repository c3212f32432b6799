import type { IncomingMessage } from "node:http";
import { ServiceError } from "../errors";

/** Fewer bytes arrived than Content-Length (or x-amz-decoded-content-length) declared. */
export const incompleteBody = () =>
  new ServiceError("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");

export const entityTooLarge = (proposed: number, max: number) =>
  new ServiceError("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size", {
    ProposedSize: proposed,
    MaxSizeAllowed: max,
  });

/** A declared Content-Length over the limit fails before a byte of the body is read. */
export const declaredLength = (request: IncomingMessage): number | undefined => {
  const raw = request.headers["content-length"];
  if (raw === undefined) return undefined;
  const length = Number(raw);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
};

/** Reads the whole body, refusing more than `max` bytes; rejects if the client goes away. */
export const readBody = (request: IncomingMessage, max: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = declaredLength(request);
    if (declared !== undefined && declared > max) {
      reject(entityTooLarge(declared, max));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > max) {
        fail(entityTooLarge(received, max));
        request.pause();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, received));
    };
    const onAborted = () => fail(new Error("client closed the connection before sending the whole body"));
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", fail);
      request.off("aborted", onAborted);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", fail);
    request.on("aborted", onAborted);
  });
