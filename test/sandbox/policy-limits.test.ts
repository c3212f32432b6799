import { CreateRoleCommand, PutRolePolicyCommand, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Policies are bounded as AWS bounds them, and checking or evaluating one costs about its
// length: no policy, however nested or full of wildcards, pins the CPU or goes unanswered.
const { clients } = useSandbox();
const bounded = () => ({ abortSignal: AbortSignal.timeout(5_000) });

/** The time a call takes to settle, and how it settled. */
const timed = async <T>(call: Promise<T>) => {
  const started = performance.now();
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (error: Error & { $metadata?: { httpStatusCode?: number } }) => ({ ok: false as const, error }),
  );
  return { ...outcome, ms: performance.now() - started };
};

const newBucket = async () => {
  const bucket = uniqueBucket("policy-limits");
  await clients().s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
};

/** A statement whose Condition holds an array nested `depth` deep. */
const deeplyNested = (depth: number, fields: Record<string, unknown>) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...fields, Condition: "@" }] }).replace(
    '"@"',
    `{"StringEquals":{"aws:username":${"[".repeat(depth)}${"]".repeat(depth)}}}`,
  );

describe("bucket policies", () => {
  it("a 12 KB policy nested 6,000 deep is MalformedPolicy, answered at once", async () => {
    const bucket = await newBucket();
    const policy = deeplyNested(6_000, { Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` });
    expect(policy.length).toBeGreaterThan(12_000);
    const result = await timed(clients().s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }), bounded()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.name).toBe("MalformedPolicy");
    expect(result.ms).toBeLessThan(1_000);
  });

  it('a 160-byte policy with Action "s3:****************Z" answers in milliseconds', async () => {
    const bucket = await newBucket();
    const policy = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: `s3:${"*".repeat(16)}Z`, Resource: `arn:aws:s3:::${bucket}` }],
    });
    const result = await timed(clients().s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }), bounded()));
    expect(result.ok).toBe(true);
    expect(result.ms).toBeLessThan(1_000);
  });

  it("a stored policy full of wildcards is evaluated in milliseconds against a long key", async () => {
    const bucket = await newBucket();
    const key = "a".repeat(1_000);
    await clients().s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "x" }));
    const policy = JSON.stringify({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: ACCOUNT_B },
          Action: `s3:${"*".repeat(40)}Z`,
          Resource: `arn:aws:s3:::${bucket}/${"*a".repeat(400)}b`,
        },
      ],
    });
    await clients().s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }), bounded());
    const result = await timed(clients().s3({ accessKeyId: ACCOUNT_B }).send(new GetObjectCommand({ Bucket: bucket, Key: key }), bounded()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.$metadata?.httpStatusCode).toBe(403);
    expect(result.ms).toBeLessThan(1_000);
  });
});

describe("IAM role policies", () => {
  const trust = (fields: Record<string, unknown> = {}) =>
    deeplyNested(6_000, { Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole", ...fields });

  it("a trust policy nested 6,000 deep is MalformedPolicyDocument, answered at once", async () => {
    const result = await timed(
      clients().iam().send(new CreateRoleCommand({ RoleName: `deep-${Date.now()}`, AssumeRolePolicyDocument: trust() }), bounded()),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.name).toBe("MalformedPolicyDocumentException");
    expect(result.ms).toBeLessThan(1_000);
  });

  it("an inline policy nested 6,000 deep is MalformedPolicyDocument", async () => {
    const roleName = `inline-deep-${Date.now()}`;
    const simpleTrust = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    await clients().iam().send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: simpleTrust }));
    const policy = deeplyNested(6_000, { Action: "s3:GetObject", Resource: "*" });
    const error = await failureOf(
      clients().iam().send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "deep", PolicyDocument: policy }), bounded()),
    );
    expect(error.name).toBe("MalformedPolicyDocumentException");
  });

  it("a wildcard-heavy inline policy is simulated in milliseconds", async () => {
    const roleName = `inline-wild-${Date.now()}`;
    const simpleTrust = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const role = await clients().iam().send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: simpleTrust }));
    const policy = JSON.stringify({
      Statement: [{ Effect: "Allow", Action: `s3:${"*".repeat(60)}Z`, Resource: `arn:aws:s3:::${"*a".repeat(300)}b` }],
    });
    await clients().iam().send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "wild", PolicyDocument: policy }));
    const result = await timed(
      clients()
        .iam()
        .send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: role.Role?.Arn,
            ActionNames: ["s3:GetObject"],
            ResourceArns: [`arn:aws:s3:::${"a".repeat(1_000)}`],
          }),
          bounded(),
        ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.EvaluationResults?.[0]?.EvalDecision).toBe("implicitDeny");
    expect(result.ms).toBeLessThan(1_000);
  });
});
