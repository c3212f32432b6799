import { Box, Text } from "ink";
import type { ReactNode } from "react";
import stringWidth from "string-width";

/** One piece of the header's left part; a piece is never split across rows. */
export interface HeaderPiece {
  text: string;
  colour?: string;
  bold?: boolean;
}

const SEPARATOR = "  ";
/** The gap between the left part and the clock. */
const GAP = 2;

/** The pieces packed into rows of at most `width` columns (a piece wider than that is cut at the end). */
export const headerRows = (pieces: readonly HeaderPiece[], width: number): HeaderPiece[][] => {
  const rows: HeaderPiece[][] = [];
  let row: HeaderPiece[] = [];
  let used = 0;
  for (const piece of pieces) {
    const needed = stringWidth(piece.text) + (row.length > 0 ? SEPARATOR.length : 0);
    if (row.length > 0 && used + needed > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += row.length > 0 ? needed : stringWidth(piece.text);
    row.push(piece);
  }
  if (row.length > 0) rows.push(row);
  return rows;
};

export const leftColumns = (width: number, rightWidth: number): number => Math.max(10, width - (rightWidth > 0 ? rightWidth + GAP : 0));

export interface QuizHeaderProps {
  rows: HeaderPiece[][];
  /** The exam clock, kept whole at the right of the first row. */
  right?: ReactNode;
  width: number;
  rightWidth: number;
}

/**
 * The quiz's first rows: mode, question number, id and marks at the left, the exam clock at the
 * right. The left part goes on under itself, piece by piece, so a flag or "guessed" is never
 * hidden behind the clock, nor cut in two, at 60 or 80 columns.
 */
export const QuizHeader = ({ rows, right, width, rightWidth }: QuizHeaderProps) => (
  <Box width={width}>
    <Box width={leftColumns(width, rightWidth)} flexShrink={0} flexDirection="column">
      {rows.map((row, index) => (
        <Text key={index} wrap="truncate-end">
          {row.map((piece, at) => (
            <Text key={at} {...(piece.colour ? { color: piece.colour } : {})} bold={piece.bold === true}>
              {`${at > 0 ? SEPARATOR : ""}${piece.text}`}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
    {right ? (
      <Box marginLeft={GAP} flexShrink={0}>
        {right}
      </Box>
    ) : null}
  </Box>
);
