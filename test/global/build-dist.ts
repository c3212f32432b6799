import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Bundles the sources as they are now into dist/, so no test runs a stale dist/cli.js. */
export const buildDist = (): void => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
};

/**
 * Global setup: one build before any test file runs. The CLI tests, the terminal tests and the
 * built room all run dist/cli.js; building once here (never inside a file) keeps parallel files
 * from deleting dist/ under each other.
 */
export default function setup() {
  buildDist();
}
