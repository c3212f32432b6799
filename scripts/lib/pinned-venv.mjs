// A Python venv holding exact pins, made once and reused while the pins (and constraints) match.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** Where the venvs live: outside the clone, so a fresh clone (CI) reuses them. */
export const venvCacheDir = () =>
  process.env.S3_TUTOR_VENV_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "s3-tutor");

export const venvBin = (venv, command) =>
  join(venv, process.platform === "win32" ? "Scripts" : "bin", process.platform === "win32" ? `${command}.exe` : command);

const MARKER = "s3-tutor-pins.txt";

/** Whether the venv holds exactly these pins and constraints. */
export const venvMatches = (venv, description) => {
  const marker = join(venv, MARKER);
  return existsSync(venvBin(venv, "python")) && existsSync(marker) && readFileSync(marker, "utf8") === description;
};

/**
 * Makes (or reuses) `venv` with `packages` installed under `constraints` (a file path, optional),
 * with the interpreter `python()` finds (asked only when installing). Returns true when it installed, false when it reused.
 */
export const ensurePinnedVenv = ({ name, venv, python, packages, constraints }) => {
  const description = [...packages, constraints ? readFileSync(constraints, "utf8") : ""].join("\n");
  if (venvMatches(venv, description)) {
    console.log(`${name}: reusing ${venv}`);
    return false;
  }
  const interpreter = python();
  console.log(`${name}: installing ${packages.join(" ")} into ${venv} with ${interpreter} (a few minutes, once)`);
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(dirname(venv), { recursive: true });
  const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
  run(interpreter, ["-m", "venv", venv]);
  run(venvBin(venv, "python"), [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    ...(constraints ? ["--constraint", constraints] : []),
    ...packages,
  ]);
  writeFileSync(join(venv, MARKER), description);
  return true;
};
