import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { NARROW_RANGES, narrowWidth } from "../../scripts/narrow-string-width.mjs";

type Width = (text: string, options?: object) => number;

/** string-width as each bundled importer resolves it: Ink's, cli-truncate's, widest-line's and wrap-ansi's. */
const IMPORTERS = ["ink", "cli-truncate", "widest-line", "wrap-ansi"];
const root = join(import.meta.dirname, "..", "..");

describe("narrowWidth, string-width's shortcut in the bundle", () => {
  const widths = new Map<string, Width>();
  beforeAll(async () => {
    for (const importer of IMPORTERS) {
      const path = createRequire(join(root, "node_modules", importer, "package.json")).resolve("string-width");
      widths.set(importer, ((await import(pathToFileURL(path).href)) as { default: Width }).default);
    }
  });

  it("gives every character it takes the width string-width gives it: 1, and a grapheme of its own", () => {
    const segmenter = new Intl.Segmenter();
    const graphemes = (text: string) => [...segmenter.segment(text)].length;
    const wrong: string[] = [];
    for (const [from, to] of NARROW_RANGES as [number, number][]) {
      for (let codePoint = from; codePoint <= to; codePoint++) {
        const character = String.fromCodePoint(codePoint);
        const text = `a${character}${character}a`;
        const real = [...widths].map(([importer, width]) => `${importer} ${width(text)}`).join(", ");
        if (narrowWidth(character) !== 1 || graphemes(text) !== 4 || [...widths.values()].some((width) => width(text) !== 4)) {
          wrong.push(`U+${codePoint.toString(16)}: ${real}, ${graphemes(text)} graphemes`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("measures the home screen's text as string-width does", () => {
    for (const text of ["❯ Practice quiz", "Lessons · 13 · 2 done", "✓ Buckets — 5 min…", "─".repeat(78), ""]) {
      for (const width of widths.values()) expect(narrowWidth(text)).toBe(width(text));
    }
  });

  it("measures text with colour and weight codes (nested <Text>) as string-width does", () => {
    const styled = [
      "Lessons\u001b[90m  0 of 13 done\u001b[39m",
      "\u001b[1m\u001b[35menter\u001b[39m\u001b[22m choose\u001b[90m · \u001b[39m",
      "\u001b[38;2;123;45;6m❯ Target\u001b[39m and region",
      "\u001b[mreset\u001b[0m",
    ];
    for (const text of styled) {
      expect(narrowWidth(text), JSON.stringify(text)).toBeTypeOf("number");
      for (const [importer, width] of widths) expect(narrowWidth(text), `${importer} ${JSON.stringify(text)}`).toBe(width(text));
    }
  });

  it("leaves to string-width what it cannot take: emoji, wide or zero-width characters, other escape codes, options", () => {
    const escapes = ["\u001b[1m✅\u001b[22m", "\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007", "\u001b[?25lhidden", "\u001b[12345mlong", "\u001b[;1mleading semicolon", "\u009b1mcsi", "\u001b[1"];
    for (const text of ["✅ done", "日本", "soft\u00adhyphen", "e\u0301", "a\u200bb", "⚠️", "❤\ufe0f", "🇩🇪", "tab\t", ...escapes]) {
      expect(narrowWidth(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(narrowWidth("· ok", { ambiguousIsNarrow: false })).toBeUndefined();
    expect(narrowWidth("ok", { countAnsiEscapeCodes: true })).toBeUndefined();
    expect(narrowWidth(42)).toBeUndefined();
  });
});
