import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketTaggingCommand,
  GetBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { SandboxDataDirInUseError, SandboxDataError, startSandbox } from "../../src/sandbox/index";
import { serveInChild, useTempDirs } from "../helpers/data-dir";

// A sandbox killed at any moment keeps every write it acknowledged; one process per data directory.
const tempDir = useTempDirs("crash");
const ACCOUNT = "111122223333";

const client = (endpoint: string) =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: "test" },
  });

const bodyOf = async (s3: S3Client, Bucket: string, Key: string, VersionId: string) => {
  const got = await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }));
  return Buffer.from(await got.Body!.transformToByteArray());
};

const journalOf = (dataDir: string) => {
  const name = readdirSync(dataDir).find((file) => file.startsWith("journal-"));
  if (!name) throw new Error(`no journal in ${dataDir}`);
  return join(dataDir, name);
};

/** Creates a bucket with one object in a sandbox of its own process, then kills that process (SIGKILL). */
const writeThenKill = async (dataDir: string, bucket: string, body: string) => {
  const serving = await serveInChild(dataDir);
  const s3 = client(serving.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "kept", Body: body }));
  serving.child.kill("SIGKILL");
  await serving.exited;
  s3.destroy();
  return put.VersionId ?? "null";
};

type Acknowledged = { kind: "put"; key: string; versionId: string; body: Buffer } | { kind: "delete"; key: string; versionId: string };

describe("a sandbox killed with SIGKILL", () => {
  it("keeps every write it acknowledged, whatever was in flight when it died", async () => {
    const dataDir = tempDir();
    const serving = await serveInChild(dataDir);
    const s3 = client(serving.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: "crash-bucket" }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: "crash-bucket", VersioningConfiguration: { Status: "Enabled" } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: "crash-bucket", Tagging: { TagSet: [{ Key: "kept", Value: "yes" }] } }));

    // Eight writers, each at most 150 operations; the process is killed once 200 are acknowledged.
    const acknowledged: Acknowledged[] = [];
    let killed = false;
    const writer = async (id: number) => {
      for (let index = 0; index < 150 && !killed; index += 1) {
        const key = `w${id}/k${index % 10}`;
        try {
          if (index % 7 === 6) {
            const deleted = await s3.send(new DeleteObjectCommand({ Bucket: "crash-bucket", Key: key }));
            acknowledged.push({ kind: "delete", key, versionId: deleted.VersionId ?? "" });
          } else {
            const body = randomBytes(index % 5 === 0 ? 40 * 1024 : 300);
            const put = await s3.send(new PutObjectCommand({ Bucket: "crash-bucket", Key: key, Body: body }));
            acknowledged.push({ kind: "put", key, versionId: put.VersionId ?? "", body });
          }
        } catch {
          return; // the server is gone
        }
        if (acknowledged.length >= 200 && !killed) {
          killed = true;
          serving.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, id) => writer(id)));
    await serving.exited;
    expect(killed).toBe(true);
    s3.destroy();

    const restarted = await startSandbox({ dataDir });
    try {
      const after = client(restarted.endpoint);
      const listed = await after.send(new ListObjectVersionsCommand({ Bucket: "crash-bucket" }));
      const markers = new Set(listed.DeleteMarkers?.map((marker) => `${marker.Key}@${marker.VersionId}`));
      for (const write of acknowledged) {
        if (write.kind === "delete") expect(markers.has(`${write.key}@${write.versionId}`)).toBe(true);
        else expect((await bodyOf(after, "crash-bucket", write.key, write.versionId)).equals(write.body)).toBe(true);
      }
      const tags = await after.send(new GetBucketTaggingCommand({ Bucket: "crash-bucket" }));
      expect(tags.TagSet).toEqual([{ Key: "kept", Value: "yes" }]);
    } finally {
      await restarted.close();
    }
  });

  it("ignores a journal line cut short by the crash, and appends nothing after it", async () => {
    const dataDir = tempDir();
    const versionId = await writeThenKill(dataDir, "torn-bucket", "acknowledged");
    // What a power cut in the middle of the next commit's write leaves.
    appendFileSync(journalOf(dataDir), '{"records":[{"t":"key","bucket":"torn-bucket","key":"lost","versions":[{"kind":"obj');

    let restarted = await startSandbox({ dataDir });
    try {
      const after = client(restarted.endpoint);
      expect((await bodyOf(after, "torn-bucket", "kept", versionId)).toString()).toBe("acknowledged");
      expect(readFileSync(journalOf(dataDir), "utf8")).toBe("");
      await after.send(new PutObjectCommand({ Bucket: "torn-bucket", Key: "later", Body: "after the restart" }));
      await restarted.close();
      restarted = await startSandbox({ dataDir });
      const again = client(restarted.endpoint);
      expect((await bodyOf(again, "torn-bucket", "later", "null")).toString()).toBe("after the restart");
    } finally {
      await restarted.close();
    }
  });

  it("refuses a journal damaged before its end, saying which line", async () => {
    const dataDir = tempDir();
    await writeThenKill(dataDir, "damaged-bucket", "a");
    const journal = journalOf(dataDir);
    const lines = readFileSync(journal, "utf8").split("\n");
    writeFileSync(journal, ["{not json", ...lines].join("\n"));

    const failure = await startSandbox({ dataDir }).then(
      (sandbox) => sandbox.close().then(() => undefined),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SandboxDataError);
    expect((failure as Error).message).toMatch(/line 1 of .*journal-\d+\.jsonl is damaged/);
    // The lock was let go: once the damage is repaired, the folder opens.
    writeFileSync(journal, lines.join("\n"));
    const repaired = await startSandbox({ dataDir });
    await repaired.close();
  });
});

describe("a data directory that cannot be written", () => {
  it.skipIf(process.platform !== "linux")("answers 500 rather than acknowledge a write it could not keep, and reports why", async () => {
    const dataDir = tempDir();
    await (await startSandbox({ dataDir })).close();
    // Started again, the folder gets its third journal (one per snapshot): make it a disk that is always full.
    expect(readdirSync(dataDir)).toContain("journal-2.jsonl");
    symlinkSync("/dev/full", join(dataDir, "journal-3.jsonl"));
    const storageErrors: unknown[] = [];
    const sandbox = await startSandbox({ dataDir, onStorageError: (error) => storageErrors.push(error) });
    try {
      const s3 = client(sandbox.endpoint);
      const failure = await s3.send(new CreateBucketCommand({ Bucket: "full-disk" })).catch((error: Error & { $metadata?: { httpStatusCode?: number } }) => error);
      expect(failure).toMatchObject({ name: "InternalError", $metadata: { httpStatusCode: 500 } });
      // The request's commit, and the retries that follow it (further apart each time).
      expect(storageErrors.length).toBeGreaterThanOrEqual(1);
      for (const error of storageErrors) expect(error).toMatchObject({ code: "ENOSPC" });
    } finally {
      await sandbox.close();
    }
  });
});

describe("one process per data directory", () => {
  it("a second sandbox on a folder another process serves fails, naming that process and its endpoint", async () => {
    const dataDir = tempDir();
    const serving = await serveInChild(dataDir);
    try {
      const failure = await startSandbox({ dataDir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SandboxDataDirInUseError);
      expect(failure).toMatchObject({ pid: serving.child.pid, endpoint: serving.endpoint });
      expect((failure as Error).message).toContain(`in use by process ${serving.child.pid}, serving it at ${serving.endpoint}`);
    } finally {
      serving.child.kill("SIGTERM");
      await serving.exited;
    }
    // Stopped properly, it left no lock behind.
    expect(readdirSync(dataDir)).not.toContain("sandbox.lock");
  });

  it("the same holds within one process", async () => {
    const dataDir = tempDir();
    const first = await startSandbox({ dataDir });
    try {
      const failure = await startSandbox({ dataDir }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: "SandboxDataDirInUseError", pid: process.pid, endpoint: first.endpoint });
    } finally {
      await first.close();
    }
    const second = await startSandbox({ dataDir });
    await second.close();
  });

  it("a lock left by a process that died is taken over", async () => {
    const dataDir = tempDir();
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(join(dataDir, "sandbox.lock"), JSON.stringify({ pid: dead.pid, endpoint: "http://127.0.0.1:9" }));

    const sandbox = await startSandbox({ dataDir });
    try {
      const lock = JSON.parse(readFileSync(join(dataDir, "sandbox.lock"), "utf8")) as { pid: number; endpoint: string };
      expect(lock).toMatchObject({ pid: process.pid, endpoint: sandbox.endpoint });
    } finally {
      await sandbox.close();
    }
  });
});
