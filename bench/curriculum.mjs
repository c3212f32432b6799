// `s3-tutor run all --auto` on the sandbox as whole processes: with the default replication delay
// (1–3 s, what a learner watching PENDING gets) and with --replication-delay 0, beside the floor
// (`s3-tutor --version`), the three in turn so a drifting machine affects each alike.
//   node bench/curriculum.mjs          BENCH_CURRICULUM_RUNS=5 (processes of each)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, runNodeJson, summary } from "./lib.mjs";

const MODES = [
  ["run", "run all --auto (default delay, 1–3 s)"],
  ["fast", "run all --auto --replication-delay 0"],
  ["floor", "floor: s3-tutor --version"],
];

export const measureCurriculum = async (runs = Number(process.env.BENCH_CURRICULUM_RUNS ?? 5)) => {
  // One state folder for the whole bench: the parsed-content cache is written by the warm-up, as it is on a learner's second run.
  const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-bench-curriculum-"));
  const previous = process.env.S3_TUTOR_STATE_DIR;
  process.env.S3_TUTOR_STATE_DIR = stateDir;
  try {
    await runNodeJson("bench/probe-run-all.mjs", ["fast"]);
    const samples = Object.fromEntries(MODES.map(([mode]) => [mode, { wall: [], cpu: [] }]));
    for (let i = 0; i < runs; i++) {
      for (const [mode] of MODES) {
        const { wallMs, cpuMs } = await runNodeJson("bench/probe-run-all.mjs", [mode]);
        samples[mode].wall.push(wallMs);
        if (cpuMs !== undefined) samples[mode].cpu.push(cpuMs);
      }
    }
    return MODES.map(([mode, label]) => ({
      mode,
      label,
      ...summary(samples[mode].wall),
      ...(samples[mode].cpu.length > 0 ? { cpu: summary(samples[mode].cpu) } : {}),
    }));
  } finally {
    if (previous === undefined) delete process.env.S3_TUTOR_STATE_DIR;
    else process.env.S3_TUTOR_STATE_DIR = previous;
    rmSync(stateDir, { recursive: true, force: true });
  }
};

export const printCurriculum = (rows) => {
  const floor = rows.find((row) => row.mode === "floor");
  console.log(`s3-tutor run all --auto on the sandbox (${rows[0]?.n} whole processes each, alternating)`);
  for (const row of rows) {
    const ratio = floor && row !== floor ? `   ${(row.p50 / floor.p50).toFixed(1)}× the floor` : "";
    const s = (value) => `${(value / 1000).toFixed(2)} s`.padStart(8);
    const cpu = row.cpu ? `   cpu median ${s(row.cpu.p50)}` : "";
    console.log(`  ${row.label.padEnd(42)} median ${s(row.p50)}   min ${s(row.min)}   max ${s(row.max)}${ratio}${cpu}`);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBuilt();
  printCurriculum(await measureCurriculum());
}
