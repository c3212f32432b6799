import { narrowStringWidthPlugin } from "./narrow-string-width.mjs";
import { styledCharsShortcutPlugin } from "./styled-chars-shortcut.mjs";
import { tokenizeShortcutPlugin } from "./tokenize-shortcut.mjs";
import { yogaWithoutFetchPlugin } from "./yoga-without-fetch.mjs";

// The esbuild options for dist/, shared by the build and by the test that checks what start-up loads.
// Code splitting keeps heavy parts (the AWS SDK, the sandbox) in chunks that load only when used.
// No source maps: the chunks become classic scripts after the build (scripts/script-chunks.mjs), which
// the maps of the ES modules would not describe.
// No require banner either: the chunk loader hands every chunk the `require` that bundled CommonJS
// dependencies call for Node built-ins.
export const buildOptions = (version) => ({
  // The app's first chunk and the sandbox's; dist/cli.js and dist/sandbox.js load them (entryBuildOptions).
  entryPoints: { "chunks/start": "src/cli/start.ts", "chunks/sandbox": "src/sandbox/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: false,
  // The bundled packages' licenses go whole into dist/THIRD-PARTY-NOTICES.txt (scripts/third-party-notices.mjs).
  legalComments: "none",
  // Production React (the development builds are twice the size and slower), minified so start-up
  // parses less.
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
});

/**
 * The esbuild options for dist/cli.js and dist/sandbox.js: each one file, the chunk loader
 * (src/bundle/) and what it needs, with the code cache's name for this build's chunks.
 */
export const entryBuildOptions = (chunksBuild) => ({
  entryPoints: { cli: "src/bundle/cli-entry.ts", sandbox: "src/bundle/sandbox-entry.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  sourcemap: false,
  legalComments: "none",
  define: { __S3_TUTOR_CHUNKS_BUILD__: JSON.stringify(chunksBuild) },
  minify: true,
  logLevel: "warning",
});
