import { describe, expect, it } from "vitest";
import {
  EMPTY_DRAFT,
  cursorPlace,
  deleteBack,
  deleteForward,
  draftRows,
  insertText,
  moveCursor,
  toLineEdge,
  toOtherLine,
  type AnswerDraft,
} from "../../src/ui/components/interview/answer-draft";

const typed = (text: string): AnswerDraft => insertText(EMPTY_DRAFT, text);

describe("editing a typed interview answer", () => {
  it("inserts at the cursor, deletes either side of it, and counts an emoji as one character", () => {
    let draft = typed("one regon");
    draft = moveCursor(draft, -2);
    draft = insertText(draft, "i");
    expect(draft).toEqual({ text: "one region", cursor: 8 });
    expect(deleteBack(draft)).toEqual({ text: "one regon", cursor: 7 });
    expect(deleteForward(draft)).toEqual({ text: "one regin", cursor: 8 });
    expect(deleteBack(moveCursor(draft, -100))).toEqual({ text: "one region", cursor: 0 });
    expect(deleteForward(moveCursor(draft, 100))).toEqual({ text: "one region", cursor: 10 });
    const emoji = typed("ok 👍");
    expect(emoji.cursor).toBe(4);
    expect(deleteBack(emoji)).toEqual({ text: "ok ", cursor: 3 });
  });

  it("home/end go to the edges of the cursor's line; ↑/↓ keep the column, or the end of a shorter line", () => {
    const draft = { text: "first line\nab\nthird line", cursor: 8 };
    expect(toLineEdge(draft, "start").cursor).toBe(0);
    expect(toLineEdge(draft, "end").cursor).toBe(10);
    const down = toOtherLine(draft, 1);
    expect(down.cursor).toBe(13);
    expect(toOtherLine(down, 1).cursor).toBe(16);
    expect(toOtherLine({ ...draft, cursor: 21 }, -1).cursor).toBe(13);
    expect(toOtherLine(draft, -1).cursor).toBe(0);
    expect(toOtherLine({ ...draft, cursor: 15 }, 1).cursor).toBe(24);
  });
});

describe("laying the answer out in rows", () => {
  it("wraps by words (a space at the edge stays on its row), breaks a word longer than the row, and keeps each line's break", () => {
    expect(draftRows("each bucket lives in one region", 12).map((row) => row.text)).toEqual(["each bucket ", "lives in one ", "region"]);
    expect(draftRows("aaaaaaaaaaaaaaa", 6).map((row) => row.text)).toEqual(["aaaaaa", "aaaaaa", "aaa"]);
    expect(draftRows("one\n\ntwo", 10)).toEqual([
      { start: 0, text: "one" },
      { start: 4, text: "" },
      { start: 5, text: "two" },
    ]);
    expect(draftRows("", 10)).toEqual([{ start: 0, text: "" }]);
  });

  it("puts the cursor on exactly one row: after a wrapped row's last space it starts the next", () => {
    const rows = draftRows("each bucket lives", 12);
    expect(cursorPlace(rows, 0)).toEqual({ row: 0, column: 0 });
    expect(cursorPlace(rows, 12)).toEqual({ row: 1, column: 0 });
    expect(cursorPlace(rows, 17)).toEqual({ row: 1, column: 5 });
    const lines = draftRows("one\ntwo", 10);
    expect(cursorPlace(lines, 3)).toEqual({ row: 0, column: 3 });
    expect(cursorPlace(lines, 4)).toEqual({ row: 1, column: 0 });
  });
});
