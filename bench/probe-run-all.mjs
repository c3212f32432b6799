// One whole-process run of the curriculum on the sandbox, timed from outside. Prints JSON.
//   node bench/probe-run-all.mjs run     the default replication delay (1–3 s), as a learner sees it
//   node bench/probe-run-all.mjs fast    --replication-delay 0
//   node bench/probe-run-all.mjs floor   s3-tutor --version
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * CPU seconds of the children this process waited for (Linux: /proc/self/stat's cutime + cstime,
 * in ticks of 1/100 s), or undefined elsewhere. On a busy machine the wall time stretches with
 * the load; the CPU time says what the run itself costs.
 */
const childrenCpuMs = () => {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
};

const [mode = "run"] = process.argv.slice(2);
const args = {
  floor: ["dist/cli.js", "--version"],
  run: ["dist/cli.js", "run", "all", "--auto"],
  fast: ["dist/cli.js", "run", "all", "--auto", "--replication-delay", "0"],
}[mode];
if (!args) throw new Error(`unknown mode ${mode}: run, fast or floor`);
// The default is the sandbox's own, not whatever the shell running the bench sets.
const env = { ...process.env };
delete env.S3_TUTOR_REPLICATION_DELAY;
const started = performance.now();
const result = spawnSync(process.execPath, args, { encoding: "utf8", env });
const wallMs = performance.now() - started;
// Every step proved: exit 0 is only given when all passed, and none may be skipped as "not on this target".
if (result.status !== 0 || (mode !== "floor" && !/ 0 failed, 0 not on this target/.test(result.stdout))) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
console.log(JSON.stringify({ wallMs, cpuMs: childrenCpuMs() }));
