// Simulated workshop participants for bench/room.mjs: each joins the room, then works through the
// hands-on steps of "Global vs regional, names and CRR" with the real AWS SDK against the room
// sandbox as their own account (claim a name, try the room's contested name, versioning, a bucket in
// a second Region, objects), posting the events the app would post (step entered, check failed or
// passed, hint, quiz answers). Prints JSON: every sandbox call's and every event post's latency.
// Usage: node bench/room-participants.mjs <endpoint> <code> <count> <first index>
//        node bench/room-participants.mjs <endpoint> --floor <count> <first index>
//   (--floor: the same sandbox calls against a plain sandbox, as its usual accounts, with no room)
import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

const [endpoint, code, countArg, firstArg] = process.argv.slice(2);
const count = Number(countArg);
const first = Number(firstArg);
const sandboxMs = [];
const eventMs = [];
const errors = [];
const floor = code === "--floor";
const contested = floor ? "acme-data-floor" : `acme-data-${code.toLowerCase()}`;
let wonContested = 0;

const post = async (path, body, token) => {
  const started = performance.now();
  const response = await fetch(`${endpoint}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return { answer, ms: performance.now() - started };
};

const participant = async (index) => {
  const table = String(1 + Math.floor(index / 10));
  const { token, target } = floor
    ? {
        target: {
          region: "eu-west-1",
          otherRegion: "us-west-2",
          prefix: `p${index}`,
          identities: { default: { accessKeyId: String(100000000000 + index), secretAccessKey: "test" } },
        },
      }
    : (await post("/_room/v1/join", { protocol: 1, version: "bench", code, name: `bench-${index}`, table })).answer;
  const me = target.identities.default;
  const client = (region) =>
    new S3Client({
      endpoint,
      region,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: me.accessKeyId, secretAccessKey: me.secretAccessKey },
    });
  const home = client(target.region);
  const away = client(target.otherRegion);
  let seq = 0;
  const send = async (activity) => {
    if (floor) return;
    seq += 1;
    const { answer, ms } = await post("/_room/v1/events", { events: [{ ...activity, seq, at: new Date().toISOString() }] }, token);
    if (answer.acknowledged !== seq) throw new Error(`acknowledged ${answer.acknowledged}, sent ${seq}`);
    eventMs.push(ms);
  };
  const call = async (s3, command) => {
    const started = performance.now();
    try {
      return await s3.send(command);
    } finally {
      sandboxMs.push(performance.now() - started);
    }
  };
  const step = async (block, lesson, stepId, title, work) => {
    const place = { block, lesson, step: stepId, title };
    await send({ kind: "stepEntered", ...place });
    // About one participant in four checks before doing the work, as learners do.
    if (index % 4 === 0) await send({ kind: "checkFailed", ...place, failed: [{ expectation: `bucket ${title} exists`, reason: "NoSuchBucket" }] });
    if (index % 7 === 0) await send({ kind: "hint", ...place });
    await work();
    await send({ kind: "checkPassed", ...place });
  };

  const data = `${target.prefix}-data`;
  await send({ kind: "blockEntered", block: "names" });
  await step("names", "global-namespace", "claim-a-name", "Claim a name", async () => {
    await call(home, new CreateBucketCommand({ Bucket: data, CreateBucketConfiguration: { LocationConstraint: target.region } }));
    await call(home, new HeadBucketCommand({ Bucket: data }));
  });
  await step("names", "global-namespace", "another-account-tries", "Another account tries the same name", async () => {
    try {
      await call(home, new CreateBucketCommand({ Bucket: contested, CreateBucketConfiguration: { LocationConstraint: target.region } }));
      wonContested += 1;
    } catch (error) {
      if (error.name !== "BucketAlreadyExists") throw error;
    }
  });
  await step("regions", "regions-and-buckets", "buckets-in-two-regions", "Buckets in two Regions", async () => {
    await call(home, new GetBucketLocationCommand({ Bucket: data }));
    await call(away, new CreateBucketCommand({ Bucket: `${data}-copy`, CreateBucketConfiguration: { LocationConstraint: target.otherRegion } }));
  });
  await step("crr", "replication", "two-versioned-buckets", "Two versioned buckets", async () => {
    await call(home, new PutBucketVersioningCommand({ Bucket: data, VersioningConfiguration: { Status: "Enabled" } }));
    await call(away, new PutBucketVersioningCommand({ Bucket: `${data}-copy`, VersioningConfiguration: { Status: "Enabled" } }));
  });
  await step("crr", "replication", "watch-it-replicate", "Watch it replicate", async () => {
    for (let i = 0; i < 3; i++) await call(home, new PutObjectCommand({ Bucket: data, Key: `notes/${i}.txt`, Body: `note ${i} of ${index}` }));
    await call(home, new ListObjectsV2Command({ Bucket: data, Prefix: "notes/" }));
    const got = await call(home, new GetObjectCommand({ Bucket: data, Key: "notes/0.txt" }));
    await got.Body.transformToString();
  });
  for (let q = 0; q < 5; q++) {
    await send({ kind: "quizAnswer", block: "quiz", questionId: `naming.q${q}`, mode: "practice", correct: (index + q) % 3 !== 0, answer: "b" });
  }
  home.destroy();
  away.destroy();
};

const started = performance.now();
await Promise.all(
  Array.from({ length: count }, (_, i) =>
    participant(first + i).catch((error) => errors.push(String(error?.message ?? error))),
  ),
);
console.log(JSON.stringify({ sandboxMs, eventMs, errors, wonContested, wallMs: performance.now() - started }));
