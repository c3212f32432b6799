import { Box, Text } from "ink";
import stringWidth from "string-width";
import { useWindowSize } from "../hooks/use-window-size";

export interface TextRowsProps {
  /** Rows already laid out (layoutLines): Ink must not wrap them again. */
  lines: readonly string[];
  /** The width they were laid out for. */
  width: number;
}

/**
 * Laid-out rows, each as it is: Ink would break a row wider than its box, splitting a long URL or
 * command. Such a row runs on past the text's width, up to the window's edge (less the screen's
 * one-column margin), and only what would not fit even there is cut, with "…".
 */
export const TextRows = ({ lines, width }: TextRowsProps) => {
  const { columns } = useWindowSize();
  const room = Math.max(width, columns - 2);
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => {
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
