import { Text } from "ink";
import stringWidth from "string-width";
import { useTheme, type Theme } from "../../theme";

/** A piece of a console row: its text and what it means (the theme gives the colour). */
export interface Segment {
  text: string;
  tone?: "accent" | "heading" | "muted" | "success" | "failure" | "warning" | "key";
  bold?: boolean;
}

/** A row of segments; `keepWithNext` rows (a stuck participant's name) are never shown last without the row after. */
export type Row = Segment[] & { keepWithNext?: boolean };

/** `text` in at most `width` columns: cut with "…" when longer. */
export const cut = (text: string, width: number): string => {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  let kept = "";
  for (const char of text) {
    if (stringWidth(kept + char) > width - 1) break;
    kept += char;
  }
  return `${kept}…`;
};

/** `text` cut or padded to exactly `width` columns, for a table's column: one column always left between. */
export const column = (text: string, width: number): string => {
  const shown = cut(text, width - 1);
  return shown + " ".repeat(Math.max(0, width - stringWidth(shown)));
};

/** The row's segments within `width` columns: the one that crosses the edge is cut, the rest dropped. */
export const fitRow = (row: Row, width: number): Row => {
  const fitted: Row = [];
  let used = 0;
  for (const segment of row) {
    const wide = stringWidth(segment.text);
    if (used + wide <= width) {
      fitted.push(segment);
      used += wide;
      continue;
    }
    const rest = cut(segment.text, width - used);
    if (rest) fitted.push({ ...segment, text: rest });
    break;
  }
  return fitted;
};

export const rowText = (row: Row): string => row.map((segment) => segment.text).join("");

const colourOf = (theme: Theme, tone: Segment["tone"]): string | undefined => (tone ? theme[tone] : undefined);

/** One row of the console, never wider than `width` (Ink would wrap it and break the layout). */
export const RowLine = ({ row, width }: { row: Row; width: number }) => {
  const theme = useTheme();
  const fitted = fitRow(row, width);
  return (
    <Text wrap="truncate-end">
      {fitted.length === 0
        ? " "
        : fitted.map((segment, index) => (
            <Text key={index} bold={segment.bold ?? false} {...(colourOf(theme, segment.tone) ? { color: colourOf(theme, segment.tone)! } : {})}>
              {segment.text}
            </Text>
          ))}
    </Text>
  );
};
