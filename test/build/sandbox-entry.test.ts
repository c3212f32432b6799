import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { GetObjectCommand, PutObjectCommand, S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import * as fromSource from "../../src/sandbox/index";

const root = join(import.meta.dirname, "..", "..");

/** The package's `s3-tutor/sandbox` export: dist/sandbox.js, which loads the sandbox's chunk (src/bundle/sandbox-entry.ts). */
describe("s3-tutor/sandbox, as built", () => {
  it("exports every name src/sandbox/index.ts does, and a sandbox it starts serves a real client", async () => {
    const built = (await import(pathToFileURL(join(root, "dist", "sandbox.js")).href)) as typeof fromSource;
    expect(Object.keys(built).sort()).toEqual(Object.keys(fromSource).sort());
    expect(built.DEFAULT_ACCESS_KEY_ID).toBe(fromSource.DEFAULT_ACCESS_KEY_ID);

    const dataDir = await mkdtemp(join(tmpdir(), "s3-tutor-sandbox-entry-"));
    const sandbox = await built.startSandbox({ port: 0, dataDir, });
    try {
      const client = new S3Client({
        endpoint: sandbox.endpoint,
        region: "eu-west-1",
        forcePathStyle: true,
        credentials: { accessKeyId: built.DEFAULT_ACCESS_KEY_ID, secretAccessKey: built.SANDBOX_SECRET_ACCESS_KEY },
      });
      await client.send(new CreateBucketCommand({ Bucket: "entry-check", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
      await client.send(new PutObjectCommand({ Bucket: "entry-check", Key: "k", Body: "hello" }));
      const got = await client.send(new GetObjectCommand({ Bucket: "entry-check", Key: "k" }));
      expect(await got.Body!.transformToString()).toBe("hello");
      client.destroy();
    } finally {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
