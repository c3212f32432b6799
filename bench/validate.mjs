// CPU seconds of `s3-tutor validate`, one fixture file and the whole shipped content, with the shipped
// files as the build checked them (dist/checked-files.json) and without (a copy of the package
// without that file: every shipped file parsed and checked again), alternating A and B.
//   node bench/validate.mjs            BENCH_VALIDATE_RUNS processes per figure (default 10)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, root, summary } from "./lib.mjs";

const runs = Number(process.env.BENCH_VALIDATE_RUNS ?? 10);
ensureBuilt();

const copy = mkdtempSync(join(tmpdir(), "s3-tutor-bench-validate-"));
process.on("exit", () => rmSync(copy, { recursive: true, force: true }));
// What npm packs (package.json and its "files"), without source maps and without the build's checked files.
const { files } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const entry of ["package.json", ...files.filter((file) => !file.startsWith("!"))]) {
  cpSync(join(root, entry), join(copy, entry), { recursive: true, filter: (source) => !source.endsWith(".map") && !source.endsWith("checked-files.json") });
}

// The child's own CPU time, printed as it exits (validate starts no processes of its own).
const REPORT_CPU = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu "+(u.user+u.system)/1e6+"\\n")})`;

const cpuOf = (packageFolder, args) => {
  const run = spawnSync(process.execPath, ["--import", REPORT_CPU, join(packageFolder, "dist", "cli.js"), "validate", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  const seconds = Number(/\ncpu (\S+)\n$/.exec(run.stderr)?.[1]);
  if (!Number.isFinite(seconds)) throw new Error(`validate ${args.join(" ")} printed no CPU time: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
};

const fixture = join(root, "test", "fixtures", "content", "bad", "lessons", "unknown-field.yaml");
const cases = [
  ["validate <one fixture file>", [fixture]],
  ["validate --strict (everything shipped)", ["--strict"]],
];

const row = (label, s) => `  ${label.padEnd(34)} median ${s.p50.toFixed(3)} s   min ${s.min.toFixed(3)} s   max ${s.max.toFixed(3)} s`;
console.log(`validate, CPU seconds per process (${runs} each, A and B alternating)`);
for (const [label, args] of cases) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    const withChecked = cpuOf(root, args);
    const without = cpuOf(copy, args);
    if (withChecked.stdout !== without.stdout) throw new Error(`${label}: the two print different things:\n${withChecked.stdout}\n---\n${without.stdout}`);
    a.push(withChecked.seconds);
    b.push(without.seconds);
  }
  console.log(label);
  console.log(row("A: with dist/checked-files.json", summary(a)));
  console.log(row("B: without", summary(b)));
  console.log(`  A/B median ${(summary(a).p50 / summary(b).p50).toFixed(2)}`);
}
