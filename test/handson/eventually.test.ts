import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollProgress } from "../../src/handson/results";
import { runAction, runPhase, type RunContext } from "../../src/handson/runner";
import { targetVariables } from "../../src/handson/variables";
import { sandboxTarget } from "../../src/targets/sandbox-target";

const target = sandboxTarget({ prefix: "poll" });
let context: RunContext;

beforeAll(async () => {
  context = { target, variables: await targetVariables(target) };
  const setup = await runPhase("setup", [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } }], context);
  expect(setup.pass).toBe(true);
});
afterAll(() => target.close());

/** Writes an object a little later, as replication would. */
const putLater = (key: string, body: string, delayMs: number) =>
  new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      target
        .client("s3", "default", target.region)
        .then((client) => client.send(new PutObjectCommand({ Bucket: "poll-data", Key: key, Body: body })))
        .then(() => resolve(), reject);
    }, delayMs);
  });

describe("eventually", () => {
  it("polls until the expectations hold, reporting progress after each attempt", async () => {
    const progress: PollProgress[] = [];
    const written = putLater("late.txt", "arrived", 350);
    const result = await runAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "late.txt" }, expect: { Body: "arrived" }, eventually: { within: "5s", every: "100ms", retryOn: ["NoSuchKey"] } },
      "check",
      { ...context, onProgress: (report) => progress.push(report) },
    );
    await written;
    expect(result.pass).toBe(true);
    expect(result.attempts).toBeGreaterThan(1);
    expect(progress).toHaveLength(result.attempts);
    expect(progress.map((report) => report.attempt)).toEqual(progress.map((_, index) => index + 1));
    expect(progress[0]).toMatchObject({ withinMs: 5000, pass: false, lastReason: "failed with NoSuchKey (404): The specified key does not exist." });
    expect(progress.at(-1)).toMatchObject({ pass: true, lastReason: "" });
    expect(progress.at(-1)?.action.input).toEqual({ Bucket: "poll-data", Key: "late.txt" });
    expect(result.items).toMatchObject([{ label: "Body is arrived", pass: true }]);
  });

  it("gives up when time runs out, saying how long it tried", async () => {
    const progress: PollProgress[] = [];
    const result = await runAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "never.txt" }, eventually: { within: "300ms", every: "100ms", retryOn: ["NoSuchKey"] } },
      "check",
      { ...context, onProgress: (report) => progress.push(report) },
    );
    expect(result.pass).toBe(false);
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(result.attempts).toBeLessThanOrEqual(4);
    expect(result.durationMs).toBeLessThan(2000);
    expect(result.items[0]?.reason).toMatch(/^failed with NoSuchKey \(404\): The specified key does not exist\. \(after \d tries in \d\.\ds\)$/);
    expect(progress.every((report) => !report.pass)).toBe(true);
  });

  it("stops polling when the signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const result = await runAction(
      { call: "s3:HeadObject", input: { Bucket: "{{prefix}}-data", Key: "never.txt" }, eventually: { within: "30s", every: "100ms", retryOn: ["NotFound"] } },
      "check",
      { ...context, signal: controller.signal },
    );
    expect(result.pass).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("works with expectError too: wait until something is gone", async () => {
    await putLater("short-lived.txt", "bye", 0);
    const deleted = runPhase("solve", [{ call: "s3:DeleteObject", input: { Bucket: "{{prefix}}-data", Key: "short-lived.txt" } }], context);
    const result = await runAction(
      { call: "s3:HeadObject", input: { Bucket: "{{prefix}}-data", Key: "short-lived.txt" }, expectError: { code: "NotFound", status: 404 }, eventually: { within: "3s", every: "50ms" } },
      "check",
      context,
    );
    expect((await deleted).pass).toBe(true);
    expect(result.pass).toBe(true);
  });

  it("stops at once at an error that waiting cannot change, and says so", async () => {
    const progress: PollProgress[] = [];
    const result = await runAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-nowhere", Key: "x.txt" }, expect: { Body: "x" }, eventually: { within: "30s", every: "100ms" } },
      "check",
      { ...context, onProgress: (report) => progress.push(report) },
    );
    expect(result.pass).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.durationMs).toBeLessThan(1000);
    expect(result.items[0]?.reason).toMatch(/NoSuchBucket \(404\) is a final answer, so the wait stopped after 1 try/);
    expect(progress.at(-1)?.final).toBe("NoSuchBucket (404) is a final answer");
  });

  it("stops when the answer leaves the states worth waiting on (retryWhile)", async () => {
    await putLater("state.txt", "FAILED", 0);
    const result = await runAction(
      {
        call: "s3:GetObject",
        input: { Bucket: "{{prefix}}-data", Key: "state.txt" },
        expect: { Body: "COMPLETED" },
        eventually: { within: "30s", every: "100ms", retryWhile: { Body: "PENDING" } },
      },
      "check",
      context,
    );
    expect(result.pass).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.items[0]?.reason).toMatch(/^Body is FAILED, expected COMPLETED \(a final state, so the wait stopped after 1 try/);
  });

  it("keeps waiting while the answer matches retryWhile", async () => {
    await putLater("moving.txt", "PENDING", 0);
    const written = putLater("moving.txt", "COMPLETED", 400);
    const result = await runAction(
      {
        call: "s3:GetObject",
        input: { Bucket: "{{prefix}}-data", Key: "moving.txt" },
        expect: { Body: "COMPLETED" },
        eventually: { within: "5s", every: "100ms", retryWhile: { Body: "PENDING" } },
      },
      "check",
      context,
    );
    await written;
    expect(result.pass).toBe(true);
    expect(result.attempts).toBeGreaterThan(1);
  });

  it("tries once when the wait only covers eventual consistency and the target is immediately consistent", async () => {
    const result = await runAction(
      { call: "s3:ListBuckets", expect: { Buckets: [{ Name: "{{prefix}}-not-there" }] }, eventually: { within: "30s", every: "1s", consistency: true } },
      "check",
      context,
    );
    expect(result.pass).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.durationMs).toBeLessThan(1000);
  });

  it("on a sandbox, tries at most the target's pace apart, however slow the lesson's `every`", async () => {
    expect(target.pollEveryMs).toBe(200);
    const progress: PollProgress[] = [];
    const written = putLater("paced.txt", "here", 900);
    const result = await runAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "paced.txt" }, expect: { Body: "here" }, eventually: { within: "30s", every: "2s", retryOn: ["NoSuchKey"] } },
      "check",
      { ...context, onProgress: (report) => progress.push(report) },
    );
    await written;
    expect(result.pass).toBe(true);
    // The lesson's pacing (250 ms, then 500, then 1 s) would leave a gap of a second before the object is seen.
    const gaps = progress.slice(1).map((report, index) => report.elapsedMs - (progress[index]?.elapsedMs ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gaps)).toBeLessThan(700);
  });
});
