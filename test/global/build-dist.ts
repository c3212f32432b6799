import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Builds only when dist/ is older than its sources (the script `npm start` and `npm test` run first too). */
const BUILD_SCRIPT = "scripts/build-if-stale.mjs";

/** Bundles the sources as they are now into dist/, so no test runs a stale dist/cli.js. */
export const buildDist = (): void => {
  const build = spawnSync(process.execPath, [BUILD_SCRIPT], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`${BUILD_SCRIPT} failed:\n${build.stdout}\n${build.stderr}`);
};

/**
 * Global setup: dist/ built before any test file runs. The CLI tests, the terminal tests and the
 * built room run dist/cli.js; building once here (never inside a file) keeps files running in
 * parallel from deleting dist/ under each other. Every process they start keeps its compiled code
 * in one folder for the run (NODE_COMPILE_CACHE), as a learner's second start does, instead of
 * compiling it all in each new state folder; test/cli/code-cache.test.ts checks the cache itself.
 */
export default function setup() {
  buildDist();
  const compileCache = mkdtempSync(join(tmpdir(), "s3-tutor-tests-compile-cache-"));
  process.env.NODE_COMPILE_CACHE = compileCache;
  return () => rmSync(compileCache, { recursive: true, force: true });
}
