import { Box, Text } from "ink";
import type { WorldSnapshot } from "../../../targets/world/world-snapshot";
import { useTheme, type Theme } from "../../theme";
import { worldRows } from "./world-layout";
import type { Row, Tone } from "./world-row";

export interface WorldPanelProps {
  /** Undefined until the first read has come back. */
  snapshot?: WorldSnapshot;
  /** Why the last read failed, said under the last picture (which stays). */
  error?: string;
  width: number;
  /** Beside a step the panel has the step's height: rows past it are cut, and the cut is said. */
  maxRows?: number;
}

const colourOf = (theme: Theme, tone: Tone | undefined): string | undefined => (tone ? theme[tone] : undefined);

const RowText = ({ row }: { row: Row }) => {
  const theme = useTheme();
  // A row is already cut to the width: Ink must not wrap it again.
  return (
    <Text wrap="truncate-end">
      {row.length === 0
        ? " "
        : row.map((piece, index) => {
            const color = colourOf(theme, piece.tone);
            return (
              <Text key={index} bold={piece.bold === true} {...(color ? { color } : {})}>
                {piece.text}
              </Text>
            );
          })}
    </Text>
  );
};

/** The target's S3 world drawn from a snapshot: Regions as columns (or one under another). */
export const WorldPanel = ({ snapshot, error, width, maxRows }: WorldPanelProps) => {
  const theme = useTheme();
  const rows = snapshot ? worldRows(snapshot, width) : [];
  const room = maxRows === undefined ? rows.length : Math.max(1, maxRows - (error ? 1 : 0));
  const shown = rows.length > room ? rows.slice(0, room - 1) : rows;
  return (
    <Box flexDirection="column" width={width}>
      {snapshot ? (
        shown.map((row, index) => <RowText key={index} row={row} />)
      ) : (
        <Text color={theme.muted}>{error ? "S3 world: nothing read yet." : "S3 world: reading…"}</Text>
      )}
      {shown.length < rows.length ? (
        <Text color={theme.muted} wrap="truncate-end">{`↓ ${rows.length - shown.length} more rows: s3-tutor world --watch shows them all`}</Text>
      ) : null}
      {error ? (
        <Text color={theme.failure} wrap="wrap">
          {`✗ ${error}`}
        </Text>
      ) : null}
    </Box>
  );
};
