#!/usr/bin/env node
// Installs the real AWS CLI and boto3 into a Python venv outside the clone, for the client
// compatibility tests (test/clients). Reuses the venv when it already holds these pins.
//
//   node scripts/python-clients.mjs     prints the venv's path on its last line
//
// The venv lives in ${S3_TUTOR_CLIENTS_VENV:-${XDG_CACHE_HOME:-~/.cache}/s3-tutor/venv-clients};
// test/clients/helpers/python-clients.ts looks in the same place.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

// awscli v2 is not published on PyPI; v1 is, and bundles its own botocore.
const PINS = ["awscli==1.46.3", "boto3==1.44.8"];

const venv =
  process.env.S3_TUTOR_CLIENTS_VENV ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "s3-tutor", "venv-clients");
const bin = join(venv, process.platform === "win32" ? "Scripts" : "bin");
const python = join(bin, process.platform === "win32" ? "python.exe" : "python");
const marker = join(venv, "s3-tutor-pins.txt");
const wanted = PINS.join("\n");

const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });

const findSystemPython = () => {
  for (const candidate of process.platform === "win32" ? ["py", "python"] : ["python3", "python"]) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error("no python3 on PATH: install Python 3.9+ to run the AWS CLI and boto3 tests");
};

if (existsSync(python) && existsSync(marker) && readFileSync(marker, "utf8") === wanted) {
  console.log(`python clients: reusing ${venv}`);
} else {
  console.log(`python clients: installing ${PINS.join(" ")} into ${venv}`);
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(dirname(venv), { recursive: true });
  run(findSystemPython(), ["-m", "venv", venv]);
  run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...PINS]);
  writeFileSync(marker, wanted);
}
// `python -m awscli` works on every platform (Windows has aws.cmd, not aws); v1 prints its version on stderr or stdout.
const cli = spawnSync(python, ["-m", "awscli", "--version"], { encoding: "utf8" });
const versions = `${cli.stdout}${cli.stderr}`.trim();
const boto3 = execFileSync(python, ["-c", "import boto3, botocore; print(f'boto3/{boto3.__version__} botocore/{botocore.__version__}')"], {
  encoding: "utf8",
}).trim();
console.log(`python clients: ${versions}; ${boto3}`);
console.log(venv);
