import { describe, expect, it } from "vitest";
import { parsePolicy, type PolicyDocument } from "../../src/policy/document";
import { evaluateIdentityPolicies, mostRestrictive } from "../../src/policy/identity-policies";

// A principal's identity policies together: any explicit Deny wins, else any Allow, else implicitly denied.
const policy = (id: string, statements: object[]) => {
  const parsed = parsePolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
  if (!parsed.ok) throw new Error(`bad test policy ${id}`);
  return { id, document: parsed.document as PolicyDocument };
};
const request = (action: string, resource: string, context = {}) => ({ principal: {}, action, resource, context });

describe("evaluateIdentityPolicies", () => {
  const allowAll = policy("all", [{ Effect: "Allow", Action: "s3:*", Resource: "*" }]);
  const denyDst = policy("fence", [
    { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
    { Effect: "Deny", Action: "s3:Replicate*", Resource: "arn:aws:s3:::dst/*" },
  ]);

  it("names every applying Allow when allowed, and only the Deny when a Deny applies", () => {
    expect(evaluateIdentityPolicies([allowAll, denyDst], request("s3:GetObject", "arn:aws:s3:::dst/a"))).toMatchObject({
      decision: "allowed",
      deciding: [
        { policy: { id: "all" }, index: 0 },
        { policy: { id: "fence" }, index: 0 },
      ],
    });
    expect(evaluateIdentityPolicies([allowAll, denyDst], request("s3:ReplicateObject", "arn:aws:s3:::dst/a"))).toMatchObject({
      decision: "explicitDeny",
      deciding: [{ policy: { id: "fence" }, index: 1 }],
    });
  });

  it("is an implicit deny with nothing named when no statement applies, or there are no policies", () => {
    expect(evaluateIdentityPolicies([denyDst], request("s3:PutObject", "arn:aws:s3:::dst/a"))).toEqual({
      decision: "implicitDeny",
      deciding: [],
      missingContextKeys: [],
    });
    expect(evaluateIdentityPolicies([], request("s3:GetObject", "*")).decision).toBe("implicitDeny");
  });

  it("lists the condition keys of statements aimed at the request that the context lacks", () => {
    const conditional = policy("cond", [
      { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "data" }, Bool: { "aws:SecureTransport": "true" } } },
      { Effect: "Allow", Action: "s3:PutObject", Resource: "*", Condition: { StringEquals: { "s3:x-amz-acl": "private" } } },
    ]);
    expect(evaluateIdentityPolicies([conditional], request("s3:GetObject", "*", { "aws:securetransport": "true" }))).toEqual({
      decision: "implicitDeny",
      deciding: [],
      missingContextKeys: ["aws:PrincipalTag/team"],
    });
  });
});

describe("mostRestrictive", () => {
  it("orders explicitDeny over implicitDeny over allowed", () => {
    expect(mostRestrictive(["allowed", "implicitDeny", "explicitDeny"])).toBe("explicitDeny");
    expect(mostRestrictive(["allowed", "implicitDeny"])).toBe("implicitDeny");
    expect(mostRestrictive(["allowed", "allowed"])).toBe("allowed");
    expect(mostRestrictive([])).toBe("implicitDeny");
  });
});
