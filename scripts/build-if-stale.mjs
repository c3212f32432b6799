// Runs the build (scripts/build.mjs) unless dist/ is newer than everything it is built from, so
// `npm start` and `npm test` always run a current dist/ yet pay for the build only after a change.
// What it is built from: every file of the checkout but dist/, node_modules/, .git and the folders
// the build never reads (tests, benches, docs), plus package-lock.json for dependency updates.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const NOT_BUILT_FROM = new Set(["dist", "node_modules", "test", "bench", "docs"]);
const stamp = join(root, "dist", "cli.js");

const newestUnder = (folder, top = false) => {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || (top && NOT_BUILT_FROM.has(entry.name))) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

const builtAt = (() => {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
})();
if (builtAt <= newestUnder(root, true)) {
  const started = new Date();
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), ...process.argv.slice(2)], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Dated when the build started: a file saved while it ran is newer, so the next run builds again.
  utimesSync(stamp, started, started);
}
