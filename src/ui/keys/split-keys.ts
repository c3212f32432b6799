const ESC = "\u001B";

/** A CSI sequence's final byte (ESC [ … final): @ to ~. */
const isFinalByte = (code: number) => code >= 0x40 && code <= 0x7e;

/**
 * The length of the escape sequence at `start` (which holds ESC): CSI (ESC [ params final, with
 * the legacy ESC [ [ A form), SS3 (ESC O x), meta + a sequence (ESC ESC [ …), or meta + one
 * character. A sequence cut off at the end of the chunk is kept whole as far as it goes; Ink's
 * own parser waits for the rest.
 */
const escapeLength = (chunk: string, start: number): number => {
  const next = chunk[start + 1];
  if (next === undefined) return 1;
  if (next === ESC) return 1 + escapeLength(chunk, start + 1);
  if (next === "O") return Math.min(3, chunk.length - start);
  if (next !== "[") return 1 + (chunk.codePointAt(start + 1)! > 0xffff ? 2 : 1);
  let index = start + 2;
  if (chunk[index] === "[") index += 1;
  for (; index < chunk.length; index += 1) {
    if (isFinalByte(chunk.charCodeAt(index))) return index + 1 - start;
  }
  return chunk.length - start;
};

/**
 * One chunk of terminal input as the keys it holds, in order: a paste, fast typing or
 * `tmux send-keys "2020" Enter` arrives as one chunk ("2020\r"), which Ink would hand over as a
 * single input whose Enter no handler sees. Each character is a key; escape sequences (arrows,
 * PgDn) stay whole.
 */
export const splitKeys = (chunk: string): string[] => {
  const keys: string[] = [];
  let index = 0;
  while (index < chunk.length) {
    const length = chunk[index] === ESC ? escapeLength(chunk, index) : chunk.codePointAt(index)! > 0xffff ? 2 : 1;
    keys.push(chunk.slice(index, index + length));
    index += length;
  }
  return keys;
};
