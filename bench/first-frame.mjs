// Time to the first frame of s3-tutor's home screen in a pseudo-terminal, beside a bare Ink
// "hello" bundled with the same esbuild options (the floor), alternating the two in the same run,
// each on a first start (cold: an empty state and cache folder) and a second (warm); and the peak
// RSS of each, from GNU time around the node process. Measured from outside: the
// program is spawned as a learner would start it, timed until its text appears, then quit with q.
//   node bench/first-frame.mjs                  this section alone (npm run bench runs it too)
//   BENCH_FRAME_RUNS=20 node bench/first-frame.mjs
//   BENCH_NODE=/path/to/node node bench/first-frame.mjs     both programs on that Node (22, 24: node scripts/cached-node.mjs)
// The app keeps V8's compiled code in its cache folder (src/bundle/chunk-loader.ts), here the state
// folder the round empties: a cold start compiles everything, a warm one reads it.
import { spawn } from "@lydell/node-pty";
import { spawnSync } from "node:child_process";
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { build } from "esbuild";
import { buildOptions } from "../scripts/build-options.mjs";
import { ensureBuilt, ms, root, summary } from "./lib.mjs";

const COLS = 80;
/** The Node both programs run on: this one unless BENCH_NODE names another binary. */
const NODE = process.env.BENCH_NODE || process.execPath;
const ROWS = 24;

const programs = {
  app: { label: 's3-tutor: home screen ("Practice quiz")', args: ["dist/cli.js"], text: "Practice quiz" },
  hello: { label: 'floor: bare Ink "hello", bundled the same', args: [".bench-cache/ink-hello/ink-hello.js"], text: "hello" },
};

/**
 * Bundled CommonJS dependencies call require() for Node built-ins: an ES module run by Node, as the
 * hello is, needs this line to have one (dist/'s chunks get theirs from the chunk loader).
 */
const REQUIRE_BANNER = 'import { createRequire as __s3tutorCreateRequire } from "node:module"; const require = __s3tutorCreateRequire(import.meta.url);';

/** bench/fixtures/ink-hello.tsx bundled into .bench-cache/ink-hello/ with dist/'s esbuild options, as the ES module it runs as. */
const buildHello = async () => {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  await build({
    ...buildOptions(version),
    absWorkingDir: root,
    entryPoints: { "ink-hello": "bench/fixtures/ink-hello.tsx" },
    outdir: ".bench-cache/ink-hello",
    banner: { js: REQUIRE_BANNER },
  });
};

/** GNU time's -v report names the peak RSS; BSD time (macOS) and Windows have no -v. */
const gnuTime = () => {
  const time = "/usr/bin/time";
  if (process.platform === "win32" || !existsSync(time)) return { reason: "no /usr/bin/time on this machine" };
  const probe = spawnSync(time, ["-v", NODE, "-e", ""], { encoding: "utf8" });
  if (!/Maximum resident set size/.test(probe.stderr ?? "")) return { reason: "/usr/bin/time is not GNU time (no -v report)" };
  return { time };
};

/**
 * Settings of this machine's environment that change every Node start, app and floor alike, and that a
 * learner's terminal does not have: NODE_EXTRA_CA_CERTS makes Node parse that file's certificates before
 * any code runs (with the system bundle, ~40 ms of every start here, which flattered the ratio);
 * NODE_OPTIONS could preload anything; NODE_COMPILE_CACHE would keep compiled code outside the state
 * folder, so a cold start would not be cold.
 */
/** Prefixes of their names (NODE_COMPILE_CACHE covers NODE_COMPILE_CACHE_PORTABLE too). */
const MACHINE_NODE_SETTINGS = ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS", "NODE_COMPILE_CACHE", "NODE_DISABLE_COMPILE_CACHE"];

/** A learner's terminal: none of the CI variables (with them Ink prints only the last frame), nor this machine's Node settings. */
const terminalEnv = (stateDir) => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === "CI" || name === "CONTINUOUS_INTEGRATION" || name.startsWith("CI_") || name === "NO_COLOR" || name === "FORCE_COLOR" || MACHINE_NODE_SETTINGS.some((setting) => name.startsWith(setting))) {
      delete env[name];
    }
  }
  return { ...env, TERM: "xterm-256color", S3_TUTOR_STATE_DIR: stateDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
};

/**
 * Whether the program reads keys one by one yet (raw mode): Ink draws its first frame a few ms
 * before it turns raw mode on, and a q typed in between would be echoed, not read at once.
 * Undefined where the pty's device cannot be looked at (Windows).
 */
const rawMode = (term) => {
  if (process.platform === "win32" || !term.ptsName) return undefined;
  let fd;
  try {
    fd = openSync(term.ptsName, constants.O_RDWR | constants.O_NOCTTY);
  } catch {
    return undefined; // gone: the program has exited
  }
  try {
    return spawnSync("stty", ["-a"], { stdio: [fd, "pipe", "pipe"], encoding: "utf8" }).stdout.split(/\s+/).includes("-icanon");
  } finally {
    closeSync(fd);
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One run: spawn in an 80×24 pty, time until `text` shows, then wait for raw mode and press q.
 * Resolves with { frameMs, rssKiB }.
 */
const runOnce = (program, { time, stateDir, scratch }) =>
  new Promise((resolve, reject) => {
    const rssFile = join(scratch, `time-${Math.random().toString(36).slice(2)}.txt`);
    const [file, args] = time
      ? [time, ["-v", "-o", rssFile, NODE, ...program.args]]
      : [NODE, program.args];
    const started = performance.now();
    const term = spawn(file, args, { name: "xterm-256color", cols: COLS, rows: ROWS, cwd: root, env: terminalEnv(stateDir) });
    let output = "";
    let frameMs;
    let exited = false;
    let ctrlC;
    const giveUp = setTimeout(() => {
      term.kill();
      reject(new Error(`${program.args[0]} did not show "${program.text}" and quit within 30 s:\n${stripVTControlCharacters(output)}`));
    }, 30_000);

    const quit = async () => {
      const deadline = Date.now() + 5_000;
      let raw = rawMode(term);
      while (raw === false && !exited && Date.now() < deadline) {
        await sleep(5);
        raw = rawMode(term);
      }
      if (raw === undefined) await sleep(200);
      if (exited) return;
      term.write("q");
      ctrlC = setTimeout(() => term.write("\u0003"), 5_000);
    };

    term.onData((chunk) => {
      output += chunk;
      if (frameMs === undefined && stripVTControlCharacters(output).includes(program.text)) {
        frameMs = performance.now() - started;
        void quit();
      }
    });
    term.onExit(({ exitCode }) => {
      exited = true;
      clearTimeout(giveUp);
      clearTimeout(ctrlC);
      if (exitCode !== 0 || frameMs === undefined) {
        reject(new Error(`${program.args[0]} exited with ${exitCode}:\n${stripVTControlCharacters(output)}`));
        return;
      }
      let rssKiB;
      if (time) {
        const report = readFileSync(rssFile, "utf8");
        rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
        rmSync(rssFile, { force: true });
      }
      resolve({ frameMs, rssKiB });
    });
  });

/**
 * Cold and warm, interleaved: each round gives the app and the hello a fresh, empty state folder
 * each (the app's first start: no content cache, no progress), starts both there (cold), then
 * both again in the same folders (warm: the second start). Which of the two goes first alternates
 * from round to round: app-cold, hello-cold, app-warm, hello-warm; then hello-cold, app-cold, …
 * One round of warm-up first, not counted.
 */
export const measureFirstFrame = async ({ runs = Number(process.env.BENCH_FRAME_RUNS ?? 10) } = {}) => {
  await buildHello();
  const { time, reason } = gnuTime();
  const scratch = mkdtempSync(join(tmpdir(), "s3-tutor-bench-frame-"));
  try {
    const samples = { cold: { app: [], hello: [] }, warm: { app: [], hello: [] } };
    const round = async (index, record) => {
      const order = index % 2 === 0 ? ["app", "hello"] : ["hello", "app"];
      const stateDirs = Object.fromEntries(order.map((name) => [name, mkdtempSync(join(scratch, `${name}-`))]));
      for (const phase of ["cold", "warm"]) {
        for (const name of order) {
          const sample = await runOnce(programs[name], { time, stateDir: stateDirs[name], scratch });
          if (record) samples[phase][name].push(sample);
        }
      }
      for (const dir of Object.values(stateDirs)) rmSync(dir, { recursive: true, force: true });
    };
    await round(0, false);
    for (let i = 0; i < runs; i++) await round(i, true);
    const summarise = (rows) => ({
      frame: summary(rows.map((row) => row.frameMs)),
      rss: time ? summary(rows.map((row) => row.rssKiB)) : undefined,
    });
    // Each round's own ratio: its two starts ran one after the other, so a slow spell of the machine
    // weighs on both, where the ratio of the two medians takes each from different moments.
    const paired = (rows) => summary(rows.app.map((sample, index) => sample.frameMs / rows.hello[index].frameMs));
    const phase = (rows) => ({ app: summarise(rows.app), hello: summarise(rows.hello), paired: paired(rows) });
    return { runs, cold: phase(samples.cold), warm: phase(samples.warm), rssReason: reason };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const row = (label, s, format) =>
  `  ${label.padEnd(50)} min ${format(s.min).padStart(10)}   median ${format(s.p50).padStart(10)}   max ${format(s.max).padStart(10)}`;
const ratio = (phase, figure) => (phase.app[figure].p50 / phase.hello[figure].p50).toFixed(2);

export const printFirstFrame = (result) => {
  const version = spawnSync(NODE, ["--version"], { encoding: "utf8" }).stdout.trim();
  console.log(`Time to first frame, spawn to text on screen, ${COLS}×${ROWS} pty, Node ${version} (${result.runs} rounds, cold and warm interleaved, after a warm-up)`);
  for (const [name, label] of [
    ["cold", "cold (empty state and cache folder)"],
    ["warm", "warm (the second start)"],
  ]) {
    console.log(row(`${programs.app.label}, ${name}`, result[name].app.frame, ms));
    console.log(row(`${programs.hello.label}, ${name}`, result[name].hello.frame, ms));
    console.log(`  ratio s3-tutor/hello, median, ${label}: ${ratio(result[name], "frame")}`);
    const { p50, min, max } = result[name].paired;
    console.log(`  ratio s3-tutor/hello, each round's own, ${name}: median ${p50.toFixed(2)} (min ${min.toFixed(2)}, max ${max.toFixed(2)})`);
  }
  if (result.warm.app.rss && result.warm.hello.rss) {
    console.log(`\nPeak RSS of the node process (GNU time -v), the warm runs: started, first frame, q`);
    console.log(row("s3-tutor: home screen, then q", result.warm.app.rss, mib));
    console.log(row('floor: bare Ink "hello"', result.warm.hello.rss, mib));
    console.log(`  ratio s3-tutor/hello, median: ${ratio(result.warm, "rss")}`);
  } else {
    console.log(`\nPeak RSS: not measured (${result.rssReason})`);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBuilt();
  printFirstFrame(await measureFirstFrame());
}
