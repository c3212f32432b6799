// Listing speed over a big bucket: the sandbox against LocalStack, both filled with the same keys
// and listed through the real SDK over HTTP, alternating. Measures one 1000-key ListObjectsV2 page
// from the middle (StartAfter), a prefix query that matches 10 keys, and the full listing; the
// sandbox process's RSS around a full listing; and the prefix query at a tenth of the keys to show
// it does not grow with the bucket.
//   node bench/sandbox-list.mjs                      100k keys, 7 rounds
//   BENCH_LIST_KEYS=20000 BENCH_LIST_ROUNDS=3 node bench/sandbox-list.mjs
//   S3_TUTOR_LOCALSTACK_ENDPOINT=http://127.0.0.1:4566 node bench/sandbox-list.mjs   a running LocalStack
//   BENCH_LIST_PEER=none node bench/sandbox-list.mjs     the sandbox alone
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { forkSandbox } from "./forked-sandbox.mjs";
import { ensureBuilt, ms, root, summary } from "./lib.mjs";

const KEYS = Number(process.env.BENCH_LIST_KEYS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 7);
const PARALLEL = 64;
// A bucket of its own per run: a LocalStack that is already running may hold an earlier run's.
const BUCKET = `listing-${Date.now().toString(36)}`;
const MiB = 1024 * 1024;

ensureBuilt();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** `count` keys, ten under each "dir-NNNNN/" so a prefix query matches exactly 10. */
const keyAt = (i) => `dir-${String(Math.floor(i / 10)).padStart(6, "0")}/object-${i % 10}.txt`;

const client = (endpoint) =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "111111111111", secretAccessKey: "test" },
    maxAttempts: 3,
  });

const startSandbox = async () => ({ name: "sandbox", ...(await forkSandbox()) });

const startLocalStack = async () => {
  if (process.env.S3_TUTOR_LOCALSTACK_ENDPOINT) return { name: "localstack", endpoint: process.env.S3_TUTOR_LOCALSTACK_ENDPOINT, stop: async () => {} };
  const child = spawn(process.execPath, ["scripts/start-peer.mjs", "localstack", "--port", "0"], { cwd: root, detached: true });
  const endpoint = await new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk) => {
      out += chunk;
      const match = /S3_TUTOR_LOCALSTACK_ENDPOINT=(\S+)/.exec(out);
      if (match) resolve(match[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`LocalStack did not start (${code}): ${out}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  const stop = async () => {
    process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  return { name: "localstack", endpoint, stop };
};

/** SHA-256 as the SigV4 signer wants it, from node:crypto. */
class Sha256 {
  constructor(secret) {
    this.hash = secret ? createHmac("sha256", secret) : createHash("sha256");
  }
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return this.hash.digest();
  }
}
const signer = new SignatureV4({
  service: "s3",
  region: "us-east-1",
  credentials: { accessKeyId: "111111111111", secretAccessKey: "test" },
  sha256: Sha256,
  uriEscapePath: false,
});
const EMPTY_SHA256 = createHash("sha256").digest("hex");

const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });

/** A SigV4-signed request with an empty body over plain HTTP; resolves with the response text. */
const signedRequest = async (endpoint, method, path, query = {}) => {
  const url = new URL(endpoint);
  const signed = await signer.sign({
    method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers: { host: url.host, "content-length": "0", "x-amz-content-sha256": EMPTY_SHA256 },
  });
  const search = new URLSearchParams(query).toString();
  return new Promise((resolve, reject) => {
    const sent = request({ agent, host: url.hostname, port: url.port, method, path: search ? `${path}?${search}` : path, headers: signed.headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`${method} ${path}: ${response.statusCode}`))));
    });
    sent.on("error", reject);
    sent.end();
  });
};

/**
 * Puts keys [from, to) as empty objects, PARALLEL at a time: signed PUTs over plain keep-alive
 * HTTP, since the SDK's own per-request work would make filling 100k keys take many minutes on a
 * busy machine. Only the filling goes this way; the listings measured go through the SDK.
 */
const fill = async (endpoint, bucket, from, to) => {
  let next = from;
  const worker = async () => {
    while (next < to) await signedRequest(endpoint, "PUT", `/${bucket}/${keyAt(next++).split("/").map(encodeURIComponent).join("/")}`);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
};

/** The full listing again without the SDK (signed GETs, the token read with a regex): the server's share of the time. */
const rawFullListing = async (endpoint, bucket) => {
  let token;
  let keys = 0;
  do {
    const text = await signedRequest(endpoint, "GET", `/${bucket}`, { "list-type": "2", ...(token ? { "continuation-token": token } : {}) });
    keys += Number(/<KeyCount>(\d+)<\/KeyCount>/.exec(text)?.[1] ?? 0);
    token = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(text)?.[1];
  } while (token);
  return keys;
};

const timed = async (run) => {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
};

const middlePage = (s3, bucket, count) => s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: keyAt(Math.floor(count / 2)) }));
const prefixQuery = (s3, bucket, count) =>
  s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: keyAt(Math.floor(count * 0.7)).slice(0, "dir-000000/".length) }));
const fullListing = async (s3, bucket) => {
  let token;
  let keys = 0;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    keys += page.KeyCount ?? 0;
    token = page.NextContinuationToken;
  } while (token);
  return keys;
};

const servers = [await startSandbox()];
if (process.env.BENCH_LIST_PEER !== "none") servers.push(await startLocalStack());
const failures = [];
try {
  const small = Math.floor(KEYS / 10);
  for (const server of servers) {
    server.s3 = client(server.endpoint);
    const started = performance.now();
    await server.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await fill(server.endpoint, BUCKET, 0, small);
    server.smallPrefix = [];
    for (let round = 0; round < ROUNDS; round++) server.smallPrefix.push((await timed(() => prefixQuery(server.s3, BUCKET, small))).ms);
    await fill(server.endpoint, BUCKET, small, KEYS);
    console.log(`${server.name}: ${KEYS} keys put in ${((performance.now() - started) / 1000).toFixed(1)} s (${server.endpoint})`);
  }

  const measures = {
    "1000-key page from the middle": async (server) => {
      const { ms: took, result } = await timed(() => middlePage(server.s3, BUCKET, KEYS));
      if (result.KeyCount !== 1000) failures.push(`${server.name}: the middle page has ${result.KeyCount} keys`);
      return took;
    },
    "10-key prefix query": async (server) => {
      const { ms: took, result } = await timed(() => prefixQuery(server.s3, BUCKET, KEYS));
      if (result.KeyCount !== 10) failures.push(`${server.name}: the prefix query found ${result.KeyCount} keys`);
      return took;
    },
    [`full listing of ${KEYS} keys`]: async (server) => {
      const { ms: took, result } = await timed(() => fullListing(server.s3, BUCKET));
      if (result !== KEYS) failures.push(`${server.name}: the full listing found ${result} keys`);
      return took;
    },
    [`full listing of ${KEYS} keys, raw HTTP (no SDK)`]: async (server) => {
      const { ms: took, result } = await timed(() => rawFullListing(server.endpoint, BUCKET));
      if (result !== KEYS) failures.push(`${server.name}: the raw full listing found ${result} keys`);
      return took;
    },
  };
  const samples = new Map();
  const rss = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, measure] of Object.entries(measures)) {
      // Alternate which server goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const before = server.usage && label === `full listing of ${KEYS} keys` ? await server.usage() : undefined;
        const took = await measure(server);
        if (before) rss.push({ before: before.rss, after: (await server.usage()).rss });
        const key = `${label}|${server.name}`;
        samples.set(key, [...(samples.get(key) ?? []), took]);
      }
    }
  }

  const row = (label, values) => {
    const { min, p50, max } = summary(values);
    return `  ${label.padEnd(58)} min ${ms(min).padStart(11)}  median ${ms(p50).padStart(11)}  max ${ms(max).padStart(11)}`;
  };
  console.log(`\n${ROUNDS} rounds, alternating`);
  for (const label of Object.keys(measures)) {
    for (const server of servers) console.log(row(`${label} — ${server.name}`, samples.get(`${label}|${server.name}`)));
    if (servers.length > 1) {
      const ratio = summary(samples.get(`${label}|sandbox`)).p50 / summary(samples.get(`${label}|localstack`)).p50;
      console.log(`  ${"".padEnd(58)} sandbox/localstack median: ${ratio.toFixed(3)}`);
    }
  }
  for (const server of servers) {
    console.log(row(`10-key prefix query at ${small} keys — ${server.name}`, server.smallPrefix));
    const atSmall = summary(server.smallPrefix).p50;
    const atFull = summary(samples.get(`10-key prefix query|${server.name}`)).p50;
    console.log(`  ${"".padEnd(58)} ${KEYS} vs ${small} keys median: ${(atFull / atSmall).toFixed(2)}x`);
  }
  console.log(
    `  sandbox RSS around a full listing: ${rss.map(({ before, after }) => `${(before / MiB).toFixed(0)} → ${(after / MiB).toFixed(0)}`).join(", ")} MiB`,
  );
  const { peakRss } = await servers[0].usage();
  console.log(`  sandbox peak RSS over the whole run: ${(peakRss / MiB).toFixed(0)} MiB`);
} finally {
  agent.destroy();
  for (const server of servers) {
    server.s3?.destroy();
    await server.stop();
  }
}
if (failures.length > 0) {
  console.error(`FAILED:\n  ${[...new Set(failures)].join("\n  ")}`);
  process.exit(1);
}
