import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index";
import { exposedWarning, isLoopback } from "../../src/cli/sandbox-banner";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";

const endpointOf = (output: string) => /Endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";

describe("s3-tutor sandbox", () => {
  it("prints the endpoint, the credential convention and lines to paste, logs each request, and stops on SIGTERM", async () => {
    const child = spawnCli(["sandbox", "--port", "0"]);
    const done = finished(child);
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/);
    const endpoint = endpointOf(banner);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
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
    const child = spawnCli(["sandbox", "--port", "0"]);
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
      const result = await finished(spawnCli(["sandbox", "--port", String(taken.port)]));
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
    const child = spawnCli(["sandbox", "--port", "0", "--replication-delay", "100ms"]);
    const done = finished(child);
    const endpoint = endpointOf(await waitForOutput(child, /Press Ctrl-C to stop/));
    const { SandboxClients } = await import("../helpers/sandbox");
    const { createRole, createVersionedBucket, putReplication, replicationPolicy, ruleTo } = await import("../helpers/replication");
    const clients = new SandboxClients({ endpoint, host: "127.0.0.1", port: Number(endpoint.split(":").at(-1)), close: async () => undefined });
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

  it("refuses a delay it cannot read", async () => {
    const result = await finished(spawnCli(["sandbox", "--replication-delay", "soon"]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('give a delay such as "2s", "500ms" or "0", or a range such as "1s-3s"');
  });
});
