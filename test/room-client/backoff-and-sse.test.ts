import { describe, expect, it } from "vitest";
import { Backoff } from "../../src/room-client/backoff";
import { SseParser } from "../../src/room-client/sse-parser";

describe("the wait between retries", () => {
  it("doubles from 1 s up to 30 s, and starts over after a success", () => {
    const backoff = new Backoff();
    expect(Array.from({ length: 7 }, () => backoff.next())).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });
});

describe("reading server-sent events", () => {
  it("finds events split anywhere across chunks, with CRLF, comments and several data lines", () => {
    const parser = new SseParser();
    const text = ': keep-alive\r\n\r\nevent: pacing\r\ndata: {"openBlocks":\r\ndata: ["a"]}\r\n\r\ndata: plain\n\n';
    const found = [];
    for (let at = 0; at < text.length; at += 3) found.push(...parser.push(text.slice(at, at + 3)));
    expect(found).toEqual([
      { event: "pacing", data: '{"openBlocks":\n["a"]}' },
      { event: "message", data: "plain" },
    ]);
  });
});
