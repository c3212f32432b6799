// Bundled CommonJS dependencies still call require() for Node built-ins: esbuild's __require reads
// this banner's `require` in an ES module. dist/'s chunks drop it when they become classic scripts,
// whose loader hands them a `require` (scripts/script-chunks.mjs); the bench's Ink hello keeps it.
export const REQUIRE_BANNER =
  'import { createRequire as __s3tutorCreateRequire } from "node:module"; const require = __s3tutorCreateRequire(import.meta.url);';
