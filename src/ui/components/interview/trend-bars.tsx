import { Box, Text } from "ink";
import { localDay } from "../../../engine/local-days";
import { useTheme } from "../../theme";

/** One interview on the trend: when it was and its score. */
export interface TrendBar {
  /** ISO time; shown as the learner's own calendar date. */
  at: string;
  percent: number;
  /** This interview, marked "now". */
  current?: boolean;
}

export interface TrendBarsProps {
  bars: readonly TrendBar[];
  /** Columns for the whole row: the date, the bar and the percentage. */
  width: number;
  /** The most interviews shown (the latest ones). */
  limit?: number;
}

/** "2026-03-02  ███████···  70%": a bar per interview, its date written out, the latest last. */
export const trendRow = (bar: TrendBar, barColumns: number): string => {
  const filled = Math.round((Math.min(100, Math.max(0, bar.percent)) / 100) * barColumns);
  return `${localDay(new Date(bar.at))}  ${"█".repeat(filled)}${"·".repeat(barColumns - filled)}  ${String(Math.round(bar.percent)).padStart(3)}%${bar.current ? "  ← now" : ""}`;
};

/** The scores of the past interviews and this one, oldest first: whether practice is paying off. */
export const TrendBars = ({ bars, width, limit = 8 }: TrendBarsProps) => {
  const theme = useTheme();
  const shown = bars.slice(-limit);
  // The date (10), two gaps (4), "100%" (4) and "  ← now" (7) around the bar.
  const barColumns = Math.max(5, Math.min(30, width - 25));
  return (
    <Box flexDirection="column">
      {bars.length > shown.length ? <Text color={theme.muted}>{`(${bars.length - shown.length} earlier not shown)`}</Text> : null}
      {shown.map((bar, index) => (
        <Text key={`${bar.at}-${index}`} bold={bar.current === true} color={bar.current ? theme.accent : undefined}>
          {trendRow(bar, barColumns)}
        </Text>
      ))}
    </Box>
  );
};
