import { Box, Text, type DOMElement } from "ink";
import { useRef } from "react";
import { layoutLines } from "../../text-layout";
import { useKeepInView } from "../scroll-area";
import { useTheme } from "../../theme";

/** A lesson step to go back to, with the missed points it teaches. */
export interface StudyRow {
  key: string;
  /** "Buckets live in a region, step 2: Claim a name". */
  where: string;
  points: readonly string[];
}

export interface StudyNextProps {
  rows: readonly StudyRow[];
  cursor: number;
  width: number;
}

/** The lesson steps that teach what was missed: ↑/↓ choose one, enter opens the lesson there. */
export const StudyNext = ({ rows, cursor, width }: StudyNextProps) => (
  <Box flexDirection="column">
    {rows.map((row, index) => (
      <StudyLine key={row.key} row={row} selected={index === cursor} width={width} />
    ))}
  </Box>
);

const StudyLine = ({ row, selected, width }: { row: StudyRow; selected: boolean; width: number }) => {
  const theme = useTheme();
  const line = useRef<DOMElement>(null);
  useKeepInView(line, selected);
  const textWidth = Math.max(10, width - 2);
  return (
    <Box ref={line} flexShrink={0}>
      <Box width={2} flexShrink={0}>
        <Text color={theme.accent}>{selected ? "❯" : " "}</Text>
      </Box>
      <Box flexDirection="column" width={textWidth} flexShrink={0}>
        <Text bold={selected} color={selected ? theme.accent : undefined}>
          {layoutLines(row.where, textWidth).join("\n")}
        </Text>
        {row.points.map((point) => (
          <Text key={point} color={theme.muted}>
            {layoutLines(`✗ ${point}`, textWidth - 2)
              .map((text) => `  ${text}`)
              .join("\n")}
          </Text>
        ))}
      </Box>
    </Box>
  );
};
