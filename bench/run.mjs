// s3-tutor benchmarks: sandbox start-up, the whole curriculum headless, the app's first frame and
// peak RSS in a pseudo-terminal (bench/first-frame.mjs), and SDK round-trip latency, each beside a
// floor measured in the same run, and beside moto where a venv can hold it.
//   npm run bench                    all figures
//   npm run bench -- --no-moto       skip moto
//   BENCH_ITERATIONS=2000 npm run bench
//   BENCH_START_RUNS, BENCH_CURRICULUM_RUNS, BENCH_FRAME_RUNS: processes per start-up figure
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureCurriculum, printCurriculum } from "./curriculum.mjs";
import { measureFirstFrame, printFirstFrame } from "./first-frame.mjs";
import { ensureBuilt, ms, root, runNodeJson, startServer, summary } from "./lib.mjs";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 1000);
const startRuns = Number(process.env.BENCH_START_RUNS ?? 10);
const withMoto = !process.argv.includes("--no-moto");

ensureBuilt();

// --- start-up -------------------------------------------------------------------------------
const sample = async (script) => {
  const rows = [];
  for (let i = 0; i < startRuns; i++) rows.push(await runNodeJson(script));
  return rows;
};
const starts = await sample("bench/probe-start.mjs");
const floorStarts = await sample("bench/probe-floor-start.mjs");
const col = (rows, field) => summary(rows.map((row) => row[field]));
const startRow = (label, s) => `  ${label.padEnd(42)} p50 ${ms(s.p50).padStart(10)}   min ${ms(s.min).padStart(10)}   max ${ms(s.max).padStart(10)}`;

console.log(`Sandbox start (${startRuns} fresh processes)`);
console.log(startRow("import dist/sandbox.js", col(starts, "importMs")));
console.log(startRow("startSandbox() until listening (cold)", col(starts, "startMs")));
console.log(startRow("startSandbox() again in the same process", col(starts, "warmStartMs")));
console.log(startRow("floor: bare node:http server listening", col(floorStarts, "startMs")));

// --- the curriculum, headless ----------------------------------------------------------------
console.log("");
printCurriculum(await measureCurriculum());

// --- the app's first frame and peak RSS, in a pseudo-terminal -------------------------------
console.log("");
printFirstFrame(await measureFirstFrame());

// --- round trips ----------------------------------------------------------------------------
const roundTrips = (endpoint) => runNodeJson("bench/probe-round-trip.mjs", [endpoint, String(iterations)]);

const servers = [];
const stopAll = () => servers.forEach((child) => child.kill());
process.on("exit", stopAll);

const targets = [];
const sandbox = await startServer(process.execPath, ["dist/cli.js", "sandbox", "--ephemeral", "--port", "0"], /Endpoint\s+http:\/\/\S+/);
servers.push(sandbox.child);
targets.push(["sandbox", endpointIn(sandbox.output)]);
// The same with a data directory: every write synced to disk before it is answered.
const dataDir = mkdtempSync(join(tmpdir(), "s3-tutor-bench-"));
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
const kept = await startServer(process.execPath, ["dist/cli.js", "sandbox", "--data-dir", dataDir, "--port", "0"], /Endpoint\s+http:\/\/\S+/);
servers.push(kept.child);
targets.push(["sandbox with a data dir (synced writes)", endpointIn(kept.output)]);

const floor = await startServer(process.execPath, ["bench/floor-server.mjs"], /listening http:\/\/\S+/);
servers.push(floor.child);
targets.push(["floor: bare HTTP server, no S3 work", endpointIn(floor.output)]);

if (withMoto) {
  const moto = await startMoto().catch((error) => {
    console.log(`\nmoto: not measured (${error.message.split("\n")[0]})`);
    return undefined;
  });
  if (moto) {
    servers.push(moto.child);
    targets.push(["moto (moto_server)", moto.endpoint]);
  }
}

console.log(`\nSDK round trips, 1 KiB object, ${iterations} each after 100 warm-up (client and server on loopback)`);
const results = {};
for (const [label, endpoint] of targets) {
  const { put, get } = await roundTrips(endpoint);
  results[label] = { put: summary(put), get: summary(get) };
  for (const op of ["put", "get"]) {
    const s = results[label][op];
    console.log(`  ${label.padEnd(38)} ${op === "put" ? "PutObject" : "GetObject"}  p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}`);
  }
}
const moto = results["moto (moto_server)"];
if (moto) {
  const mine = results.sandbox;
  console.log(
    `\n  ratio sandbox/moto p50: PutObject ${(mine.put.p50 / moto.put.p50).toFixed(2)}, GetObject ${(mine.get.p50 / moto.get.p50).toFixed(2)}`,
  );
}
stopAll();
process.exit(0);

function endpointIn(output) {
  return /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
}

/** moto in a venv under .bench-cache/ (made on first use), on a free loopback port. */
async function startMoto() {
  const venv = join(root, ".bench-cache", "moto-venv");
  const bin = join(venv, process.platform === "win32" ? "Scripts" : "bin");
  const motoServer = join(bin, "moto_server");
  if (!existsSync(motoServer)) {
    mkdirSync(join(root, ".bench-cache"), { recursive: true });
    console.log("\n(installing moto[server] into .bench-cache/moto-venv ...)");
    execFileSync("python3", ["-m", "venv", venv], { stdio: "ignore" });
    execFileSync(join(bin, "pip"), ["install", "--quiet", "moto[server]"], { stdio: "ignore" });
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  const { child } = await startServer(motoServer, ["-H", "127.0.0.1", "-p", String(port)], /Running on|Serving/);
  return { child, endpoint: `http://127.0.0.1:${port}` };
}
