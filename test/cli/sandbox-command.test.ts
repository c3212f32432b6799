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
