import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it, onTestFinished } from "vitest";
import { startSandbox } from "../../src/sandbox/index";
import { exposedWarning, isLoopback } from "../../src/cli/sandbox-banner";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";
import { useTempDirs } from "../helpers/data-dir";

const endpointOf = (output: string) => /Endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";

describe("s3-tutor sandbox", () => {
  it("prints the endpoint, the credential convention and lines to paste, logs each request, and stops on SIGTERM", async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0"]);
    const done = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/);
    const endpoint = endpointOf(banner);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toMatch(/Data\s+not kept \(object bodies meanwhile in .*s3-tutor-sandbox-bodies-/);
    expect(banner).toContain("Nothing is kept: everything is gone when the sandbox stops.");
    expect(banner).toContain(`export AWS_ENDPOINT_URL=${endpoint}`);
    expect(banner).toContain("export AWS_ACCESS_KEY_ID=test");
    expect(banner).toContain("export AWS_SECRET_ACCESS_KEY=test");
    expect(banner).toContain('$env:AWS_ENDPOINT_URL="');
    expect(banner).toMatch(/12-digit access key id is that account/);

    const s3 = new S3Client({
      endpoint,
      region: "eu-west-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "123456789012", secretAccessKey: "test" },
    });
    await s3.send(new CreateBucketCommand({ Bucket: "cli-logged", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await s3.send(new CreateBucketCommand({ Bucket: "cli-logged", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } })).catch(() => undefined);
    const log = await waitForOutput(child, /BucketAlreadyOwnedByYou/);
    expect(log).toMatch(/PUT\s+CreateBucket\s+123456789012\s+eu-west-1\s+200/);
    expect(log).toMatch(/PUT\s+CreateBucket\s+123456789012\s+eu-west-1\s+409 BucketAlreadyOwnedByYou/);

    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Sandbox stopped.");
    expect(result.stderr).toBe("");
    await expect(s3.send(new ListBucketsCommand({}))).rejects.toThrow();
  });

  it("stops cleanly on Ctrl-C (SIGINT)", async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0"]);
    const done = finished(child);
    await waitForOutput(child, /Press Ctrl-C to stop/);
    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Sandbox stopped.");
  });

  it("a port in use is a one-line error with the fix, and exit code 1", async () => {
    const taken = await startSandbox();
    try {
      const result = await finished(spawnCli(["sandbox", "--ephemeral", "--port", String(taken.port)]));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${taken.port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain("--port 0");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await taken.close();
    }
  });

  it("a port that is not a number is refused with a clear message", async () => {
    const result = await finished(spawnCli(["sandbox", "--port", "eighty"]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("a port is a whole number from 0 to 65535");
  });

  it("warns when listening beyond loopback", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("localhost")).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
    expect(isLoopback("192.168.1.10")).toBe(false);
    expect(exposedWarning("0.0.0.0")).toMatch(/not on loopback.*anyone who can reach this port/);
  });
});

describe("s3-tutor sandbox --replication-delay", () => {
  it("logs each replication with its outcome", async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0", "--replication-delay", "100ms"]);
    const done = finished(child);
    const endpoint = endpointOf(await waitForOutput(child, /Press Ctrl-C to stop/));
    const { SandboxClients } = await import("../helpers/sandbox");
    const { createRole, createVersionedBucket, putReplication, replicationPolicy, ruleTo } = await import("../helpers/replication");
    const clients = new SandboxClients({ endpoint, host: "127.0.0.1", port: Number(endpoint.split(":").at(-1)), bodiesDir: "", view: () => [], mrapView: () => [], close: async () => undefined });
    const s3 = clients.s3({ accessKeyId: "111111111111", region: "us-east-1" });
    await createVersionedBucket(s3, "log-source", "us-east-1");
    await createVersionedBucket(clients.s3({ accessKeyId: "111111111111", region: "eu-west-1" }), "log-destination", "eu-west-1");
    const role = await createRole(clients, "111111111111", "log-role", undefined, replicationPolicy("log-source", ["log-destination"]));
    await putReplication(s3, "log-source", role, [ruleTo("log-destination")]);
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const put = await s3.send(new PutObjectCommand({ Bucket: "log-source", Key: "report.csv", Body: "x" }));
    const log = await waitForOutput(child, /replicate log-source\/report\.csv/);
    expect(log).toContain(`replicate log-source/report.csv v=${put.VersionId} us-east-1 → log-destination eu-west-1 COMPLETED`);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });

  it("takes S3_TUTOR_REPLICATION_DELAY when the flag is not given", async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0"], { S3_TUTOR_REPLICATION_DELAY: "100ms-300ms" });
    const done = finished(child);
    const endpoint = endpointOf(await waitForOutput(child, /Press Ctrl-C to stop/));
    const { probeSandbox } = await import("../../src/sandbox/index");
    expect(await probeSandbox(endpoint)).toMatchObject({ kind: "sandbox", health: { replicationDelay: [100, 300] } });
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });

  it("refuses a delay it cannot read", async () => {
    const result = await finished(spawnCli(["sandbox", "--replication-delay", "soon"]));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s"');
  });
});

describe("s3-tutor sandbox --max-storage", () => {
  it("caps the object data the sandbox keeps: an upload past it is refused, saying so", async () => {
    const child = spawnCli(["sandbox", "--ephemeral", "--port", "0", "--max-storage", "1MiB"]);
    const done = finished(child);
    const endpoint = endpointOf(await waitForOutput(child, /Press Ctrl-C to stop/));
    const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "111111111111", secretAccessKey: "test" } });
    await s3.send(new CreateBucketCommand({ Bucket: "cli-capped" }));
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const refused = await s3.send(new PutObjectCommand({ Bucket: "cli-capped", Key: "big", Body: Buffer.alloc(2 * 1024 * 1024) })).catch((error: Error) => error);
    expect(refused).toMatchObject({ name: "EntityTooLarge", message: expect.stringContaining("storage cap") });
    expect(await waitForOutput(child, /PutObject.*400 EntityTooLarge/)).toMatch(/PutObject.*400 EntityTooLarge/);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });

  it("refuses a size it cannot read, from the flag or from S3_TUTOR_SANDBOX_MAX_STORAGE", async () => {
    const flag = await finished(spawnCli(["sandbox", "--ephemeral", "--max-storage", "plenty"]));
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--max-storage "plenty" is not a size: give one such as "20GiB"');
    const env = await finished(spawnCli(["sandbox", "--ephemeral", "--port", "0"], { S3_TUTOR_SANDBOX_MAX_STORAGE: "plenty" }));
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('S3_TUTOR_SANDBOX_MAX_STORAGE="plenty" is not a size');
    expect(env.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("s3-tutor sandbox keeps its world", () => {
  const tempDir = useTempDirs("cli-sandbox");
  const learnerS3 = (endpoint: string) =>
    new S3Client({ endpoint, region: "eu-west-1", forcePathStyle: true, credentials: { accessKeyId: "111122223333", secretAccessKey: "test" } });

  it("by default it serves your own sandbox: kept in the state folder, on the port it had before, signing as the lessons' account", async () => {
    const stateDir = tempDir();
    const env = { S3_TUTOR_STATE_DIR: stateDir };
    const first = spawnCli(["sandbox", "--port", "0"], env);
    const firstDone = finished(first);
    onTestFinished(() => void first.kill("SIGKILL"));
    const banner = await waitForOutput(first, /Press Ctrl-C to stop/);
    const endpoint = endpointOf(banner);
    expect(banner).toContain(`kept in ${join(stateDir, "sandbox")}`);
    expect(banner).toContain("export AWS_ACCESS_KEY_ID=111122223333");
    expect(banner).toContain("export AWS_REGION=eu-west-1");
    expect(banner).toContain('eval "$(s3-tutor env)"');
    expect(banner).toContain("still there when the sandbox starts again");
    await learnerS3(endpoint).send(new CreateBucketCommand({ Bucket: "cli-kept", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));

    // A second one on the same folder is refused, naming where the first one serves it.
    const second = await finished(spawnCli(["sandbox"], env));
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toContain(`is already served by process ${first.pid} at ${endpoint}`);

    first.kill("SIGTERM");
    expect((await firstDone).code).toBe(0);

    // Started again without --port: the same port, the same buckets.
    const again = spawnCli(["sandbox"], env);
    const againDone = finished(again);
    onTestFinished(() => void again.kill("SIGKILL"));
    expect(endpointOf(await waitForOutput(again, /Press Ctrl-C to stop/))).toBe(endpoint);
    const listed = await learnerS3(endpoint).send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(["cli-kept"]);
    again.kill("SIGTERM");
    expect((await againDone).code).toBe(0);
  });

  it("--data-dir keeps it in another folder; --ephemeral with it is refused", async () => {
    const dataDir = tempDir();
    const child = spawnCli(["sandbox", "--port", "0", "--data-dir", dataDir]);
    const done = finished(child);
    onTestFinished(() => void child.kill("SIGKILL"));
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/);
    expect(banner).toContain(`kept in ${dataDir}`);
    expect(banner).toContain("export AWS_ACCESS_KEY_ID=test");
    const s3 = learnerS3(endpointOf(banner));
    await s3.send(new CreateBucketCommand({ Bucket: "cli-data-dir", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
    expect(readdirSync(dataDir)).toContain("snapshot.jsonl");
    expect(readFileSync(join(dataDir, "snapshot.jsonl"), "utf8")).toContain("cli-data-dir");

    const both = await finished(spawnCli(["sandbox", "--data-dir", dataDir, "--ephemeral"]));
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("--data-dir and --ephemeral contradict each other");
  });
});
