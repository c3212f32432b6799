import stringWidth from "string-width";

/**
 * Code seen through a window `width` columns wide, scrolled `offset` columns to the right, the way
 * `less -S` shows it: a line is never wrapped (a wrapped line would copy as two), it is cut at
 * the window's edge, and a marker says where it goes on.
 */

/** Shown in the last column of a line that goes on to the right... */
export const CUT_RIGHT = "»";
/** ...and in the first column of one that has more to the left. */
export const CUT_LEFT = "«";

/** One terminal column: a character, or "" for the second half of a wide one. */
type Cell = string;

const cellsOf = (line: string): Cell[] =>
  Array.from(line).flatMap((char) => {
    const width = stringWidth(char);
    return width === 0 ? [] : width === 2 ? [char, ""] : [char];
  });

/** Columns a line takes on screen. */
export const lineWidth = (line: string): number => stringWidth(line);

/** How far the window can move right: until the widest line's end is in view. */
export const maxOffset = (lines: readonly string[], width: number): number =>
  Math.max(0, Math.max(0, ...lines.map(lineWidth)) - width);

/** The part of `line` in the window, with a marker wherever it is cut. */
export const viewLine = (line: string, offset: number, width: number): string => {
  const all = cellsOf(line);
  if (width <= 0) return "";
  const cells = all.slice(offset, offset + width);
  // Half a wide character at either edge shows as a space.
  if (cells[0] === "") cells[0] = " ";
  if (cells.length === width && all[offset + width] === "") cells[width - 1] = " ";
  const cutLeft = offset > 0 && all.length > 0;
  const cutRight = all.length > offset + width;
  const put = (index: number, marker: string) => {
    if (cells[index + 1] === "") cells[index + 1] = " ";
    if (cells[index] === "" && index > 0) cells[index - 1] = " ";
    cells[index] = marker;
  };
  if (cutLeft) {
    if (cells.length === 0) cells.push(CUT_LEFT);
    else put(0, CUT_LEFT);
  }
  if (cutRight) put(width - 1, CUT_RIGHT);
  return cells.join("");
};

/** Columns one press of ←/→ moves: half the window, so what was at one edge is still in view. */
export const scrollStep = (width: number): number => Math.max(4, Math.floor(width / 2));

/** Where one press of ← (`direction` -1) or → (+1) takes a window at `offset`, kept within 0…`limit`. */
export const stepSideways = (offset: number, direction: -1 | 1, limit: number, width: number): number =>
  Math.min(Math.max(0, Math.min(offset, limit) + direction * scrollStep(width)), limit);
