import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/content/utf8";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));

describe("reading lesson bytes as UTF-8", () => {
  it("accepts every valid sequence (1 to 4 bytes) and keeps a BOM for the schema-line check", () => {
    const text = "\uFEFFid: café 日本 😀\n";
    expect(decodeUtf8(Buffer.from(text))).toEqual({ text, invalid: [] });
  });

  it("finds each bad run once, at its line and column in the decoded text", () => {
    const read = decodeUtf8(bytes("ab\n😀x", [0xe9], "y\nz", [0xe2, 0x82], "!"));
    expect(read.invalid).toEqual([
      // "😀" is two UTF-16 units, as the YAML parser counts columns.
      { line: 2, column: 4, byte: 0xe9 },
      { line: 3, column: 2, byte: 0xe2 },
    ]);
    expect(read.text).toBe("ab\n😀x\uFFFDy\nz\uFFFD!");
  });

  it("rejects overlong forms, surrogates, code points past U+10FFFF and stray continuation bytes", () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80]]) {
      expect(decodeUtf8(bytes("k: ", bad)).invalid, bad.map((b) => b.toString(16)).join(" ")).toEqual([{ line: 1, column: 4, byte: bad[0] }]);
    }
  });
});
