import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Builds only when dist/ is older than its sources where the checkout has that script; else always. */
const BUILD_SCRIPT = ["scripts/build-if-stale.mjs", "scripts/build.mjs"].find((script) => existsSync(join(root, script)))!;

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
