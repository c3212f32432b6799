import { Box, Text, type DOMElement } from "ink";
import { useRef } from "react";
import { layoutLines } from "../../text-layout";
import { useKeepInView } from "../scroll-area";
import { useTheme } from "../../theme";

/** A rubric point as the candidate scores it. */
export interface RubricRow {
  id: string;
  says: string;
  ticked: boolean;
  /** The cue in the typed answer that made the matcher suggest it, if it did. */
  cue?: string;
}

export interface RubricProps {
  rows: readonly RubricRow[];
  /** The row ↑/↓ are on (space ticks it); undefined when the rubric is only shown. */
  cursor?: number;
  width: number;
}

/** The columns before a point's text: "❯ 1 [x] ". */
const LEAD = 8;

/**
 * The points a strong answer makes, numbered (the number ticks or unticks one), [x] or [ ] so it
 * reads without colour; a point the matcher found is marked "seems covered" with the words that
 * matched, but the tick is the candidate's to keep or take off.
 */
export const Rubric = ({ rows, cursor, width }: RubricProps) => {
  const textWidth = Math.max(10, width - LEAD);
  return (
    <Box flexDirection="column">
      {rows.map((row, index) => (
        <RubricLine key={row.id} row={row} number={index + 1} selected={cursor === index} textWidth={textWidth} />
      ))}
    </Box>
  );
};

const RubricLine = ({ row, number, selected, textWidth }: { row: RubricRow; number: number; selected: boolean; textWidth: number }) => {
  const theme = useTheme();
  const line = useRef<DOMElement>(null);
  useKeepInView(line, selected);
  const says = layoutLines(row.says, textWidth);
  const why = row.cue !== undefined ? layoutLines(`seems covered — you said "${row.cue}"`, textWidth) : [];
  return (
    <Box ref={line} flexShrink={0}>
      <Box width={LEAD} flexShrink={0}>
        <Text color={theme.accent}>{selected ? "❯ " : "  "}</Text>
        <Text bold={selected}>{`${number} `}</Text>
        <Text bold color={row.ticked ? theme.success : theme.muted}>
          {row.ticked ? "[x]" : "[ ]"}
        </Text>
      </Box>
      <Box flexDirection="column" width={textWidth} flexShrink={0}>
        <Text bold={selected}>{says.join("\n")}</Text>
        {why.length > 0 ? <Text color={theme.accent}>{why.join("\n")}</Text> : null}
      </Box>
    </Box>
  );
};
