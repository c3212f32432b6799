// Large objects through the sandbox: a 5 GiB single PUT and a 10 GiB multipart upload (ten 1 GiB
// parts), both streamed by the real SDK, then read back whole with GetObject and checked (size,
// ETag, MD5 of every byte). Prints each phase's throughput and the sandbox process's peak RSS,
// and fails (exit 1) if anything read back is wrong or the peak passes 150 MiB.
//   node bench/sandbox-big-objects.mjs                 full size (15 GiB on disk, in the OS temp folder)
//   BENCH_BIG_SCALE=0.1 node bench/sandbox-big-objects.mjs   a tenth of it
//   node bench/sandbox-big-objects.mjs --data-dir DIR  the same with a data directory (synced files)
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { forkSandbox } from "./forked-sandbox.mjs";
import { ensureBuilt } from "./lib.mjs";

const MiB = 1024 * 1024;
const RSS_LIMIT = 150 * MiB;
const scale = Number(process.env.BENCH_BIG_SCALE ?? 1);
const singleMiB = Math.round(5 * 1024 * scale);
const partMiB = Math.max(5, Math.round(1024 * scale));
const PARTS = 10;
const dataDirAt = process.argv.indexOf("--data-dir");
const dataDir = dataDirAt === -1 ? undefined : process.argv[dataDirAt + 1];

ensureBuilt();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const sandbox = await forkSandbox(dataDir ? { dataDir } : {});
const { endpoint, usage } = sandbox;

const s3 = new S3Client({
  endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "111111111111", secretAccessKey: "test" },
});
const failures = [];
const check = (what, actual, expected) => {
  if (actual !== expected) failures.push(`${what}: expected ${expected}, got ${actual}`);
};

/** `mebibytes` of bytes that differ from MiB to MiB, made as they are sent; md5() once sent. */
const generated = (mebibytes, seed) => {
  const block = Buffer.alloc(MiB);
  const base = createHash("sha512").update(String(seed)).digest();
  for (let at = 0; at < MiB; at += base.length) base.copy(block, at);
  const md5 = createHash("md5");
  let digest;
  async function* chunks() {
    for (let i = 0; i < mebibytes; i++) {
      block.writeUInt32BE(i, 0);
      md5.update(block);
      yield Buffer.from(block);
    }
  }
  return { body: Readable.from(chunks()), length: mebibytes * MiB, md5: () => (digest ??= md5.digest("hex")) };
};

const rows = [];
const timed = async (label, mebibytes, run) => {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const { peakRss } = await usage();
  rows.push({ label, mebibytes, seconds, peakRss });
  console.log(
    `  ${label.padEnd(44)} ${(mebibytes / 1024).toFixed(2).padStart(6)} GiB ${seconds.toFixed(1).padStart(7)} s ` +
      `${(mebibytes / seconds).toFixed(0).padStart(5)} MiB/s   sandbox peak RSS ${(peakRss / MiB).toFixed(0)} MiB`,
  );
  return result;
};

/** Reads a GetObject body: its size, and the MD5 of each `sectionBytes` (all of it when omitted). */
const readBack = async (key, sectionBytes) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: "big", Key: key }));
  const md5s = [];
  let md5 = createHash("md5");
  let size = 0;
  let inSection = 0;
  for await (const chunk of got.Body) {
    let at = 0;
    while (at < chunk.length) {
      const take = sectionBytes ? Math.min(chunk.length - at, sectionBytes - inSection) : chunk.length - at;
      md5.update(chunk.subarray(at, at + take));
      at += take;
      inSection += take;
      if (sectionBytes && inSection === sectionBytes) {
        md5s.push(md5.digest());
        md5 = createHash("md5");
        inSection = 0;
      }
    }
    size += chunk.length;
  }
  if (!sectionBytes || inSection > 0) md5s.push(md5.digest());
  return { size, etag: got.ETag, md5s };
};

console.log(`Large objects through the sandbox (${dataDir ? `data directory ${dataDir}` : "no data directory"}; scale ${scale})`);
console.log(`  idle sandbox RSS ${((await usage()).rss / MiB).toFixed(0)} MiB`);
await s3.send(new CreateBucketCommand({ Bucket: "big" }));

const single = generated(singleMiB, 1);
const put = await timed("PutObject, one streamed body", singleMiB, () =>
  s3.send(new PutObjectCommand({ Bucket: "big", Key: "single", Body: single.body, ContentLength: single.length })),
);
check("PutObject ETag", put.ETag, `"${single.md5()}"`);

const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "big", Key: "multipart" }));
const parts = [];
await timed(`UploadPart x${PARTS}, streamed, then Complete`, partMiB * PARTS, async () => {
  for (let number = 1; number <= PARTS; number++) {
    const part = generated(partMiB, 100 + number);
    const uploaded = await s3.send(
      new UploadPartCommand({ Bucket: "big", Key: "multipart", UploadId, PartNumber: number, Body: part.body, ContentLength: part.length }),
    );
    check(`part ${number} ETag`, uploaded.ETag, `"${part.md5()}"`);
    parts.push({ PartNumber: number, ETag: uploaded.ETag });
  }
  return s3.send(new CompleteMultipartUploadCommand({ Bucket: "big", Key: "multipart", UploadId, MultipartUpload: { Parts: parts } }));
});
const partMd5s = parts.map((part) => Buffer.from(part.ETag.replaceAll('"', ""), "hex"));
const multipartEtag = `"${createHash("md5").update(Buffer.concat(partMd5s)).digest("hex")}-${PARTS}"`;

const singleBack = await timed("GetObject of the single PUT", singleMiB, () => readBack("single"));
check("single size", singleBack.size, single.length);
check("single ETag", singleBack.etag, `"${single.md5()}"`);
check("single MD5 of the bytes read", singleBack.md5s[0].toString("hex"), single.md5());
const multipartBack = await timed("GetObject of the multipart object", partMiB * PARTS, () => readBack("multipart", partMiB * MiB));
check("multipart size", multipartBack.size, partMiB * PARTS * MiB);
check("multipart ETag", multipartBack.etag, multipartEtag);
check("multipart bytes read (MD5 per part)", Buffer.concat(multipartBack.md5s).toString("hex"), Buffer.concat(partMd5s).toString("hex"));

const { peakRss, rss } = await usage();
console.log(`  sandbox process: peak RSS ${(peakRss / MiB).toFixed(0)} MiB, now ${(rss / MiB).toFixed(0)} MiB (limit ${RSS_LIMIT / MiB} MiB)`);
if (peakRss >= RSS_LIMIT) failures.push(`the sandbox's peak RSS ${(peakRss / MiB).toFixed(0)} MiB is over ${RSS_LIMIT / MiB} MiB`);

s3.destroy();
await sandbox.stop();
if (failures.length > 0) {
  console.error(`FAILED:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("  every byte read back as written");
