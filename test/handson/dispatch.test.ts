import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction, runPhase, type RunContext } from "../../src/handson/runner";
import { hasOperation, loadOperationChecker, sendCall } from "../../src/handson/dispatch";
import { targetVariables } from "../../src/handson/variables";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import { TargetError, type PlannedCall, type Target } from "../../src/targets/target";

const target = sandboxTarget({ prefix: "dsp" });
let context: RunContext;

beforeAll(async () => {
  context = { target, variables: await targetVariables(target) };
  const setup = await runPhase(
    "setup",
    [
      { call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } },
      { call: "s3:PutObject", input: { Bucket: "{{prefix}}-data", Key: "hello.txt", Body: "hello" } },
    ],
    context,
  );
  expect(setup.pass).toBe(true);
});
afterAll(() => target.close());

describe("dispatch to the SDK", () => {
  it("knows the target's variables", () => {
    expect(context.variables).toEqual({ prefix: "dsp", region: "eu-west-1", otherRegion: "us-west-2", account: "111122223333", otherAccount: "444455556666" });
  });

  it("captures the status and the telling headers of a success", async () => {
    const result = await runAction({ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, expect: { BucketRegion: "{{region}}" } }, "check", context);
    expect(result).toMatchObject({ service: "s3", operation: "HeadBucket", identity: "default", region: "eu-west-1", status: 200, pass: true, attempts: 1 });
    expect(result.headers).toEqual({ "x-amz-bucket-region": "eu-west-1" });
    expect(result.items).toEqual([{ label: "BucketRegion is eu-west-1", pass: true, reason: "", expected: "eu-west-1", actual: "eu-west-1" }]);
  });

  it("keeps the location of a new bucket", async () => {
    const result = await runAction({ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-virginia" }, region: "us-east-1" }, "solve", context);
    expect(result).toMatchObject({ pass: true, status: 200, region: "us-east-1", output: { Location: "/dsp-virginia" } });
    expect(result.headers.location).toBe("/dsp-virginia");
  });

  it("reads an object's body into text so expect can match it", async () => {
    const result = await runAction({ call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "hello.txt" }, expect: { Body: "hello", ContentLength: 5 } }, "check", context);
    expect(result.pass).toBe(true);
    expect(result.output).toMatchObject({ Body: "hello", ETag: '"5d41402abc4b2a76b9719d911017c592"' });
    expect(result.output).not.toHaveProperty("$metadata");
  });

  it("says what differs when an expectation fails", async () => {
    const result = await runAction({ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, expect: { BucketRegion: "{{otherRegion}}" } }, "check", context);
    expect(result.pass).toBe(false);
    expect(result.items.map((item) => item.reason)).toEqual(["BucketRegion is eu-west-1, expected us-west-2"]);
  });

  it("a wrong-region call is 301 PermanentRedirect naming the bucket's region", async () => {
    const get = await runAction(
      { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "hello.txt" }, region: "{{otherRegion}}", expectError: { code: "PermanentRedirect", status: 301 } },
      "check",
      context,
    );
    expect(get).toMatchObject({ pass: true, status: 301, region: "us-west-2", error: { code: "PermanentRedirect", status: 301 } });
    expect(get.headers["x-amz-bucket-region"]).toBe("eu-west-1");

    // HEAD answers have no body; the code comes from the status.
    const head = await runAction(
      { call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, region: "{{otherRegion}}", expectError: { code: "PermanentRedirect", status: 301 } },
      "check",
      context,
    );
    expect(head).toMatchObject({ pass: true, status: 301, headers: { "x-amz-bucket-region": "eu-west-1" } });
    expect(head.items[0]?.label).toBe("fails with PermanentRedirect (301)");
  });

  it("acts as the other account: the name is taken for everyone", async () => {
    const result = await runAction(
      { call: "s3:CreateBucket", as: "other", input: { Bucket: "{{prefix}}-data" }, expectError: { code: "BucketAlreadyExists", status: 409 } },
      "solve",
      context,
    );
    expect(result).toMatchObject({ identity: "other", pass: true, status: 409 });
    expect(result.error?.message).toMatch(/^The requested bucket name is not available/);
    const who = await runAction({ call: "sts:GetCallerIdentity", as: "other", expect: { Account: "{{otherAccount}}" } }, "check", context);
    expect(who.items).toMatchObject([{ label: "Account is 444455556666", pass: true }]);
  });

  it("reports the failure modes of expectError with the actual outcome", async () => {
    const mine = await runAction(
      { call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } }, expectError: { code: "BucketAlreadyExists", status: 409 } },
      "solve",
      context,
    );
    expect(mine.items.map((item) => item.reason)).toEqual([
      "failed with BucketAlreadyOwnedByYou (409), expected BucketAlreadyExists (409) — Your previous request to create the named bucket succeeded and you already own it.",
    ]);
    const succeeded = await runAction({ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, expectError: { code: "NotFound", status: 404 } }, "check", context);
    expect(succeeded.items.map((item) => item.reason)).toEqual(["succeeded (200), expected it to fail with NotFound (404)"]);
  });

  it("an unexpected error fails with its code and message", async () => {
    const result = await runAction({ call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "missing.txt" } }, "check", context);
    expect(result).toMatchObject({ pass: false, status: 404, error: { code: "NoSuchKey" } });
    expect(result.items).toEqual([{ label: "GetObject succeeds", pass: false, reason: "failed with NoSuchKey (404): The specified key does not exist.", actual: result.error }]);
  });

  it("sends policies written as objects as JSON text, and reads IAM's URL-encoded ones back as objects", async () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    const created = await runAction({ call: "iam:CreateRole", input: { RoleName: "{{prefix}}-replication", AssumeRolePolicyDocument: policy } }, "solve", context);
    expect(created.pass).toBe(true);
    const role = await runAction(
      { call: "iam:GetRole", input: { RoleName: "{{prefix}}-replication" }, expect: { Role: { Arn: "arn:aws:iam::{{account}}:role/{{prefix}}-replication", AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: "s3.amazonaws.com" } }] } } } },
      "check",
      context,
    );
    expect(role.items.map((item) => [item.label, item.pass])).toEqual([
      ["Role.Arn is arn:aws:iam::111122223333:role/dsp-replication", true],
      ["Role.AssumeRolePolicyDocument.Statement has an element matching {Principal: {Service: s3.amazonaws.com}}", true],
    ]);
  });
});

describe("calls that never reach the service", () => {
  it("an undefined variable fails the action with the variable's name", async () => {
    const result = await runAction({ call: "s3:HeadBucket", input: { Bucket: "{{bucketName}}" } }, "check", context);
    expect(result).toMatchObject({ pass: false, attempts: 0, error: { code: "TemplateError" } });
    expect(result.items[0]?.reason).toMatch(/^\{\{bucketName\}\} in input.Bucket is not defined/);
  });

  it("an operation the SDK does not have", async () => {
    const result = await runAction({ call: "s3:FlyToTheMoon" }, "solve", context);
    expect(result.items[0]?.reason).toBe("the s3 SDK has no operation FlyToTheMoon (no FlyToTheMoonCommand in its package)");
  });

  it("asks the guard before and tells it after each call; a refusal is a failure with the fix", async () => {
    const seen: string[] = [];
    const planned: PlannedCall[] = [];
    const guarded: Target = {
      ...target,
      beforeCall: async (call) => {
        planned.push(call);
        seen.push(`before ${call.operation}`);
        if (call.operation === "DeleteBucket") throw new TargetError("dsp-data is not yours to delete", "use a name starting with the session prefix");
      },
      afterCall: async (call, outcome) => {
        seen.push(`after ${call.operation} ${outcome.ok ? "ok" : "failed"}`);
      },
    };
    const guardedContext = { ...context, target: guarded };
    await runAction({ call: "s3:CreateBucket", as: "other", input: { Bucket: "{{prefix}}-data" }, expectError: { code: "BucketAlreadyExists" } }, "solve", guardedContext);
    const refused = await runAction({ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-data" } }, "cleanup", guardedContext);
    expect(planned[0]).toEqual({ service: "s3", operation: "CreateBucket", input: { Bucket: "dsp-data" }, identity: "other", region: "eu-west-1", expectsError: true });
    expect(seen).toEqual(["before CreateBucket", "after CreateBucket failed", "before DeleteBucket"]);
    expect(refused).toMatchObject({ pass: false, error: { code: "TargetError" } });
    expect(refused.items[0]?.reason).toBe("dsp-data is not yours to delete (use a name starting with the session prefix)");
  });

  it("tells validation which operations the SDK has", async () => {
    const exists = await loadOperationChecker();
    expect([exists("s3", "ListObjectsV2"), exists("iam", "CreateRole"), exists("sts", "GetCallerIdentity")]).toEqual([true, true, true]);
    expect([exists("s3", "CreateRole"), exists("s3", "createBucket"), exists("sts", "FlyToTheMoon")]).toEqual([false, false, false]);
    expect([await hasOperation("s3:HeadBucket"), await hasOperation("s3:HeadBuckets"), await hasOperation("ec2:RunInstances")]).toEqual([true, false, false]);
  });

  it("sendCall answers with the raw headers too", async () => {
    const response = await sendCall(target, { service: "s3", operation: "HeadBucket", input: { Bucket: "dsp-data" }, identity: "default", region: "eu-west-1", expectsError: false });
    expect(response.ok).toBe(true);
    expect(response.headers["x-amz-request-id"]).toMatch(/^[0-9A-F]{16}$/);
  });
});
