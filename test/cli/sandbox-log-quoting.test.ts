import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { quoteForLog } from "../../src/cli/log-text";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";

// Whoever can reach the sandbox's port chooses the method, path and IAM Action it logs: none of
// that may write a line of its own or a terminal escape into `s3-tutor sandbox`'s output.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("quoteForLog", () => {
  it.each([
    ["a\nb", "a\\nb"],
    ["\u001b[2J", "\\x1b[2J"],
    ["\u009b31m", "\\x9b31m"],
    ["a\r\n12:00:00  GET", "a\\r\\n12:00:00  GET"],
    ["rtl\u202eexe.txt", "rtl\\u202eexe.txt"],
    ["back\\slash", "back\\\\slash"],
    ["plain/key é €", "plain/key é €"],
  ])("%j is logged as %j", (text, logged) => {
    expect(quoteForLog(text)).toBe(logged);
  });
});

/** Sends raw bytes and waits for the connection to close (the request is then logged). */
const sendRaw = (port: number, payload: Buffer): Promise<void> =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("data", () => undefined);
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    socket.setTimeout(5_000, () => socket.destroy());
    socket.end(payload);
  });

describe("s3-tutor sandbox's request log", () => {
  it("quotes what an unauthenticated request puts in it: one line per request, no escape codes", { timeout: 30_000 }, async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0"]);
    const done = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/, 20_000);
    const port = Number(/Endpoint\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);

    const fakeLine = "Fake\n12:00:00  DELETE  DeleteBucket  111111111111  us-east-1  204  1ms  /everything\u001b[2J\u009b31m";
    const form = `Action=${encodeURIComponent(fakeLine)}&Version=2010-05-08`;
    await sendRaw(
      port,
      Buffer.from(
        `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\nConnection: close\r\n\r\n${form}`,
      ),
    );
    // A path with a C1 control byte (CSI) and a right-to-left override, as raw bytes on the wire.
    await sendRaw(
      port,
      Buffer.concat([Buffer.from("GET /bucket/"), Buffer.from([0x9b]), Buffer.from("31mkey\u202e HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "utf8")]),
    );
    await sendRaw(port, Buffer.from("GET /last-request HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const log = await waitForOutput(child, /\/last-request/, 10_000);
    child.kill("SIGTERM");
    const result = await done;

    const requestLines = log.slice(log.indexOf("Press Ctrl-C to stop")).split("\n").slice(1).filter(Boolean);
    expect(requestLines.some((line) => line.includes("Fake\\n12:00:00  DELETE"))).toBe(true);
    expect(requestLines.some((line) => line.includes("\\x1b[2J"))).toBe(true);
    expect(requestLines.filter((line) => /^\d\d:\d\d:\d\d {2}/.test(line))).toHaveLength(requestLines.length);
    expect(requestLines.some((line) => line.includes("DeleteBucket") && !line.includes("Fake"))).toBe(false);
    for (const line of requestLines) expect(line).not.toMatch(TERMINAL_UNSAFE);
    expect(result.stderr).not.toMatch(TERMINAL_UNSAFE);
  });
});
