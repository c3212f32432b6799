import { tokenize } from "@alcalzone/ansi-tokenize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledExports } from "../helpers/bundled-export";
// @ts-expect-error: a plain .mjs module without types
import { ORIGINAL_HEAD, STANDALONE_RANGES, withTokenizeShortcut } from "../../scripts/tokenize-shortcut.mjs";

type Tokenize = typeof tokenize;
const ranges = STANDALONE_RANGES as [number, number][];

/** The codes Ink's colours, weights and links write, and escape sequences that are not codes. */
const CODES = ["\u001b[1m", "\u001b[22m", "\u001b[31m", "\u001b[39m", "\u001b[1;3;31m", "\u001b[38;5;208m", "\u001b[38;2;1;2;3m", "\u001b[0m", "\u001b]8;;https://example.com\u0007", "\u001b]8;;\u0007", "\u001b", "\u001b[", "\u001b[2J", "\u001b]8;x"];

/** Characters the shortcut takes, and characters that join their neighbours or are wide (é as e + U+0301, emoji, CJK, a tab). */
const TAKEN = ["a", "Z", " ", "~", "é", "─", "│", "❯", "✓", "✗", "→", "•", "…", "—", "“", "█", "〈"];
const OTHERS = ["\u0301", "\u200d", "\ufe0f", "👍", "🇺🇸", "日本", "\t", "\u200b", "\r\n"];

/** A seeded line of characters and codes; with `others`, some characters the shortcut leaves to the segmenter. */
const line = (seed: number, others: boolean): string => {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  let text = "";
  for (let i = 0; i < 50; i++) {
    const kind = next(10);
    text += kind < 2 ? CODES[next(CODES.length)]! : others && kind === 2 ? OTHERS[next(OTHERS.length)]! : TAKEN[next(TAKEN.length)]!;
  }
  return text;
};

describe("the shortcut in front of Ink's tokenize", () => {
  let shortcut: Tokenize;
  let remove = async () => {};
  beforeAll(async () => {
    ({ values: { tokenize: shortcut }, remove } = await bundledExports<{ tokenize: Tokenize }>("@alcalzone/ansi-tokenize", ["tokenize"]));
  }, 60_000);
  afterAll(() => remove());

  it("is in the bundle: the bundled function is not ansi-tokenize's own", () => {
    expect(shortcut).not.toBe(tokenize);
    expect(shortcut.toString()).toContain("tokenizeStandalone");
  });

  it("takes only characters that are a grapheme of their own beside each other, as Intl.Segmenter finds them", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    for (const [first, last] of ranges) {
      for (let unit = first; unit <= last; unit++) {
        const char = String.fromCharCode(unit);
        // Beside ASCII and beside itself: a character that joins either neighbour is no grapheme of its own.
        expect([...segmenter.segment(`a${char}${char}a`)].length, `U+${unit.toString(16)}`).toBe(4);
      }
    }
  });

  it("splits every line as ansi-tokenize does: plain, styled, with lone escapes, wide and joining characters, cut at a width", () => {
    const lines = ["", "plain", "\u001b[1mbold\u001b[22m", "a\u001b", "\u001b[31m", "e\u0301 accent", "wide 日本 text", "flag 🇺🇸 and 👍"];
    for (let seed = 1; seed <= 300; seed++) lines.push(line(seed, false), line(seed, true));
    for (const text of lines) {
      expect(shortcut(text)).toEqual(tokenize(text));
      for (const endChar of [1, 5, 20]) expect(shortcut(text, endChar)).toEqual(tokenize(text, endChar));
    }
  });

  it("refuses a tokenize it does not know, so a new ansi-tokenize gets the shortcut checked again", () => {
    expect(() => withTokenizeShortcut((ORIGINAL_HEAD as string).replace("let visible", "let columns"))).toThrow(/check the shortcut/);
  });
});
