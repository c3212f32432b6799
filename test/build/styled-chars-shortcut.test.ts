import { styledCharsFromTokens, styledCharsToString, tokenize } from "@alcalzone/ansi-tokenize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bundledExports } from "../helpers/bundled-export";
// @ts-expect-error: a plain .mjs module without types
import { ORIGINAL, ORIGINAL_FROM_TOKENS, withShortcut } from "../../scripts/styled-chars-shortcut.mjs";

type Chars = ReturnType<typeof styledCharsFromTokens>;
type Bundled = { styledCharsToString: (chars: Chars) => string; styledCharsFromTokens: typeof styledCharsFromTokens };

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
const row = (text: string, at: number, fromTokens: typeof styledCharsFromTokens = styledCharsFromTokens): Chars => {
  const cells: Chars = Array.from({ length: 80 }, () => ({ type: "char", value: " ", fullWidth: false, styles: [] }));
  fromTokens(tokenize(text)).forEach((cell, index) => (cells[at + index] = cell));
  return cells.filter((cell) => cell !== undefined);
};

/** ansi-tokenize's styledChars.js as installed. */
const shippedSource = (): Promise<string> => readFile(join(import.meta.dirname, "..", "..", "node_modules", "@alcalzone", "ansi-tokenize", "build", "styledChars.js"), "utf8");

describe("the shortcuts in front of Ink's styledCharsFromTokens and styledCharsToString", () => {
  let bundled: Bundled;
  let remove = async () => {};
  beforeAll(async () => {
    ({ values: bundled, remove } = await bundledExports<Bundled>("@alcalzone/ansi-tokenize", ["styledCharsToString", "styledCharsFromTokens"]));
  }, 60_000);
  afterAll(() => remove());

  it("are in the bundle: the bundled functions are not ansi-tokenize's own", () => {
    expect(bundled.styledCharsToString).not.toBe(styledCharsToString);
    expect(bundled.styledCharsToString.toString()).toContain("sameStyles");
    expect(bundled.styledCharsFromTokens).not.toBe(styledCharsFromTokens);
    expect(bundled.styledCharsFromTokens.toString()).not.toContain("...token");
  });

  it("give every character the codes in force, as ansi-tokenize does, without changing the tokens", () => {
    const lines = ["", "plain", "\u001b[1mbold\u001b[22m after", "\u001b[31mred \u001b[0mreset", "\u001b[90m\u001b[39m"];
    for (let seed = 1; seed <= 300; seed++) lines.push(styledText(seed));
    for (const text of lines) {
      const tokens = tokenize(text);
      const before = structuredClone(tokens);
      expect(bundled.styledCharsFromTokens(tokens)).toEqual(styledCharsFromTokens(tokenize(text)));
      expect(tokens).toEqual(before);
    }
  });

  it("write every row as ansi-tokenize does: blank rows, styled text, codes at the first and last cell", () => {
    const texts: [string, number][] = [["", 0], ["plain", 3], ["\u001b[1mbold at the start", 0], ["ends styled \u001b[35mmagenta", 80 - 20], ["\u001b[90m\u001b[39m", 5]];
    for (let seed = 1; seed <= 300; seed++) texts.push([styledText(seed), seed % 20]);
    for (const [text, at] of texts) {
      const expected = styledCharsToString(row(text, at));
      expect(bundled.styledCharsToString(row(text, at))).toBe(expected);
      // Cells made by the bundled styledCharsFromTokens, which share their codes' arrays, write the same text.
      expect(bundled.styledCharsToString(row(text, at, bundled.styledCharsFromTokens))).toBe(expected);
    }
    expect(bundled.styledCharsToString([])).toBe(styledCharsToString([]));
  });

  it("refuse a styledChars.js they do not know, so a new ansi-tokenize gets the shortcuts checked again", async () => {
    const source = await shippedSource();
    expect(() => withShortcut(source)).not.toThrow();
    expect(() => withShortcut(source.replace(ORIGINAL as string, (ORIGINAL as string).replace("let ret", "let result")))).toThrow(/styledCharsToString .*check the shortcut/);
    expect(() => withShortcut(source.replace(ORIGINAL_FROM_TOKENS as string, (ORIGINAL_FROM_TOKENS as string).replace("let codes", "let active")))).toThrow(/styledCharsFromTokens .*check the shortcut/);
  });
});
