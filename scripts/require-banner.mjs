import { readFile, writeFile } from "node:fs/promises";

// Bundled CommonJS dependencies still call require() for Node built-ins: esbuild's __require,
// defined once in a shared chunk, reads this banner's `require`. Every output gets the banner.
export const REQUIRE_BANNER =
  'import { createRequire as __s3tutorCreateRequire } from "node:module"; const require = __s3tutorCreateRequire(import.meta.url);';

/**
 * Blanks the banner in every output that never says `require` elsewhere: each module of the start
 * would otherwise make a require function of its own, for nothing. The line stays (empty), so the
 * source maps still match. Returns how many outputs kept it.
 */
export const dropUnusedRequireBanners = async (paths) => {
  let kept = 0;
  for (const path of paths.filter((name) => name.endsWith(".js"))) {
    const text = await readFile(path, "utf8");
    const at = text.indexOf(REQUIRE_BANNER);
    if (at === -1) continue;
    const rest = text.slice(0, at) + text.slice(at + REQUIRE_BANNER.length);
    if (/\brequire\b/.test(rest)) kept++;
    else await writeFile(path, rest);
  }
  return kept;
};
