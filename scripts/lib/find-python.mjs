// Finds a Python interpreter of at least a given version: on PATH first, then in pyenv's
// versions folder (pyenv's shims refuse versions that are installed but not selected).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const versionOf = (python) => {
  try {
    const out = execFileSync(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const [major, minor] = out.trim().split(".").map(Number);
    return { major, minor };
  } catch {
    return undefined;
  }
};

const pyenvRoot = () => {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT;
  try {
    return execFileSync("pyenv", ["root"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return join(homedir(), ".pyenv");
  }
};

/** pyenv's installed versions, newest first: <root>/versions/3.13.0/bin/python3, ... */
const pyenvPythons = () => {
  const versions = join(pyenvRoot(), "versions");
  if (!existsSync(versions)) return [];
  return readdirSync(versions)
    .filter((name) => /^\d+\.\d+(\.\d+)?$/.test(name))
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
    .map((name) => join(versions, name, "bin", "python3"))
    .filter((path) => existsSync(path));
};

/**
 * The first Python >= major.minor among python3.13, python3.12, python3 (py -3 on Windows)
 * and pyenv's versions; throws saying what was looked at when there is none.
 */
export const findPython = ({ major, minor }) => {
  const onPath =
    process.platform === "win32" ? ["py", "python"] : [`python${major}.${minor + 2}`, `python${major}.${minor + 1}`, `python${major}.${minor}`, "python3"];
  const candidates = [...onPath, ...pyenvPythons()];
  const seen = [];
  for (const candidate of candidates) {
    const version = versionOf(candidate);
    seen.push(`${candidate}${version ? ` (${version.major}.${version.minor})` : " (not runnable)"}`);
    if (version && (version.major > major || (version.major === major && version.minor >= minor))) return candidate;
  }
  throw new Error(
    `no Python >= ${major}.${minor} found; looked at: ${seen.join(", ")}. ` +
      `Install one (e.g. pyenv install 3.12) or put python${major}.${minor} on PATH.`,
  );
};
