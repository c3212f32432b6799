import { Box } from "ink";
import { RowLine, type Row } from "./segments";

/** The first row shown for a scroll `offset`, kept where it can still fill the view. */
export const clampOffset = (offset: number, total: number, height: number): number =>
  total <= height ? 0 : Math.max(0, Math.min(offset, total - (height - 1)));

export interface ParticipantListProps {
  rows: readonly Row[];
  offset: number;
  height: number;
  width: number;
}

/**
 * The participants' rows in `height` rows: when they do not all fit, the last row says how many
 * more there are and how to reach them.
 */
export const ParticipantList = ({ rows, offset, height, width }: ParticipantListProps) => {
  if (height <= 0) return null;
  const overflowing = rows.length > height;
  const first = clampOffset(offset, rows.length, height);
  let shown = rows.slice(first, first + (overflowing ? height - 1 : rows.length));
  // A stuck participant's name without the why under it would read as nothing wrong.
  if (shown.length > 1 && shown.at(-1)?.keepWithNext && first + shown.length < rows.length) shown = shown.slice(0, -1);
  const below = rows.length - first - shown.length;
  const more: Row = [
    { text: below > 0 ? `↓ ${below} more, ↑/↓` : "↓ end of the list, ↑/↓", tone: "muted" },
    ...(first > 0 ? [{ text: ` · ↑ ${first} above`, tone: "muted" as const }] : []),
  ];
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((row, index) => (
        <RowLine key={first + index} row={row} width={width} />
      ))}
      {overflowing ? <RowLine row={more} width={width} /> : null}
    </Box>
  );
};
