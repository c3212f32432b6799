#!/usr/bin/env node
// Runs the tests on the other current Node majors, each installed into the cache directory by
// scripts/lib/cached-node.mjs and put first on PATH, so vitest, its workers and every process a
// test spawns (process.execPath, `node`, tsx) run on it.
//
//   node scripts/node-matrix.mjs                 the matrix below
//   node scripts/node-matrix.mjs 22 full         one major, the whole suite
//   node scripts/node-matrix.mjs 26 core         one major, the core set
//
// Both build dist/ on that Node first. `full` then runs `vitest run` with the environment the
// caller set (peers, clients, browser). `core` runs what depends most on Node itself: the built app
// in a pseudo-terminal (the native node-pty prebuild, Ink on a real TTY), `run all --auto` on the
// built CLI, the sandbox's suites (its HTTP server, streams, checksums and files, driven by the real
// AWS SDK clients) and the AWS CLI and boto3 against it.
// The type-check is left out: it is the same tsc on every Node, and `npm test` ran it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { ensureCachedNode } from "./lib/cached-node.mjs";

/**
 * The suite already runs on the machine's Node (20 on CI). The newer major gets the whole suite:
 * behaviour that changes between majors has changed most there, while code that needs an API newer
 * than the oldest Node already fails on the machine's run. The major in between gets the core set.
 */
export const MATRIX = [
  { major: 24, set: "full" },
  { major: 22, set: "core" },
];

// The chunk loader's tests too: the code cache it keeps is V8's, which every major changes.
const CORE_TESTS = ["test/e2e/app-pty.test.ts", "test/build/script-chunks.test.ts", "test/cli/code-cache.test.ts", "test/sandbox", "test/clients"];

const runOn = (bin, command, args, env) => {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command === "node" ? bin : command, args, { stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status === 0;
};

const runMatrixEntry = ({ major, set }) => {
  const started = Date.now();
  const { bin, version } = ensureCachedNode(major, (line) => console.log(line));
  console.log(`\n=== Node ${version}: ${set === "full" ? "the whole suite" : "the core set"} ===`);
  const env = { ...process.env, PATH: `${dirname(bin)}${delimiter}${process.env.PATH ?? ""}` };
  const vitest = ["node_modules/vitest/vitest.mjs", "run"];
  // dist/ is built on that Node too: the CLI and pseudo-terminal tests run the built app.
  let ok = runOn(bin, "node", ["scripts/build.mjs"], env);
  if (ok && set === "full") {
    ok = runOn(bin, "node", vitest, env);
  } else if (ok) {
    const stateDir = mkdtempSync(join(tmpdir(), `s3-tutor-node-${major}-`));
    try {
      ok =
        runOn(bin, "node", ["dist/cli.js", "run", "all", "--auto"], { ...env, S3_TUTOR_STATE_DIR: stateDir }) &&
        runOn(bin, "node", [...vitest, ...CORE_TESTS], env);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  }
  console.log(`=== Node ${version}: ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  return ok;
};

const parseArgs = (args) => {
  if (args.length === 0) return MATRIX;
  const [major, set = "full"] = args;
  if (!/^\d+$/.test(major) || !["full", "core"].includes(set) || args.length > 2) {
    console.error("usage: node scripts/node-matrix.mjs [<major> [full|core]]");
    process.exit(2);
  }
  return [{ major: Number(major), set }];
};

const results = parseArgs(process.argv.slice(2)).map((entry) => ({ ...entry, ok: runMatrixEntry(entry) }));
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) console.error(`failed on Node ${failed.map((result) => result.major).join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
