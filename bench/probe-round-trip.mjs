// SDK round trips (PutObject then GetObject of a small object) against one endpoint. Prints JSON.
// Usage: node bench/probe-round-trip.mjs <endpoint> <iterations>
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const [endpoint, iterationsArg = "1000"] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const client = new S3Client({
  endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});
const bucket = `bench-${process.pid}`;
const body = Buffer.alloc(1024, 7);
await client.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);

const put = [];
const get = [];
for (let i = 0; i < iterations + 100; i++) {
  const t0 = performance.now();
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: `k${i % 50}`, Body: body }));
  const t1 = performance.now();
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `k${i % 50}` }));
  await got.Body.transformToByteArray();
  const t2 = performance.now();
  if (i >= 100) {
    put.push(t1 - t0);
    get.push(t2 - t1);
  }
}
client.destroy();
console.log(JSON.stringify({ put, get }));
