import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import stringWidth from "string-width";
import { maxOffset, stepSideways, viewLine } from "../code-viewport";
import { useWindowSize } from "../hooks/use-window-size";
import { commandFor } from "../keys/bindings";
import { plain } from "../text";
import { UNWRAPPED } from "../text-layout";

export interface TextRowsProps {
  /** Rows already laid out (layoutLines): Ink must not wrap them again. */
  lines: readonly string[];
  /** The width they were laid out for. */
  width: number;
  /** Whether ←/→ scroll code and tables sideways here (only where no other view takes them). */
  sideways?: boolean;
}

/**
 * Laid-out rows, each as it is: Ink would break a row wider than its box, splitting a long URL or
 * command. Such a row runs on past the text's width, up to the window's edge (less the screen's
 * one-column margin), and only what would not fit even there is cut, with "…". Code and table
 * rows are never wrapped or cut that way: like the code view, they stop at the edge with » and
 * ←/→ scroll them sideways.
 */
export const TextRows = ({ lines, width, sideways = false }: TextRowsProps) => {
  const { columns } = useWindowSize();
  const room = Math.max(width, columns - 2);
  const code = lines.filter((line) => line.startsWith(UNWRAPPED)).map((line) => plain(line.slice(UNWRAPPED.length)));
  const limit = maxOffset(code, width);
  const [offset, setOffset] = useState(0);
  const at = Math.min(offset, limit);
  // Keys can arrive before Ink re-binds this handler: read the latest limit.
  const latestLimit = useRef(limit);
  latestLimit.current = limit;
  useInput(
    (input, key) => {
      if (commandFor("lesson", input, key) !== "codeScroll") return;
      setOffset((current) => stepSideways(current, key.leftArrow ? -1 : 1, latestLimit.current, width));
    },
    { isActive: sideways && limit > 0 },
  );
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => {
        if (line.startsWith(UNWRAPPED)) {
          // Plain: a colour code cut in half by the window would run on into the next row.
          return (
            <Text key={index} wrap="truncate-end">
              {viewLine(plain(line.slice(UNWRAPPED.length)), at, width) || " "}
            </Text>
          );
        }
        const wide = stringWidth(line);
        return wide <= width ? (
          <Text key={index}>{line || " "}</Text>
        ) : (
          <Box key={index} width={Math.min(wide, room)} flexShrink={0}>
            <Text wrap="truncate-end">{line}</Text>
          </Box>
        );
      })}
    </Box>
  );
};
