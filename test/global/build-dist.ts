import { spawnSync } from "node:child_process";
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
 * parallel from deleting dist/ under each other.
 */
export default function setup() {
  buildDist();
}
