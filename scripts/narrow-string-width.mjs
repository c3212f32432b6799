import { fileURLToPath } from "node:url";

// The width of text made only of characters one column wide each: printable ASCII and the narrow
// symbols a terminal screen draws with (·, —, …, ✓, ❯, arrows, box drawing), none of them an emoji
// to either string-width version in the bundle. string-width measures anything beyond ASCII with a
// grapheme segmenter and an RGI_Emoji regular expression that costs ~40 ms to compile on first
// use: the home screen's first frame would pay it for a "·". Each character here is a grapheme of
// its own, 1 wide (test/build/narrow-string-width.test.ts checks every one against string-width);
// any other text, or any option, is left to string-width.

export const NARROW_RANGES = [
  [0x20, 0x7e],
  // Latin-1, Latin Extended, IPA, spacing modifiers; not the soft hyphen (no width), © or ® (emoji to some)
  [0xa0, 0xa8],
  [0xaa, 0xac],
  [0xaf, 0x2ff],
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203b], // per mille, primes, ‹ ›, ※
  [0x20a0, 0x20c0], // currency signs
  [0x2153, 0x2193], // number forms, ← ↑ → ↓
  [0x21ab, 0x2319], // arrows, mathematical operators
  [0x2500, 0x25a9], // box drawing, blocks, ■ □
  [0x25ac, 0x25b5], // ▬ ▲ △ ▴
  [0x25b7, 0x25bf], // ▷ ▸ ▼
  [0x25c1, 0x25fa], // ◁ ◆ ◇ ○ ● ◐
  [0x2713, 0x2713], // ✓
  [0x2715, 0x2715], // ✕
  [0x2717, 0x271c], // ✗ ✘
  [0x2765, 0x2794], // ❯ ❮ ➔
];

const hex = (codePoint) => `\\u${codePoint.toString(16).padStart(4, "0")}`;
const NARROW_TEXT = new RegExp(`^[${NARROW_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join("")}]*$`);
// The colour and weight codes (SGR: ESC [ numbers of up to 4 digits, separated by semicolons, m) that
// Ink puts around a nested <Text> before measuring it: string-width strips them (ansi-regex matches
// them whole) and measures what is left. Any other escape stays in the text and goes to string-width.
const SGR = /\u001b\[(?:\d{1,4}(?:;\d{0,4})*)?m/g;

/** The width of `text` when every character of it, colour codes aside, is one column wide, else undefined (ask string-width). */
export const narrowWidth = (text, options) => {
  if (options && (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes)) return undefined;
  if (typeof text !== "string") return undefined;
  const visible = text.includes("\u001b") ? text.replace(SGR, "") : text;
  return NARROW_TEXT.test(visible) ? visible.length : undefined;
};

/** A module that is `stringWidth` (imported from `specifier`) behind narrowWidth. */
const narrowedSource = (specifier) =>
  [
    `import stringWidth from ${JSON.stringify(specifier)};`,
    `import { narrowWidth } from ${JSON.stringify(fileURLToPath(import.meta.url))};`,
    "export default (text, options) => narrowWidth(text, options) ?? stringWidth(text, options);",
  ].join("\n");

/**
 * An esbuild plugin: every ESM `import stringWidth from "string-width"` in the bundle gets
 * string-width (the version its importer would have had) behind narrowWidth.
 */
export const narrowStringWidthPlugin = {
  name: "narrow-string-width",
  setup(build) {
    const SUFFIX = "?narrow-width";
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.kind !== "import-statement" || args.pluginData === SUFFIX) return undefined;
      const real = await build.resolve("string-width", { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: SUFFIX });
      if (real.errors.length > 0) return { errors: real.errors };
      // The same file with a suffix: the wrapper, which imports the file itself by its path.
      return { path: real.path, suffix: SUFFIX };
    });
    build.onLoad({ filter: /string-width[\\/]index\.js$/ }, (args) => {
      if (args.suffix !== SUFFIX) return undefined;
      return { contents: narrowedSource(args.path), loader: "js" };
    });
  },
};

const VITE_WRAPPER = "\0narrow-string-width";

/**
 * The same substitution for the test runner (vite): the project's own `import stringWidth from
 * "string-width"` gets string-width behind narrowWidth, so the tests run the width code the bundle
 * ships, not string-width's grapheme segmenter for every "a". Dependencies Node loads itself
 * (Ink, wrap-ansi) keep their own string-width there.
 */
export const narrowStringWidthVitePlugin = {
  name: "narrow-string-width",
  enforce: "pre",
  resolveId: (source, importer) => (source === "string-width" && importer !== VITE_WRAPPER ? VITE_WRAPPER : null),
  load: (id) => (id === VITE_WRAPPER ? narrowedSource("string-width") : null),
};
