import { Box, Text, useInput, useStdout } from "ink";
import { useEffect, useRef, useState } from "react";
import { useServices } from "../../app-context";
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from "../../keys/bracketed-paste";
import { useTheme } from "../../theme";
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
} from "./answer-draft";

export interface AnswerAreaProps {
  /** Columns for the text (the prompt's two more come on top). */
  width: number;
  /** The most rows the text shows at once: longer, it follows the cursor. */
  rows: number;
  isActive: boolean;
  /** Enter: the text as typed (empty when the candidate answered out loud). */
  onDone: (text: string) => void;
}

const PROMPT = "❯ ";

/**
 * A multi-line answer box: letters are text (not quit or help) while it has the keys; enter is
 * done, ctrl+j (or alt+enter) starts a new line, ←/→/↑/↓, home/end, backspace and delete edit; a
 * paste is text, its line breaks new lines.
 */
export const AnswerArea = ({ width, rows, isActive, onDone }: AnswerAreaProps) => {
  const { setTextEntry } = useServices();
  const theme = useTheme();
  const [draft, setDraft] = useState<AnswerDraft>(EMPTY_DRAFT);
  // Keys come one by one, each after the last one's render; a ref keeps a fast typist's every key.
  const latest = useRef(draft);
  const edit = (change: (current: AnswerDraft) => AnswerDraft) => {
    latest.current = change(latest.current);
    setDraft(latest.current);
  };

  useEffect(() => {
    setTextEntry(isActive);
    return () => setTextEntry(false);
  }, [isActive, setTextEntry]);

  // While the box has the keys, the terminal marks pastes, so a pasted answer of several lines
  // arrives as text (its line breaks new lines) and is not sent at its first line break.
  const { stdout } = useStdout();
  useEffect(() => {
    if (!isActive || !stdout.isTTY) return undefined;
    stdout.write(BRACKETED_PASTE_ON);
    return () => void stdout.write(BRACKETED_PASTE_OFF);
  }, [isActive, stdout]);

  useInput(
    (input, key) => {
      if (key.return && !key.meta) return onDone(latest.current.text.trim());
      // ctrl+j arrives as a line feed; alt+enter as ESC CR (Ink: return with meta).
      if (input === "\n" || (key.return && key.meta)) return edit((current) => insertText(current, "\n"));
      if (key.backspace) return edit(deleteBack);
      if (key.delete) return edit(deleteForward);
      if (key.leftArrow) return edit((current) => moveCursor(current, -1));
      if (key.rightArrow) return edit((current) => moveCursor(current, 1));
      if (key.upArrow) return edit((current) => toOtherLine(current, -1));
      if (key.downArrow) return edit((current) => toOtherLine(current, 1));
      if (key.home) return edit((current) => toLineEdge(current, "start"));
      if (key.end) return edit((current) => toLineEdge(current, "end"));
      if (key.ctrl || key.meta || key.escape || key.tab || key.pageUp || key.pageDown || !input) return;
      edit((current) => insertText(current, input.replace(/\r/g, "\n")));
    },
    { isActive },
  );

  // One column kept free, so the cursor after a full row's last character still fits on it.
  const textWidth = Math.max(10, width - PROMPT.length - 1);
  const laidOut = draftRows(draft.text, textWidth);
  const place = cursorPlace(laidOut, draft.cursor);
  // The rows that follow the cursor; once scrolled, the "↑ more" line takes one of them.
  const firstFor = (room: number) => Math.max(0, Math.min(place.row - room + 1, laidOut.length - room));
  const room = firstFor(rows) > 0 ? Math.max(1, rows - 1) : rows;
  const first = firstFor(room);
  const shown = laidOut.slice(first, first + room);
  return (
    <Box flexDirection="column">
      {first > 0 ? <Text color={theme.muted}>{`  ↑ ${first} more line${first === 1 ? "" : "s"}`}</Text> : null}
      {shown.map((row, index) => {
        const at = first + index;
        const chars = Array.from(row.text);
        const cursorHere = isActive && at === place.row;
        return (
          <Text key={at}>
            <Text color={theme.accent}>{at === 0 ? PROMPT : "  "}</Text>
            {cursorHere ? (
              <>
                {chars.slice(0, place.column).join("")}
                <Text inverse>{chars[place.column] ?? " "}</Text>
                {chars.slice(place.column + 1).join("")}
              </>
            ) : (
              row.text
            )}
          </Text>
        );
      })}
    </Box>
  );
};
