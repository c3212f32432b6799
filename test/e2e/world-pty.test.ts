import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SANDBOX_ACCOUNTS } from "../../src/targets/sandbox-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY } from "../../src/targets/target";
import { SandboxClients, useSandbox } from "../helpers/sandbox";
import { colourSequences, PtyApp } from "./pty-app";

/**
 * `s3-tutor world --watch` built and run in an 80×24 pseudo-terminal with NO_COLOR, against a
 * sandbox started here: a bucket made through the real SDK client shows up in its Region's
 * column within a couple of seconds, and q leaves.
 */

const { clients } = useSandbox();
const made: string[] = [];
const apps: PtyApp[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const fits = (rows: string[]) => {
  expect(rows.length).toBeLessThanOrEqual(24);
  for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
};

describe("s3-tutor world --watch in a terminal", () => {
  it("80×24, NO_COLOR: a bucket made with the SDK appears in its Region, versioned, with its object; another account's is marked", { timeout: 60_000 }, async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-pty-world-"));
    made.push(stateDir);
    const sandbox: SandboxClients = clients();
    const app = new PtyApp({
      stateDir,
      env: { NO_COLOR: "1" },
      args: ["world", "--watch", "--endpoint", sandbox.sandbox.endpoint, "--prefix", "s3t-pty"],
    });
    apps.push(app);
    let rows = await app.waitFor("S3 world · 2 Regions · 0 buckets");
    fits(rows);
    expect(rows.join("\n")).toMatch(/eu-west-1 · 0 buckets\s+│ us-west-2 · 0 buckets/);
    await app.waitForKeys();

    const s3 = sandbox.s3({ accessKeyId: SANDBOX_ACCOUNTS[DEFAULT_IDENTITY], region: "us-west-2" });
    await s3.send(new CreateBucketCommand({ Bucket: "s3t-pty-made", CreateBucketConfiguration: { LocationConstraint: "us-west-2" } }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: "s3t-pty-made", VersioningConfiguration: { Status: "Enabled" } }));
    await s3.send(new PutObjectCommand({ Bucket: "s3t-pty-made", Key: "hello.txt", Body: "hello" }));
    const theirs = sandbox.s3({ accessKeyId: SANDBOX_ACCOUNTS[OTHER_IDENTITY], region: "eu-west-1" });
    await theirs.send(new CreateBucketCommand({ Bucket: "s3t-pty-theirs", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    // Redrawn by the next read, a second later (a generous bound: timings are for bench/, not tests).
    rows = await app.waitFor((shown) => shown.join("\n").includes("1 object") && shown.join("\n").includes("s3t-pty-theirs"), 10_000);
    fits(rows);
    const screen = rows.join("\n");
    expect(screen).toMatch(/eu-west-1 · 1 bucket\s+│ us-west-2 · 1 bucket/);
    expect(screen).toMatch(/✗ s3t-pty-theirs\s+│ ● s3t-pty-made/);
    expect(screen).toMatch(/another account\s.*│\s+you · ◆ versioned · 1 object/);
    expect(screen).toContain("q quit");
    expect(colourSequences(app.output)).toEqual([]);

    app.press("q");
    expect((await app.waitForExit()).exitCode).toBe(0);
    s3.destroy();
    theirs.destroy();
  });

  it("without --watch it prints the world once as plain text and exits", { timeout: 30_000 }, async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-pty-world-"));
    made.push(stateDir);
    const app = new PtyApp({ stateDir, env: { NO_COLOR: "1" }, args: ["world", "--endpoint", clients().sandbox.endpoint, "--prefix", "s3t-pty"] });
    apps.push(app);
    expect((await app.waitForExit()).exitCode).toBe(0);
    const printed = app.plain();
    expect(printed).toContain("S3 world · 2 Regions");
    expect(printed).toMatch(/us-west-2 · \d+ buckets?/);
  });
});
