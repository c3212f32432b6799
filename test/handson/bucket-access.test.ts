import { describe, expect, it } from "vitest";
import type { Action } from "../../src/content/schema/lesson";
import { accessItems } from "../../src/handson/bucket-access";

const ORG = "o-a1b2c3d4e5";
const object = "arn:aws:s3:::b/reports/q1.csv";
const check: Action = {
  call: "s3:GetBucketPolicy",
  expectAccess: [
    { who: "an account in the Organization", principal: { AWS: "444455556666" }, action: "s3:GetObject", resource: object, context: { "aws:PrincipalOrgID": ORG }, allowed: true },
    { who: "an account outside it", principal: { AWS: "444455556666" }, action: "s3:GetObject", resource: object, context: { "aws:PrincipalOrgID": "o-zz9999zz99" }, allowed: false },
    { who: "an anonymous request", principal: {}, action: "s3:GetObject", resource: object, allowed: false },
    { who: "an account in the Organization", principal: { AWS: "444455556666" }, action: "s3:PutObject", resource: object, context: { "aws:PrincipalOrgID": ORG }, allowed: false },
  ],
};
const policy = (...statements: object[]) => ({ Policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
const readReports = (extra: Record<string, unknown> = {}) => ({
  Sid: "OrgReads",
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::b/reports/*",
  Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } },
  ...extra,
});
const passes = (output: Record<string, unknown>) => accessItems(check, output).map((item) => item.pass);

describe("bucket policies judged by what they allow", () => {
  it("pass for any wording that shares reads with the Organization and nothing more", () => {
    expect(passes(policy(readReports()))).toEqual([true, true, true, true]);
    expect(passes(policy(readReports({ Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": [ORG] } } })))).toEqual([true, true, true, true]);
    expect(passes(policy(readReports({ Resource: ["arn:aws:s3:::b/*"], Action: ["s3:GetObject", "s3:GetObjectVersion"] })))).toEqual([true, true, true, true]);
  });

  it("fail a grant to everyone with the reason, and a grant wider than reads", () => {
    const open = accessItems(check, policy(readReports({ Condition: undefined })));
    expect(open.map((item) => item.pass)).toEqual([true, false, false, true]);
    expect(open[1]?.reason).toBe('an account outside it may s3:GetObject: the policy allows it (statement "OrgReads"), and Principal "*" with no Condition lets anyone in');
    expect(passes(policy(readReports({ Action: "s3:*" })))).toEqual([true, true, true, false]);
  });

  it("fail a policy for the wrong Organization, or for one account instead of the Organization, saying why", () => {
    const wrongOrg = accessItems(check, policy(readReports({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-other00000" } } })));
    expect(wrongOrg[0]).toMatchObject({ pass: false, reason: "an account in the Organization may not s3:GetObject: the Condition of the statement that allows s3:GetObject does not hold for this request" });
    const oneAccount = accessItems(check, policy(readReports({ Principal: { AWS: "arn:aws:iam::444455556666:root" }, Condition: undefined })));
    expect(oneAccount.map((item) => item.pass)).toEqual([true, false, true, true]);
    const otherPath = accessItems(check, policy(readReports({ Resource: "arn:aws:s3:::b/public/*" })));
    expect(otherPath[0]?.reason).toBe("an account in the Organization may not s3:GetObject: no statement that allows s3:GetObject covers arn:aws:s3:::b/reports/q1.csv");
  });

  it("fail every item when there is no policy to read", () => {
    expect(accessItems(check, {}).every((item) => !item.pass && item.reason === "the bucket policy could not be read as a policy")).toBe(true);
  });
});
