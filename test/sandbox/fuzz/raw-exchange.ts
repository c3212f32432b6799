import { connect } from "node:net";

/** How one raw request ended, from the client's side. */
export interface ExchangeOutcome {
  /** The status of the answer, or undefined when none came. */
  status?: number;
  /** The connection was closed (by either side, after the answer or instead of one). */
  closed: boolean;
  /** Nothing settled within the bound: the sandbox hung. */
  timedOut: boolean;
  ms: number;
  /** The answer's first bytes, for a report when something looks wrong. */
  head: string;
}

/**
 * Writes `payload` to a fresh connection and waits, at most `boundMs`, for a whole answer
 * (status line, headers, Content-Length bytes) or, when the request said Connection: close,
 * for the server to close the connection too. A client that announced more body than it sent
 * half-closes, as a client giving up does.
 */
export const exchange = (
  port: number,
  payload: Buffer,
  options: { truncated: boolean; boundMs: number; connectionClose: boolean },
): Promise<ExchangeOutcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let settled = false;
    const settle = (closed: boolean, timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = finalAnswer(Buffer.concat(received).toString("latin1"));
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      socket.destroy();
      resolve({ ...(status ? { status: Number(status) } : {}), closed, timedOut, ms: performance.now() - started, head: text.slice(0, 600) });
    };
    const timer = setTimeout(() => settle(false, true), options.boundMs);
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      // A keep-alive answer is whole once its Content-Length bytes are in.
      const text = finalAnswer(Buffer.concat(received).toString("latin1"));
      const end = text.indexOf("\r\n\r\n");
      if (end === -1) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
      const isHead = payload.subarray(0, 5).toString("latin1") === "HEAD ";
      const whole = length !== undefined && (isHead || text.length - end - 4 >= Number(length));
      if (whole && !options.connectionClose) settle(false, false);
    });
    socket.on("error", () => settle(true, false));
    socket.on("close", () => settle(true, false));
    socket.write(payload, () => {
      if (options.truncated) socket.end();
    });
  });

/** What follows any interim 100 Continue: that is no answer yet. */
const finalAnswer = (text: string): string => text.replace(/^(HTTP\/1\.1 100 Continue\r\n\r\n)+/, "");
