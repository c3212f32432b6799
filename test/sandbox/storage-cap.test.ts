import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CopyObjectCommand, CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { useTempDirs } from "../helpers/data-dir";
import { SandboxClients, failureOf } from "../helpers/sandbox";

// AWS keeps whatever it is given; the sandbox keeps at most its storage cap, and says so.
const KiB = 1024;
const tempDir = useTempDirs("cap");
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const start = async (options: Parameters<typeof startSandbox>[0]) => {
  sandbox = await startSandbox(options);
  const s3 = new SandboxClients(sandbox).s3();
  await s3.send(new CreateBucketCommand({ Bucket: "capped" })).catch(() => undefined);
  return s3;
};

describe("the sandbox's storage cap", () => {
  it("an upload past the cap is EntityTooLarge, in words that name the sandbox's cap and how to raise it", async () => {
    const s3 = await start({ maxStoredBytes: 1024 * KiB });
    await s3.send(new PutObjectCommand({ Bucket: "capped", Key: "first", Body: randomBytes(600 * KiB) }));
    const error = await failureOf(s3.send(new PutObjectCommand({ Bucket: "capped", Key: "second", Body: randomBytes(600 * KiB) })));
    expect(error.name).toBe("EntityTooLarge");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toContain("storage cap");
    expect(error.message).toContain("1 MiB");
    expect(error.message).toContain("--max-storage");
    // Nothing of the refused upload is left behind.
    expect(readdirSync(sandbox!.bodiesDir)).toHaveLength(1);
  });

  it("small objects, kept in memory rather than in files, count against the cap too, and deleting them frees it", async () => {
    const s3 = await start({ maxStoredBytes: 200 * KiB });
    const put = (Key: string) => s3.send(new PutObjectCommand({ Bucket: "capped", Key, Body: randomBytes(10 * KiB) }));
    for (let index = 0; index < 20; index++) await put(`small-${index}`);
    const refused = await failureOf(put("one-too-many"));
    expect(refused.name).toBe("EntityTooLarge");
    expect(refused.message).toContain("storage cap");
    // No file was written for any of them: the bytes were in memory, and counted all the same.
    expect(readdirSync(sandbox!.bodiesDir)).toHaveLength(0);
    await s3.send(new DeleteObjectCommand({ Bucket: "capped", Key: "small-0" }));
    await put("one-too-many");
  });

  it("space freed by deleting or overwriting objects is used again", async () => {
    const s3 = await start({ maxStoredBytes: 1024 * KiB });
    await s3.send(new PutObjectCommand({ Bucket: "capped", Key: "first", Body: randomBytes(700 * KiB) }));
    const refused = await failureOf(s3.send(new PutObjectCommand({ Bucket: "capped", Key: "again", Body: randomBytes(400 * KiB) })));
    expect(refused.name).toBe("EntityTooLarge");
    await s3.send(new DeleteObjectCommand({ Bucket: "capped", Key: "first" }));
    // Each overwrite needs room for the new bytes while the old ones are still the object's.
    const last = randomBytes(400 * KiB);
    for (const body of [randomBytes(400 * KiB), randomBytes(400 * KiB), last]) {
      await s3.send(new PutObjectCommand({ Bucket: "capped", Key: "again", Body: body }));
    }
    const got = await s3.send(new GetObjectCommand({ Bucket: "capped", Key: "again" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(last)).toBe(true);
  });

  it("a copy shares its source's bytes, so it costs nothing against the cap", async () => {
    const s3 = await start({ maxStoredBytes: 1024 * KiB });
    await s3.send(new PutObjectCommand({ Bucket: "capped", Key: "source", Body: randomBytes(900 * KiB) }));
    for (const key of ["copy-1", "copy-2", "copy-3"]) {
      await s3.send(new CopyObjectCommand({ Bucket: "capped", Key: key, CopySource: "capped/source" }));
    }
    expect(readdirSync(sandbox!.bodiesDir)).toHaveLength(1);
  });

  it("with a data directory, space comes back once a snapshot no longer names the old bytes", async () => {
    const dataDir = tempDir();
    const s3 = await start({ dataDir, maxStoredBytes: 1024 * KiB });
    const last = randomBytes(400 * KiB);
    for (const body of [randomBytes(400 * KiB), randomBytes(400 * KiB), last]) {
      await s3.send(new PutObjectCommand({ Bucket: "capped", Key: "kept", Body: body }));
    }
    // Three 400 KiB bodies were written under a 1 MiB cap: the first one's file went with a snapshot.
    const blobs = join(dataDir, "blobs");
    const onDisk = readdirSync(blobs).reduce((sum, name) => sum + statSync(join(blobs, name)).size, 0);
    expect(onDisk).toBeLessThanOrEqual(1024 * KiB);
    await sandbox!.close();
    const reopened = await start({ dataDir, maxStoredBytes: 1024 * KiB });
    const got = await reopened.send(new GetObjectCommand({ Bucket: "capped", Key: "kept" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(last)).toBe(true);
  });

  it("S3_TUTOR_SANDBOX_MAX_STORAGE sets the cap; a value that is not a size stops the start with a clear message", async () => {
    const saved = process.env.S3_TUTOR_SANDBOX_MAX_STORAGE;
    try {
      process.env.S3_TUTOR_SANDBOX_MAX_STORAGE = "512KiB";
      const s3 = await start({});
      const error = await failureOf(s3.send(new PutObjectCommand({ Bucket: "capped", Key: "big", Body: randomBytes(600 * KiB) })));
      expect(error.name).toBe("EntityTooLarge");
      expect(error.message).toContain("512 KiB");
      await sandbox!.close();
      sandbox = undefined;
      process.env.S3_TUTOR_SANDBOX_MAX_STORAGE = "lots";
      await expect(startSandbox()).rejects.toThrow('S3_TUTOR_SANDBOX_MAX_STORAGE="lots" is not a size');
    } finally {
      if (saved === undefined) delete process.env.S3_TUTOR_SANDBOX_MAX_STORAGE;
      else process.env.S3_TUTOR_SANDBOX_MAX_STORAGE = saved;
    }
  });
});
