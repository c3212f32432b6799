import { narrowStringWidthPlugin } from "./narrow-string-width.mjs";
import { REQUIRE_BANNER } from "./require-banner.mjs";
import { styledCharsShortcutPlugin } from "./styled-chars-shortcut.mjs";
import { tokenizeShortcutPlugin } from "./tokenize-shortcut.mjs";
import { yogaWithoutFetchPlugin } from "./yoga-without-fetch.mjs";

// The esbuild options for dist/, shared by the build and by the test that checks what start-up loads.
// Code splitting keeps heavy parts (the AWS SDK, the sandbox) in chunks that load only when used.
// A release build (`npm pack`, `npm publish`) writes no source maps: they would be most of the tarball,
// and a developer's build keeps them for readable stack traces.
export const buildOptions = (version, { release = false } = {}) => ({
  entryPoints: { cli: "src/cli/start.ts", sandbox: "src/sandbox/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: release ? false : "linked",
  // The bundled packages' licenses go whole into dist/THIRD-PARTY-NOTICES.txt (scripts/third-party-notices.mjs).
  legalComments: "none",
  // Production React (the development builds are twice the size and slower), minified so start-up
  // parses less; the source maps keep stack traces readable.
  define: { __S3_TUTOR_VERSION__: JSON.stringify(version), "process.env.NODE_ENV": '"production"' },
  minify: true,
  logLevel: "warning",
  // Ink imports react-devtools-core for its optional devtools; bundled, that import would be
  // hoisted and fail at start-up. marked-terminal's syntax highlighter and emoji data (1.4 MB,
  // loaded with the first lesson) are replaced by what the app uses of them: nothing.
  alias: {
    "react-devtools-core": "./scripts/empty-module.mjs",
    "cli-highlight": "./scripts/stand-in-cli-highlight.mjs",
    "node-emoji": "./scripts/stand-in-node-emoji.mjs",
  },
  // Text of ASCII and narrow symbols is measured without string-width's emoji machinery.
  // Ink's layout engine decodes its WebAssembly without loading fetch (undici) first.
  // Ink splits lines of ASCII and narrow symbols into characters without the grapheme segmenter, and
  // writes a frame's cells without working out the codes between two cells of the same style.
  plugins: [narrowStringWidthPlugin, yogaWithoutFetchPlugin, tokenizeShortcutPlugin, styledCharsShortcutPlugin],
  // Bundled CommonJS dependencies still call require() for Node built-ins (the build then blanks it where unused).
  banner: { js: REQUIRE_BANNER },
});
