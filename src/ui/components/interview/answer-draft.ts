/**
 * The typed answer being edited: its text and where the cursor is, counted in characters (code
 * points, so an emoji is one step), and the edits a key makes. Pure, so the text area's rules are
 * tested without a terminal.
 */
export interface AnswerDraft {
  text: string;
  cursor: number;
}

export const EMPTY_DRAFT: AnswerDraft = { text: "", cursor: 0 };

const chars = (text: string): string[] => Array.from(text);

export const insertText = (draft: AnswerDraft, typed: string): AnswerDraft => {
  const all = chars(draft.text);
  const added = chars(typed);
  all.splice(draft.cursor, 0, ...added);
  return { text: all.join(""), cursor: draft.cursor + added.length };
};

/** Backspace: the character before the cursor goes. */
export const deleteBack = (draft: AnswerDraft): AnswerDraft => {
  if (draft.cursor === 0) return draft;
  const all = chars(draft.text);
  all.splice(draft.cursor - 1, 1);
  return { text: all.join(""), cursor: draft.cursor - 1 };
};

/** Delete: the character under the cursor goes. */
export const deleteForward = (draft: AnswerDraft): AnswerDraft => {
  const all = chars(draft.text);
  if (draft.cursor >= all.length) return draft;
  all.splice(draft.cursor, 1);
  return { text: all.join(""), cursor: draft.cursor };
};

export const moveCursor = (draft: AnswerDraft, by: number): AnswerDraft => ({
  ...draft,
  cursor: Math.min(Math.max(0, draft.cursor + by), chars(draft.text).length),
});

/** The start and end (exclusive) of the line the cursor is on. */
const lineAround = (all: readonly string[], cursor: number): [number, number] => {
  let start = cursor;
  while (start > 0 && all[start - 1] !== "\n") start -= 1;
  let end = cursor;
  while (end < all.length && all[end] !== "\n") end += 1;
  return [start, end];
};

/** Home/end: to the start or the end of the cursor's line. */
export const toLineEdge = (draft: AnswerDraft, edge: "start" | "end"): AnswerDraft => {
  const [start, end] = lineAround(chars(draft.text), draft.cursor);
  return { ...draft, cursor: edge === "start" ? start : end };
};

/** ↑/↓: the same column of the line above or below (or its end, when shorter). */
export const toOtherLine = (draft: AnswerDraft, direction: -1 | 1): AnswerDraft => {
  const all = chars(draft.text);
  const [start, end] = lineAround(all, draft.cursor);
  const column = draft.cursor - start;
  if (direction < 0) {
    if (start === 0) return { ...draft, cursor: 0 };
    const [aboveStart, aboveEnd] = lineAround(all, start - 1);
    return { ...draft, cursor: Math.min(aboveStart + column, aboveEnd) };
  }
  if (end === all.length) return { ...draft, cursor: all.length };
  const [belowStart, belowEnd] = lineAround(all, end + 1);
  return { ...draft, cursor: Math.min(belowStart + column, belowEnd) };
};

/** One row on screen: the characters from `start` (an index into the text) it shows. */
export interface DraftRow {
  start: number;
  text: string;
}

/**
 * The draft in rows of at most `width` characters: each line of it wrapped by words (a row ends
 * after the last space that fits; a word wider than the row is cut), so that every character,
 * the cursor's included, has exactly one place on screen.
 */
export const draftRows = (text: string, width: number): DraftRow[] => {
  const all = chars(text);
  const rows: DraftRow[] = [];
  let lineStart = 0;
  for (;;) {
    let lineEnd = lineStart;
    while (lineEnd < all.length && all[lineEnd] !== "\n") lineEnd += 1;
    let start = lineStart;
    do {
      let end = Math.min(lineEnd, start + width);
      if (end < lineEnd && all[end] !== " ") {
        const lastSpace = all.lastIndexOf(" ", end - 1);
        if (lastSpace >= start) end = lastSpace + 1;
      }
      rows.push({ start, text: all.slice(start, end).join("") });
      start = end;
    } while (start < lineEnd);
    if (lineEnd >= all.length) break;
    lineStart = lineEnd + 1;
  }
  return rows;
};

/** Where the cursor stands among the rows: a full row's end puts it at the start of the next. */
export const cursorPlace = (rows: readonly DraftRow[], cursor: number): { row: number; column: number } => {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index]!;
    if (cursor >= row.start) return { row: index, column: cursor - row.start };
  }
  return { row: 0, column: 0 };
};
