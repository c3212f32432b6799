import type { Position } from "./problem";

/**
 * Text from a file's bytes, and where they are not UTF-8. Node's decoder silently turns such
 * bytes into U+FFFD, so a lesson saved as Latin-1 would show "Caf�" to learners; validate reports
 * each bad run of bytes where it is instead.
 */

export interface InvalidUtf8 extends Position {
  /** The first byte that is not UTF-8, e.g. 0xE9. */
  byte: number;
}

const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** The length of the valid UTF-8 sequence at `i`, or 0 (the rules of RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
const sequenceAt = (bytes: Uint8Array, i: number): number => {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 0;
  const second = bytes[i + 1];
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return 0;
  return length;
};

/** Byte offsets where a run of bytes that are not UTF-8 starts. */
const invalidOffsets = (bytes: Uint8Array): number[] => {
  const offsets: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    offsets.push(i);
    // The stray continuation bytes after a bad lead belong to the same mistake.
    for (i++; i < bytes.length && isContinuation(bytes[i]) && sequenceAt(bytes, i) === 0; i++);
  }
  return offsets;
};

/** The text of bytes as content files are read: a leading BOM kept, each byte that is not UTF-8 as U+FFFD. */
export const utf8Text = (bytes: Uint8Array): string => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/** The text as the YAML parser sees it (a leading BOM kept, as readFile keeps it), and every place that is not UTF-8. */
export const decodeUtf8 = (bytes: Uint8Array): { text: string; invalid: InvalidUtf8[] } => {
  const invalid = invalidOffsets(bytes).map((offset) => {
    const before = utf8Text(bytes.subarray(0, offset));
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: before.length - lineStart + 1, byte: bytes[offset] as number };
  });
  return { text: utf8Text(bytes), invalid };
};

export const invalidUtf8Message = (byte: number): string =>
  `not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}): save the file as UTF-8`;
