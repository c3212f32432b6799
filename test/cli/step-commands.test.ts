import { PutBucketReplicationCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";

/**
 * `s3-tutor setup <lesson> <step>` and `s3-tutor check <lesson> <step>` on the learner's own
 * sandbox (kept on disk in the state folder this test file gets): the way to do a step in one's
 * own shell. Each command is a process of its own, as the learner runs them.
 */

const run = (...args: string[]) => finished(spawnCli(args));
const HELLO_ETAG = `"${createHash("md5").update("Hello, S3!").digest("hex")}"`;

const stopping: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stopping.splice(0)) await stop();
});

describe("s3-tutor setup and check", () => {
  it("check fails with the reasons and exit 1 when nothing was done, and names the step by number or id", async () => {
    const byId = await run("check", "replication", "the-role");
    expect(byId.code).toBe(1);
    expect(byId.stdout).toContain("replication step 2 (the-role): The role S3 assumes");
    expect(byId.stdout).toMatch(/✗ S3 may assume s3t-replication\n\s+failed with NoSuchEntity \(404\)/);
    expect(byId.stdout).toContain("✗ Not yet.");
    const byNumber = await run("check", "replication", "2", "--json");
    expect(byNumber.code).toBe(1);
    const report = JSON.parse(byNumber.stdout) as { passed: boolean; step: { number: number; id: string } };
    expect(report).toMatchObject({ passed: false, step: { number: 2, id: "the-role" } });
  });

  it("an unknown lesson or step is a usage error (exit 2) that lists what there is", async () => {
    const step = await run("check", "replication", "99");
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('lesson "replication" has no hands-on step "99"');
    expect(step.stderr).toMatch(/3 the-rule\s+The rule/);
    expect(step.stderr).not.toMatch(/at .*\.ts:\d+/);
    const lesson = await run("setup", "no-such-lesson", "1");
    expect(lesson.code).toBe(2);
    expect(lesson.stderr).toContain('there is no lesson "no-such-lesson"');
  });

  it("what setup made is still there for the next command: the learner's sandbox keeps its world on disk", async () => {
    const setup = await run("setup", "replication", "the-rule");
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain("✓ step 1 Two versioned buckets: done as its solution does");
    expect(setup.stdout).toContain("then run: s3-tutor check replication the-rule");
    // The role made by setup in another process is judged here, by the simulator, as allowed.
    const earlier = await run("check", "replication", "the-role");
    expect(earlier.stdout).toContain("✓ The role may replicate into s3t-dst");
    expect(earlier.stdout).toContain("✓ The step passes.");
    expect(earlier.code).toBe(0);
    // This step's own work is not done yet.
    expect((await run("check", "replication", "the-rule")).code).toBe(1);
  });

  it("a question is answered with --answer: a wrong one fails without giving the answer away, the right one passes", async () => {
    expect((await run("setup", "s3-basics", "read-the-etag")).code).toBe(0);
    const unanswered = await run("check", "s3-basics", "read-the-etag");
    expect(unanswered.code).toBe(1);
    expect(unanswered.stdout).toContain('not answered yet: type what you saw (the answer "etag")');
    expect(unanswered.stdout).toContain("Answer with --answer <id>=<value>.");
    const wrong = await run("check", "s3-basics", "read-the-etag", "--answer", "etag=abc", "--answer", "size=10");
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain("you answered abc, which is not what the target answered");
    expect(wrong.stdout).not.toContain(HELLO_ETAG.slice(1, -1));
    const right = await run("check", "s3-basics", "read-the-etag", "--answer", `etag=${HELLO_ETAG.slice(1, -1).toUpperCase()}`, "--answer", "size=10 bytes");
    expect(right.stdout).toContain("✓ The step passes.");
    expect(right.code).toBe(0);
  });

  it("with the learner's sandbox served by s3-tutor sandbox, the learner's own SDK work in between is what check judges", async () => {
    const server = spawnCli(["sandbox"]);
    const serverDone = finished(server);
    stopping.push(async () => {
      server.kill("SIGTERM");
      await serverDone;
    });
    await waitForOutput(server, /Press Ctrl-C to stop/, 20_000);
    const env = await run("env");
    const endpoint = /AWS_ENDPOINT_URL=(\S+)/.exec(env.stdout)?.[1]?.replace(/['"]/g, "") ?? "";
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const setup = await run("setup", "replication", "the-rule");
    expect(setup.stdout).toContain("✓ step 2 The role S3 assumes: done as its solution does");
    expect(setup.code).toBe(0);
    expect((await run("check", "replication", "the-rule")).code).toBe(1);

    // The learner's way: a V1 rule with another ID, and no Filter at all.
    const s3 = new S3Client({ endpoint, region: "eu-west-1", forcePathStyle: true, credentials: { accessKeyId: "111122223333", secretAccessKey: "test" } });
    try {
      await s3.send(
        new PutBucketReplicationCommand({
          Bucket: "s3t-src",
          ReplicationConfiguration: {
            Role: "arn:aws:iam::111122223333:role/s3t-replication",
            Rules: [{ ID: "my-own-rule", Prefix: "", Status: "Enabled", Destination: { Bucket: "arn:aws:s3:::s3t-dst" } }],
          },
        }),
      );
    } finally {
      s3.destroy();
    }
    const checked = await run("check", "replication", "the-rule", "--json");
    expect(JSON.parse(checked.stdout)).toMatchObject({ passed: true, step: { id: "the-rule" } });
    expect(checked.code).toBe(0);
  });
});
