import { describe, expect, it } from "vitest";
import { answerItem, answerMatches } from "../../src/handson/answers";
import type { CallResponse } from "../../src/handson/dispatch";
import { decisionItems } from "../../src/handson/policy-decisions";
import { trustItems } from "../../src/handson/trust-policy";

const ok = (output: Record<string, unknown>, headers: Record<string, string> = {}): CallResponse => ({ ok: true, status: 200, headers, output });
const failed = (code: string, status: number, headers: Record<string, string> = {}): CallResponse => ({ ok: false, status, headers, error: { code, message: "", status } });

describe("typed answers", () => {
  it("match what the target said, case, quotes and spaces aside, and numbers among words", () => {
    expect(answerMatches('"9176E88E2973B7E2E260C438F56B1CD0"', '"9176e88e2973b7e2e260c438f56b1cd0"')).toBe(true);
    expect(answerMatches(" invalidbucketname ", "InvalidBucketName")).toBe(true);
    expect(answerMatches("301 Moved Permanently", "301")).toBe(true);
    expect(answerMatches("10 bytes", "10")).toBe(true);
    expect(answerMatches("InvalidBucketNameException", "InvalidBucketName")).toBe(false);
    expect(answerMatches("3010", "301")).toBe(false);
    expect(answerMatches("us-east-1", "us-west-2")).toBe(false);
  });

  it("read the real answer from the output, the error code, the status or a header", () => {
    const ask = (from: string) => ({ id: "a", question: "What?", from });
    expect(answerItem(ask("output.ETag"), "HeadObject", ok({ ETag: '"abc"' }), { a: "abc" }).pass).toBe(true);
    expect(answerItem(ask("error.code"), "CreateBucket", failed("BucketAlreadyExists", 409), { a: "bucketalreadyexists" }).pass).toBe(true);
    expect(answerItem(ask("status"), "GetObject", failed("PermanentRedirect", 301), { a: "301" }).pass).toBe(true);
    expect(answerItem(ask("header.x-amz-bucket-region"), "GetObject", failed("PermanentRedirect", 301, { "X-Amz-Bucket-Region": "us-west-2" }), { a: "us-west-2" }).pass).toBe(true);
  });

  it("say what is wrong without giving the answer away, and tell an unanswered question apart", () => {
    const ask = { id: "etag", question: "Which ETag?", from: "output.ETag" };
    const wrong = answerItem(ask, "HeadObject", ok({ ETag: '"secret-etag"' }), { etag: "nope" });
    expect(wrong).toMatchObject({ pass: false, answerTo: "etag" });
    expect(wrong.reason).toBe("you answered nope, which is not what the target answered; look again at ETag in HeadObject's answer");
    expect(wrong.reason).not.toContain("secret-etag");
    expect(answerItem(ask, "HeadObject", ok({ ETag: '"x"' }), {})).toMatchObject({ pass: false, unanswered: true });
    expect(answerItem(ask, "HeadObject", failed("NotFound", 404), { etag: "x" }).reason).toBe("HeadObject failed with NotFound and gave no output.ETag to compare your answer with");
  });
});

describe("trust policies, evaluated", () => {
  const role = (statement: unknown[]) => ({ Role: { Arn: "arn:aws:iam::111122223333:role/r", AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: statement } } });
  const s3 = { call: "iam:GetRole", expectTrust: { principal: { Service: "s3.amazonaws.com" }, context: { "aws:SourceAccount": "111122223333" } } };
  const allow = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });

  it("pass for any layout that lets the principal assume the role, conditions included", () => {
    expect(trustItems(s3, role([allow({ Service: "s3.amazonaws.com" })]))[0]?.pass).toBe(true);
    expect(trustItems(s3, role([allow({ Service: ["ec2.amazonaws.com", "s3.amazonaws.com"] })]))[0]?.pass).toBe(true);
    expect(trustItems(s3, role([allow({ Service: "s3.amazonaws.com" }, { Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } })]))[0]?.pass).toBe(true);
    expect(trustItems(s3, role([{ ...allow({ Service: "s3.amazonaws.com" }), Action: "sts:*" }]))[0]?.pass).toBe(true);
  });

  it("fail with the reason: another principal, another action, a Deny, a condition that does not hold", () => {
    expect(trustItems(s3, role([allow({ Service: "ec2.amazonaws.com" })]))[0]?.reason).toBe("it trusts ec2.amazonaws.com, not s3.amazonaws.com");
    expect(trustItems(s3, role([{ ...allow({ Service: "s3.amazonaws.com" }), Action: "sts:AssumeRoleWithWebIdentity" }]))[0]?.reason).toBe(
      "no statement allows sts:AssumeRole (its actions: sts:AssumeRoleWithWebIdentity)",
    );
    expect(trustItems(s3, role([allow({ Service: "s3.amazonaws.com" }), { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }]))[0]?.reason).toBe(
      "a Deny statement refuses s3.amazonaws.com",
    );
    expect(trustItems(s3, role([allow({ Service: "s3.amazonaws.com" }, { Condition: { StringEquals: { "aws:SourceAccount": "999999999999" } } })]))[0]?.reason).toBe(
      "its Condition does not hold when s3.amazonaws.com assumes the role",
    );
  });
});

describe("the IAM simulator's decisions", () => {
  const action = (wanted: "allowed" | "denied") => ({ call: "iam:SimulatePrincipalPolicy", input: { PolicySourceArn: "arn:aws:iam::111122223333:role/r" }, expectDecision: wanted });
  const results = (...decisions: [string, string, string[]?][]) => ({
    EvaluationResults: decisions.map(([name, decision, policies]) => ({
      EvalActionName: name,
      EvalResourceName: "arn:aws:s3:::dst/*",
      EvalDecision: decision,
      MatchedStatements: (policies ?? []).map((id) => ({ SourcePolicyId: id })),
    })),
  });

  it("an item per action, each with the reason in words", () => {
    const items = decisionItems(action("allowed"), results(["s3:ReplicateObject", "allowed"], ["s3:ReplicateDelete", "explicitDeny", ["role_r_deny-all"]], ["s3:ReplicateTags", "implicitDeny"]));
    expect(items.map((item) => [item.label, item.pass, item.reason])).toEqual([
      ["role r may s3:ReplicateObject on arn:aws:s3:::dst/*", true, ""],
      ["role r may s3:ReplicateDelete on arn:aws:s3:::dst/*", false, 'an explicit Deny refuses it (policy "role_r_deny-all"); a Deny wins over every Allow'],
      ["role r may s3:ReplicateTags on arn:aws:s3:::dst/*", false, "no statement allows it (implicit deny): the policies need s3:ReplicateTags on a Resource that covers arn:aws:s3:::dst/*"],
    ]);
  });

  it("denied holds for explicit and implicit denies, and fails for an allow", () => {
    expect(decisionItems(action("denied"), results(["s3:ReplicateObject", "implicitDeny"]))[0]?.pass).toBe(true);
    expect(decisionItems(action("denied"), results(["s3:ReplicateObject", "allowed", ["role_r_p"]]))[0]?.reason).toBe('it is allowed (policy "role_r_p")');
    expect(decisionItems(action("allowed"), { EvaluationResults: [] })[0]?.pass).toBe(false);
  });
});
