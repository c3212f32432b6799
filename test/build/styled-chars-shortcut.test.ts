import { styledCharsFromTokens, styledCharsToString, tokenize } from "@alcalzone/ansi-tokenize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledExport } from "../helpers/bundled-export";
// @ts-expect-error: a plain .mjs module without types
import { ORIGINAL, withShortcut } from "../../scripts/styled-chars-shortcut.mjs";

type Chars = ReturnType<typeof styledCharsFromTokens>;

/** The codes Ink's colours, weights, links and resets write. */
const CODES = ["\u001b[1m", "\u001b[2m", "\u001b[22m", "\u001b[3m", "\u001b[23m", "\u001b[4m", "\u001b[24m", "\u001b[7m", "\u001b[27m", "\u001b[31m", "\u001b[35m", "\u001b[90m", "\u001b[39m", "\u001b[38;5;208m", "\u001b[38;2;1;2;3m", "\u001b[44m", "\u001b[49m", "\u001b[0m", "\u001b]8;;https://example.com\u0007", "\u001b]8;;\u0007"];

/** A seeded run of styled text: characters with codes between them. */
const styledText = (seed: number): string => {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  let text = "";
  for (let i = 0; i < 60; i++) text += next(3) === 0 ? CODES[next(CODES.length)]! : "ab ·─❯"[next(6)]!;
  return text;
};

/** A row of cells as Ink's output makes it: blank cells (each its own empty style) with styled text written over part of them. */
const row = (text: string, at: number): Chars => {
  const cells: Chars = Array.from({ length: 80 }, () => ({ type: "char", value: " ", fullWidth: false, styles: [] }));
  styledCharsFromTokens(tokenize(text)).forEach((cell, index) => (cells[at + index] = cell));
  return cells.filter((cell) => cell !== undefined);
};

describe("the shortcut in front of Ink's styledCharsToString", () => {
  let shortcut: (chars: Chars) => string;
  let remove = async () => {};
  beforeAll(async () => {
    ({ value: shortcut, remove } = await bundledExport<(chars: Chars) => string>("@alcalzone/ansi-tokenize", "styledCharsToString"));
  }, 60_000);
  afterAll(() => remove());

  it("is in the bundle: the bundled function is not ansi-tokenize's own", () => {
    expect(shortcut).not.toBe(styledCharsToString);
    expect(shortcut.toString()).toContain("sameStyles");
  });

  it("writes every row as ansi-tokenize does: blank rows, styled text, codes at the first and last cell", () => {
    const rows: Chars[] = [row("", 0), row("plain", 3), row("\u001b[1mbold at the start", 0), row("ends styled \u001b[35mmagenta", 80 - 20), row("\u001b[90m\u001b[39m", 5)];
    for (let seed = 1; seed <= 300; seed++) rows.push(row(styledText(seed), seed % 20));
    for (const cells of rows) expect(shortcut(cells)).toBe(styledCharsToString(cells));
    expect(shortcut([])).toBe(styledCharsToString([]));
  });

  it("refuses a styledCharsToString it does not know, so a new ansi-tokenize gets the shortcut checked again", () => {
    expect(() => withShortcut((ORIGINAL as string).replace("let ret", "let result"))).toThrow(/check the shortcut/);
  });
});
