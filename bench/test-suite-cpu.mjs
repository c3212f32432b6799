// Where `npm test`'s time goes: runs the whole suite once and prints its wall time, the CPU time of
// everything it ran (the vitest workers and every process they started), the least wall time that
// CPU allows on this machine's cores, and the Node processes the tests started, by command.
//
//   node bench/test-suite-cpu.mjs [vitest arguments…]     e.g. `node bench/test-suite-cpu.mjs test/cli`
//
// Linux only (/proc). The suite's CPU over the cores is a floor no scheduling can beat: when it is
// above a wall-time goal, only less work meets the goal.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./lib.mjs";
import { waitedChildrenCpuSeconds } from "./process-cpu.mjs";

const work = mkdtempSync(join(tmpdir(), "s3-tutor-suite-cpu-"));
const log = join(work, "node-processes.tsv");
const hook = join(work, "log-cpu.cjs");
// Every Node process the suite starts inherits NODE_OPTIONS and writes one line as it exits.
writeFileSync(
  hook,
  `const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  const used = process.cpuUsage();
  try { appendFileSync(${JSON.stringify(log)}, [(used.user + used.system) / 1e6, process.pid, process.argv.slice(1).join(" ")].join("\\t") + "\\n"); } catch {}
});
`,
);
writeFileSync(log, "");

const before = waitedChildrenCpuSeconds();
const started = performance.now();
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...process.argv.slice(2)], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${hook}`.trim() },
  });
  child.on("close", resolve);
});
const wall = (performance.now() - started) / 1000;
const cpu = waitedChildrenCpuSeconds() - before;
const cores = availableParallelism();

/** "dist/cli.js validate x.yaml" → "cli.js validate"; a script → its file name. */
const kindOf = (argv) => {
  const [script = "", first = ""] = argv.split(" ");
  const name = script.split("/").pop();
  return name === "cli.js" || name === "main.ts" ? `${name} ${first.startsWith("-") ? "" : first}`.trim() : name;
};
const kinds = new Map();
let nodeCpu = 0;
for (const line of readFileSync(log, "utf8").trim().split("\n").filter(Boolean)) {
  const [seconds, , argv = ""] = line.split("\t");
  if (argv.includes("vitest")) continue;
  const kind = kindOf(argv);
  const entry = kinds.get(kind) ?? { count: 0, cpu: 0 };
  entry.count += 1;
  entry.cpu += Number(seconds);
  nodeCpu += Number(seconds);
  kinds.set(kind, entry);
}
rmSync(work, { recursive: true, force: true });

const s = (seconds) => `${seconds.toFixed(1).padStart(7)} s`;
console.log(`\nThe test suite (vitest exit ${code}), ${cores} cores, Node ${process.version}`);
console.log(`  wall time                                   ${s(wall)}`);
console.log(`  CPU time, every process                     ${s(cpu)}`);
console.log(`  least wall time that CPU allows (÷ ${cores})      ${s(cpu / cores)}`);
console.log(`  of the CPU: Node processes tests started    ${s(nodeCpu)}   (the rest: vitest itself and the tests in it, the AWS CLI and boto3, Chromium)`);
for (const [kind, { count, cpu: used }] of [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 15)) {
  console.log(`    ${kind.padEnd(34)} ${String(count).padStart(4)} × ${(used / count).toFixed(2)} s = ${s(used)}`);
}
process.exitCode = code ?? 1;
