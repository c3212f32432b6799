// A big PutObject through the real SDK: the sandbox beside LocalStack and moto, and a server
// that discards the body (the floor: what the client and loopback cost alone). Targets take
// turns within each round (the order rotates), so a busy machine slows them all alike. Two
// bodies: a stream (the SDK sends it aws-chunked with a CRC32 trailer) and a Buffer (the SDK
// signs its SHA-256 and sends x-amz-checksum-crc32). Every ETag is checked against the MD5.
// Then the sandbox's peak RSS, each size in a fresh sandbox process: it must not grow with the object.
//   node bench/sandbox-put.mjs                       100 MiB, 5 rounds, RSS at 100 and 500 MiB
//   node bench/sandbox-put.mjs --mib 20 --rounds 3 --big-mib 100 --no-peers
//   node bench/sandbox-put.mjs --data-dir            the sandbox with a data directory too (synced blobs)
// Peers: S3_TUTOR_LOCALSTACK_ENDPOINT / S3_TUTOR_MOTO_ENDPOINT when set, else started with
// scripts/start-peer.mjs (venvs from `npm run peers`) and stopped at the end; one that cannot start is left out.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ensureBuilt, startServer, summary } from "./lib.mjs";
import { forkSandbox } from "./forked-sandbox.mjs";
import { listenerPid, treeCpuSeconds } from "./process-cpu.mjs";

const MiB = 1024 * 1024;
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const mebibytes = option("mib", 100);
const rounds = option("rounds", 5);
const bigMebibytes = option("big-mib", 500);
const withPeers = !process.argv.includes("--no-peers");
const withDataDir = process.argv.includes("--data-dir");
const BUCKET = "bench-put";

ensureBuilt();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const stops = [];
const stopAll = async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

const startSandbox = forkSandbox;

/** A peer from its variable, or started by scripts/start-peer.mjs on a free port. */
const startPeer = async (name) => {
  const variable = `S3_TUTOR_${name.toUpperCase()}_ENDPOINT`;
  if (process.env[variable]) return { endpoint: process.env[variable], how: variable };
  const { child, output } = await startServer(process.execPath, ["scripts/start-peer.mjs", name, "--port", "0"], /export \w+=http:\S+\n/, {}, 240_000);
  stops.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  );
  return { endpoint: new RegExp(`export ${variable}=(\\S+)`).exec(output)[1], how: "started by scripts/start-peer.mjs" };
};

const clientFor = (endpoint) =>
  new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "111111111111", secretAccessKey: "test" } });

/** `size` MiB whose every MiB differs (its index in its first bytes), and their MD5. */
const block = (() => {
  const bytes = Buffer.alloc(MiB);
  const seed = createHash("sha512").update("sandbox-put").digest();
  for (let at = 0; at < MiB; at += seed.length) seed.copy(bytes, at);
  return bytes;
})();
const blockNumbered = (i) => {
  const copy = Buffer.from(block);
  copy.writeUInt32BE(i, 0);
  return copy;
};
const md5Of = (size) => {
  const md5 = createHash("md5");
  for (let i = 0; i < size; i++) md5.update(blockNumbered(i));
  return md5.digest("hex");
};
const streamBody = (size) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < size; i++) yield blockNumbered(i);
    })(),
  );
const bufferBody = (size) => Buffer.concat(Array.from({ length: size }, (_, i) => blockNumbered(i)));

const wholeBody = bufferBody(mebibytes);
const BODIES = {
  stream: { title: "stream body (aws-chunked, CRC32 trailer)", make: () => streamBody(mebibytes) },
  buffer: { title: "Buffer body (signed SHA-256, CRC32 header)", make: () => wholeBody },
};
const expectedEtag = `"${md5Of(mebibytes)}"`;

/** One PutObject; its seconds, and the CPU seconds of the server's processes (where they are found). */
const putOnce = async (target, bodyKind) => {
  const cpuBefore = target.pid ? treeCpuSeconds(target.pid) : undefined;
  const started = performance.now();
  const answer = await target.client.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: "big", Body: BODIES[bodyKind].make(), ContentLength: mebibytes * MiB }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!target.floor && answer.ETag !== expectedEtag) throw new Error(`${target.label}: ETag ${answer.ETag}, expected ${expectedEtag}`);
  return { seconds, cpu: cpuBefore === undefined ? undefined : treeCpuSeconds(target.pid) - cpuBefore };
};

// --- the targets ------------------------------------------------------------------------------
const targets = [];
const sandbox = await startSandbox();
stops.push(sandbox.stop);
targets.push({ label: "sandbox (in memory: blobs in the OS temp folder)", endpoint: sandbox.endpoint });
if (withDataDir) {
  const dataDir = mkdtempSync(join(tmpdir(), "s3-tutor-bench-put-"));
  const kept = await startSandbox({ dataDir });
  stops.push(async () => {
    await kept.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  targets.push({ label: "sandbox with a data directory (synced)", endpoint: kept.endpoint });
}
const notes = [];
if (withPeers) {
  for (const [name, label] of [
    ["localstack", "LocalStack"],
    ["moto", "moto"],
  ]) {
    try {
      const peer = await startPeer(name);
      targets.push({ label, endpoint: peer.endpoint, peer: true });
      notes.push(`${label} at ${peer.endpoint} (${peer.how})`);
    } catch (error) {
      notes.push(`${label}: not measured (${error.message.split("\n")[0]})`);
    }
  }
}
const floor = await startServer(process.execPath, ["bench/floor-server.mjs"], /listening http:\/\/\S+/);
stops.push(async () => void floor.child.kill());
targets.push({ label: "floor: discarding HTTP server", endpoint: /(http:\/\/\S+)/.exec(floor.output)[1], floor: true });

for (const target of targets) {
  target.client = clientFor(target.endpoint);
  target.pid = listenerPid(Number(new URL(target.endpoint).port));
  if (!target.floor) await target.client.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((error) => {
    if (error.name !== "BucketAlreadyOwnedByYou" && error.name !== "BucketAlreadyExists") throw error;
  });
  target.runs = { stream: [], buffer: [] };
}

console.log(`PutObject of ${mebibytes} MiB through @aws-sdk/client-s3, ${rounds} rounds, targets alternating (one warm-up each)`);
for (const note of notes) console.log(`  ${note}`);

// --- alternating rounds -----------------------------------------------------------------------
for (const target of targets) for (const kind of Object.keys(BODIES)) await putOnce(target, kind);
for (let round = 0; round < rounds; round++) {
  for (const kind of Object.keys(BODIES)) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    for (const target of order) target.runs[kind].push(await putOnce(target, kind));
  }
}

const MB = 1e6;
const rate = (seconds) => (mebibytes * MiB) / MB / seconds;
const medians = {};
for (const kind of Object.keys(BODIES)) {
  console.log(`\n  ${BODIES[kind].title}`);
  console.log(`    ${"MB/s (10^6 bytes a second)".padEnd(48)}   min  median     max   server CPU ms a PUT (median)`);
  for (const target of targets) {
    const runs = target.runs[kind];
    const rates = summary(runs.map((run) => rate(run.seconds)));
    const cpus = runs.every((run) => run.cpu !== undefined) ? summary(runs.map((run) => run.cpu * 1000)) : undefined;
    (medians[kind] ??= {})[target.label] = rates.p50;
    console.log(
      `    ${target.label.padEnd(48)} ${rates.min.toFixed(0).padStart(5)} ${rates.p50.toFixed(0).padStart(7)} ${rates.max.toFixed(0).padStart(7)}` +
        `   ${cpus ? cpus.p50.toFixed(0).padStart(6) : "     -"}`,
    );
  }
  const mine = medians[kind][targets[0].label];
  const ratios = targets.filter((target) => target.peer).map((target) => `${target.label} ${(mine / medians[kind][target.label]).toFixed(2)}`);
  if (ratios.length > 0) console.log(`    sandbox median / peer median: ${ratios.join(", ")}`);
}
console.log(`\n  load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
const { peakRss } = await sandbox.usage();
console.log(`\n  the compared sandbox after ${rounds * 2 + 2} PUTs: peak RSS ${(peakRss / MiB).toFixed(0)} MiB`);
for (const target of targets) target.client.destroy();
await stopAll();

// --- peak RSS against the object's size, each in a fresh sandbox ------------------------------
console.log(`\n  sandbox peak RSS, one PutObject (stream body) in a fresh process:`);
for (const size of [0, mebibytes, bigMebibytes]) {
  const fresh = await startSandbox();
  const client = clientFor(fresh.endpoint);
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  if (size > 0) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "big", Body: streamBody(size), ContentLength: size * MiB }));
  const usage = await fresh.usage();
  console.log(`    ${(size === 0 ? "no object (idle)" : `${size} MiB`).padEnd(20)} peak RSS ${(usage.peakRss / MiB).toFixed(0).padStart(4)} MiB`);
  client.destroy();
  await fresh.stop();
}
process.exit(0);
