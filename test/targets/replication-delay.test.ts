import { HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReplicationDelay } from "../../src/cli/parse";
import { targetOptionsFrom } from "../../src/cli/target-flags";
import { probeSandbox, startSandbox } from "../../src/sandbox/index";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { createTarget } from "../../src/targets/create-target";
import { openLearnerSandbox } from "../../src/targets/learner-sandbox";
import { sandboxDelays } from "../../src/targets/sandbox-delays";
import { SANDBOX_POLL_EVERY_MS, sandboxTarget } from "../../src/targets/sandbox-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY } from "../../src/targets/target";
import { useTempDirs } from "../helpers/data-dir";
import { createBucket, replicate } from "./helpers/world-building";

// --replication-delay as a command hands it to the sandbox target: the copy waits that long.
describe("a sandbox target given a replication delay", () => {
  it("shows PENDING through the SDK until the delay has passed, then COMPLETED", async () => {
    // Below the default's shortest (1 s), so a copy made on time also shows the default was not used.
    const delayMs = 400;
    const target = await createTarget(targetOptionsFrom({ replicationDelay: parseReplicationDelay(`${delayMs}ms`) }, {}));
    try {
      await createBucket(target, "delay-src", "eu-west-1", { versioned: true });
      await createBucket(target, "delay-dst", "us-west-2", { versioned: true });
      await replicate(target, { name: "delay-src", region: "eu-west-1" }, "delay-dst", "everything");
      const s3 = (await target.client("s3", DEFAULT_IDENTITY, "eu-west-1")) as unknown as S3Client;
      const head = async () => (await s3.send(new HeadObjectCommand({ Bucket: "delay-src", Key: "k.txt" }))).ReplicationStatus;

      await s3.send(new PutObjectCommand({ Bucket: "delay-src", Key: "k.txt", Body: "x" }));
      const putAt = Date.now();
      const seen: Array<{ status: string | undefined; ms: number }> = [];
      for (;;) {
        const status = await head();
        seen.push({ status, ms: Date.now() - putAt });
        if (status !== "PENDING" || Date.now() - putAt > delayMs + 5_000) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seen[0]?.status).toBe("PENDING");
      const completed = seen.at(-1);
      expect(completed?.status).toBe("COMPLETED");
      // Not before the delay (the put's answer came after the copy was scheduled, so no slack is needed).
      expect(completed?.ms).toBeGreaterThanOrEqual(delayMs);
      expect(completed?.ms).toBeLessThan(1000);
    } finally {
      await target.close();
    }
  });

  it("without one, the sandbox keeps its real 1–3 s, and says so when asked who it is", async () => {
    expect(targetOptionsFrom({}, {})).not.toHaveProperty("replicationDelay");
    const sandbox = await startSandbox();
    try {
      const probe = await probeSandbox(sandbox.endpoint);
      expect(probe).toMatchObject({ kind: "sandbox", health: { replicationDelay: [1000, 3000] } });
    } finally {
      await sandbox.close();
    }
  });
});

describe("polling a sandbox", () => {
  it(`is at most ${SANDBOX_POLL_EVERY_MS} ms apart on the learner's or a fresh sandbox; a workshop room's keeps the lessons' pacing`, async () => {
    expect(SANDBOX_POLL_EVERY_MS).toBeGreaterThanOrEqual(100);
    expect(SANDBOX_POLL_EVERY_MS).toBeLessThanOrEqual(250);
    expect(sandboxTarget().pollEveryMs).toBe(SANDBOX_POLL_EVERY_MS);
    const identity = { account: "123456789012", accessKeyId: "AKIAROOM", secretAccessKey: "secret" };
    const room = sandboxTarget({ source: { kind: "external", endpoint: "http://127.0.0.1:9" }, identities: { [DEFAULT_IDENTITY]: identity, [OTHER_IDENTITY]: identity } });
    expect(room.pollEveryMs).toBeUndefined();
  });
});

describe("the learner's sandbox, served by another process", () => {
  const tempDir = useTempDirs("delay-learner");
  const previous = process.env[STATE_DIR_VARIABLE];
  beforeEach(() => {
    process.env[STATE_DIR_VARIABLE] = tempDir();
  });
  afterEach(() => {
    process.env[STATE_DIR_VARIABLE] = previous;
  });

  it("keeps the delay it started with; asked for another, the learner is told where to give it", async () => {
    const serving = await openLearnerSandbox({ port: 0 });
    try {
      const notices: string[] = [];
      const asked = await openLearnerSandbox({ sandbox: sandboxDelays(0), onNotice: (message) => notices.push(message) });
      expect(asked).toMatchObject({ endpoint: serving.endpoint, startedHere: false });
      expect(notices).toEqual([
        `Your sandbox is served by process ${process.pid}, whose replication delay is 1000ms-3000ms, not 0ms: ` +
          "the delay is set when a sandbox starts (stop that process, or give it --replication-delay).",
      ]);
      const same: string[] = [];
      await openLearnerSandbox({ sandbox: sandboxDelays([1000, 3000]), onNotice: (message) => same.push(message) });
      await openLearnerSandbox({ onNotice: (message) => same.push(message) });
      expect(same).toEqual([]);
    } finally {
      await serving.close();
    }
  });
});
