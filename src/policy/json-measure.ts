/**
 * How deep a JSON text nests and how many UTF-8 bytes it holds without insignificant white
 * space, in one pass and without parsing it: the bounds a policy is checked against must not
 * cost more than the text's length (re-serialising a document nested 6,000 deep overflowed the stack).
 * The text need not be valid JSON; on broken text the figures are merely approximate.
 */
export const measureJson = (text: string): { depth: number; compactBytes: number } => {
  let depth = 0;
  let deepest = 0;
  let compactBytes = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      compactBytes += utf8Length(code);
      if (code === BACKSLASH) {
        i++; // the escaped character cannot end the string
        compactBytes += 1;
      } else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === SPACE || code === TAB || code === LF || code === CR) continue;
    compactBytes += utf8Length(code);
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return { depth: deepest, compactBytes };
};

const [SPACE, TAB, LF, CR, QUOTE, BACKSLASH] = [0x20, 0x09, 0x0a, 0x0d, 0x22, 0x5c];
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [0x7b, 0x7d, 0x5b, 0x5d];

/** UTF-8 bytes for one UTF-16 code unit; the two halves of a surrogate pair make 4 together. */
const utf8Length = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3);
