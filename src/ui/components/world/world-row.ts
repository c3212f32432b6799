/**
 * The world panel's rows as plain data: text pieces with a meaning (drawn in the theme's colour,
 * or not at all with NO_COLOR: every piece already says what it means in symbols and words).
 * One layout feeds both the Ink panel and the plain text `s3-tutor world` prints.
 */

export type Tone = "heading" | "muted" | "success" | "failure" | "warning" | "accent";

export interface Piece {
  text: string;
  tone?: Tone;
  bold?: boolean;
  /** Put before it when it follows another piece on a row (wrapPieces); " · " unless said. */
  sep?: string;
}

export type Row = Piece[];

/** Columns a piece of text takes (the panel's symbols are all one column wide). */
export const columns = (text: string): number => [...text].length;

export const rowWidth = (row: Row): number => row.reduce((sum, piece) => sum + columns(piece.text), 0);

/** Cut to `width` columns, with … where something was cut. */
export const cut = (text: string, width: number): string => {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0 ? "" : `${chars.slice(0, width - 1).join("")}…`;
};

/** The row cut to `width` columns, then padded with spaces to exactly `width`. */
export const fitRow = (row: Row, width: number): Row => {
  const out: Row = [];
  let left = width;
  for (const piece of row) {
    if (left <= 0) break;
    const text = columns(piece.text) > left ? cut(piece.text, left) : piece.text;
    out.push({ ...piece, text });
    left -= columns(text);
  }
  if (left > 0) out.push({ text: " ".repeat(left) });
  return out;
};

/**
 * Pieces laid out like words: on one row while they fit, each after its `sep`, the rest on rows
 * below starting at `indent`; a piece wider than a row is cut.
 */
export const wrapPieces = (pieces: readonly Piece[], width: number, indent = 0): Row[] => {
  const rows: Row[] = [];
  let row: Row = [];
  let used = 0;
  const room = Math.max(1, width - indent);
  for (const { sep = " · ", ...piece } of pieces) {
    const text = cut(piece.text, room);
    if (row.length > 0 && used + columns(sep) + columns(text) > room) {
      rows.push(row);
      row = [];
      used = 0;
    }
    if (row.length === 0) {
      if (indent > 0) row.push({ text: " ".repeat(indent) });
    } else {
      row.push({ text: sep, tone: "muted" });
      used += columns(sep);
    }
    row.push({ ...piece, text });
    used += columns(text);
  }
  if (row.length > 0) rows.push(row);
  return rows;
};

/** The rows as plain lines, trailing spaces trimmed (for a pipe, a file, a test). */
export const rowsAsText = (rows: readonly Row[]): string[] => rows.map((row) => row.map((piece) => piece.text).join("").replace(/\s+$/, ""));
