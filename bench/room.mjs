// The room at workshop scale: `s3-tutor room` (built, in an 80×24 pseudo-terminal, its console
// live) and 200 simulated participants on loopback (bench/room-participants.mjs, in two processes),
// each joining, doing the workshop's hands-on steps against the room sandbox with the real SDK and
// posting events, with the projector page open in headless Chromium. Reports p50/p99 of sandbox
// calls and of event round trips, the time from an event happening to the console frame that
// includes it, the page's main-thread work per live update, and the room's CPU and peak RSS. Beside it, the
// floor: the same sandbox calls against a plain `s3-tutor sandbox` with no room and no console.
//   node bench/room.mjs                        200 participants
//   BENCH_ROOM_PARTICIPANTS=80 node bench/room.mjs
import { spawn as spawnPty } from "@lydell/node-pty";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ensureBuilt, ms, root, runNodeJson, summary } from "./lib.mjs";

const participants = Number(process.env.BENCH_ROOM_PARTICIPANTS ?? 200);
const processes = 2;
const workshop = "global-regional-crr";

ensureBuilt();
const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-room-bench-"));
const trace = join(stateDir, "console-frames.txt");
process.on("exit", () => rmSync(stateDir, { recursive: true, force: true }));

const env = { ...process.env, TERM: "xterm-256color", S3_TUTOR_STATE_DIR: stateDir, S3_TUTOR_ROOM_TRACE: trace };
for (const name of ["CI", "NO_COLOR", "FORCE_COLOR"]) delete env[name];
const room = spawnPty(process.execPath, ["dist/cli.js", "room", workshop, "--port", "0", "--join-limit", "1000", "--max-participants", String(participants)], { cols: 80, rows: 24, cwd: root, env });
let screen = "";
room.onData((data) => (screen = (screen + data).slice(-200_000)));
const joinLine = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`the room did not show its join command:\n${stripVTControlCharacters(screen)}`)), 60_000);
  const poll = setInterval(() => {
    const found = /join (\d+\.\d+\.\d+\.\d+:\d+) --code ([A-Z0-9]{4})/.exec(stripVTControlCharacters(screen));
    if (found) {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ address: found[1], code: found[2] });
    }
  }, 50);
});
const endpoint = `http://${joinLine.address}`;

// The projector page, in headless Chromium when the machine has one (Debian's chromium, as the
// browser tests use): open behind the instructor token while the participants work.
const chromiumPath = process.env.S3_TUTOR_CHROMIUM || "/usr/bin/chromium";
let browser;
let projector;
if (existsSync(chromiumPath)) {
  const { launch } = await import("puppeteer-core");
  const token = readFileSync(join(stateDir, "workshop-rooms", workshop, "instructor-token"), "utf8").trim();
  browser = await launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox"] });
  projector = await browser.newPage();
  await projector.setViewport({ width: 1920, height: 1080 });
  await projector.goto(`${endpoint}/?token=${token}`);
  await projector.waitForFunction("Number(document.body.dataset.updates || 0) > 0");
}

// The room's CPU time and RSS, from /proc (Linux), sampled while the participants work.
const procStat = () => {
  try {
    const stat = readFileSync(`/proc/${room.pid}/stat`, "utf8").split(") ")[1].split(" ");
    const status = readFileSync(`/proc/${room.pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    return { cpuTicks: Number(stat[11]) + Number(stat[12]), rss };
  } catch {
    return undefined;
  }
};
const before = procStat();
let peakRss = before?.rss ?? 0;
const sampler = setInterval(() => {
  const now = procStat();
  if (now) peakRss = Math.max(peakRss, now.rss);
}, 100);

const perProcess = Math.ceil(participants / processes);
const started = performance.now();
const results = await Promise.all(
  Array.from({ length: processes }, (_, i) =>
    runNodeJson("bench/room-participants.mjs", [endpoint, joinLine.code, String(Math.min(perProcess, participants - i * perProcess)), String(i * perProcess)]),
  ),
);
const wallMs = performance.now() - started;
// Let the console draw what arrived last.
await new Promise((resolve) => setTimeout(resolve, 1500));
clearInterval(sampler);
const after = procStat();

// Event → console: each event record's place in the log, against the first frame drawn with at least that many records applied.
const frames = readFileSync(trace, "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split(" ").map(Number));
const records = readFileSync(join(stateDir, "workshop-rooms", workshop, "room.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
const toConsole = [];
let frame = 0;
records.forEach((record, index) => {
  if (record.type !== "event") return;
  while (frame < frames.length && frames[frame][1] < index + 1) frame += 1;
  if (frame < frames.length) toConsole.push(frames[frame][0] - Date.parse(record.event.at));
});
let page;
if (projector) {
  const data = await projector.evaluate(() => ({ ...document.body.dataset }));
  page = { updates: Number(data.updates) - 1, firstDrawMs: Number(data.firstDrawMs), maxUpdateMs: Number(data.maxUpdateMs ?? 0) };
  await browser.close();
}
room.write("q");
setTimeout(() => room.write("y"), 300);
setTimeout(() => room.kill(), 2000);

const all = (field) => results.flatMap((result) => result[field]);
const errors = all("errors");
const row = (label, s) => `  ${label.padEnd(44)} p50 ${ms(s.p50).padStart(10)}   p99 ${ms(s.p99).padStart(10)}   max ${ms(s.max).padStart(10)}   n ${s.n}`;
console.log(`The room with ${participants} participants on loopback (${processes} processes), the console live at 80×24`);
console.log(row("sandbox calls (real SDK, room sandbox)", summary(all("sandboxMs"))));
console.log(row("event round trips (POST events → ack)", summary(all("eventMs"))));
console.log(row("event → console frame", summary(toConsole)));
console.log(
  page
    ? `  projector page (Chromium, 1920×1080): first draw ${page.firstDrawMs} ms; ${page.updates} live updates, the slowest ${page.maxUpdateMs} ms of main-thread work (goal < 100 ms)`
    : `  projector page: not measured (no Chromium at ${chromiumPath})`,
);
const ticks = 100; // USER_HZ on Linux
if (before && after) {
  const cpuSeconds = (after.cpuTicks - before.cpuTicks) / ticks;
  console.log(`  room CPU ${cpuSeconds.toFixed(2)} s over ${(wallMs / 1000).toFixed(2)} s (${((cpuSeconds / (wallMs / 1000)) * 100).toFixed(0)}% of one core); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
}
console.log(`  ${results.reduce((sum, result) => sum + result.wonContested, 0)} participant(s) took the contested name; the others got BucketAlreadyExists`);
if (errors.length > 0) {
  console.log(`  ${errors.length} participants failed, e.g. ${errors[0]}`);
  process.exitCode = 1;
}

// The floor: the same participants' sandbox calls against a plain sandbox (no room, no console, no events).
const { startServer } = await import("./lib.mjs");
const plain = await startServer(process.execPath, ["dist/cli.js", "sandbox", "--ephemeral", "--port", "0"], /Endpoint\s+http:\/\/\S+/);
const plainEndpoint = /(http:\/\/127\.0\.0\.1:\d+)/.exec(plain.output)[1];
const floor = await Promise.all(
  Array.from({ length: processes }, (_, i) =>
    runNodeJson("bench/room-participants.mjs", [plainEndpoint, "--floor", String(Math.min(perProcess, participants - i * perProcess)), String(i * perProcess)]),
  ),
);
plain.child.kill();
console.log(row("floor: the same calls, plain sandbox", summary(floor.flatMap((result) => result.sandboxMs))));
process.exit();
