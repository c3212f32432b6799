/**
 * Request-controlled text (method, path, operation, keys, regions) made safe for one log line
 * on a terminal: control characters (C0, DEL, C1 — ESC and CSI start terminal escapes, CR and LF
 * fake new lines), Unicode line separators and bidirectional overrides are written as escapes,
 * and so is the backslash, so an escape in the log always means one was made here.
 */
export const quoteForLog = (text: string): string => text.replace(UNSAFE, escapeOne);

const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeOne = (char: string): string => {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};
