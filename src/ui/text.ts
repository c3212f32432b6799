import { stripVTControlCharacters } from "node:util";
import wrapAnsi from "wrap-ansi";

/** Text broken into terminal rows of at most `width` columns (ANSI colours kept). */
export const wrapLines = (text: string, width: number): string[] =>
  wrapAnsi(text, Math.max(10, width), { hard: true, trim: false, wordWrap: true }).split("\n");

/** Colour codes out, for NO_COLOR and for tests. */
export const plain = (text: string): string => stripVTControlCharacters(text);
