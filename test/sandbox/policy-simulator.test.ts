import { SimulatePrincipalPolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { columnAt, decisionFor, roleWithPolicies } from "../helpers/policy-simulator";
import { replicationPolicy } from "../helpers/replication";
import { ACCOUNT_A, useSandbox } from "../helpers/sandbox";

// iam:SimulatePrincipalPolicy evaluates a role's inline policies as AWS does, through @aws-sdk/client-iam.
const { clients } = useSandbox();
const iam = (): IAMClient => clients().iam({ accessKeyId: ACCOUNT_A });

let counter = 0;
const uniqueRole = (stem: string) => `${stem}-${process.pid}-${counter++}`;

const SRC = "arn:aws:s3:::b-src";
const DST = "arn:aws:s3:::b-dst";

describe("SimulatePrincipalPolicy allows", () => {
  it("an action a statement lists, on a resource in the statement's Resource list, naming the statement", async () => {
    const name = uniqueRole("list");
    const policy = replicationPolicy("b-src", ["b-other", "b-dst"]);
    const role = await roleWithPolicies(iam(), name, { replication: policy });
    const answer = await iam().send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"], ResourceArns: [`${DST}/report.csv`] }),
    );
    const text = JSON.stringify(policy);
    // The third statement: from just after the second one's closing brace to just after its own.
    const third = JSON.stringify(policy.Statement[2]);
    const end = text.indexOf(third) + third.length;
    const statement = {
      SourcePolicyId: `role_${name}_replication`,
      SourcePolicyType: "IAM Policy",
      StartPosition: columnAt(text.indexOf(third) - 1),
      EndPosition: columnAt(end),
    };
    expect(answer.IsTruncated).toBe(false);
    expect(answer.EvaluationResults).toEqual([
      {
        EvalActionName: "s3:ReplicateObject",
        EvalResourceName: `${DST}/report.csv`,
        EvalDecision: "allowed",
        MatchedStatements: [statement],
        MissingContextValues: [],
        EvalDecisionDetails: {},
        ResourceSpecificResults: [
          { EvalResourceName: `${DST}/report.csv`, EvalResourceDecision: "allowed", MatchedStatements: [statement], MissingContextValues: [] },
        ],
      },
    ]);
  });

  it("an action that a wildcard covers (s3:Replicate*), whatever the case of the name asked", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("wild"), {
      replicate: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:Replicate*", Resource: `${DST}/*` }] },
    });
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", `${DST}/a`)).toBe("allowed");
    expect(await decisionFor(iam(), role, "s3:ReplicateDelete", `${DST}/a`)).toBe("allowed");
    expect(await decisionFor(iam(), role, "S3:REPLICATETAGS", `${DST}/a`)).toBe("allowed");
    expect(await decisionFor(iam(), role, "s3:GetObjectVersionForReplication", `${SRC}/a`)).toBe("implicitDeny");
  });

  it('any resource when the statement says Resource: "*", and "*" when no resource is named', async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("star"), {
      everything: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ReplicateObject", Resource: "*" }] },
    });
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", `${DST}/a`)).toBe("allowed");
    const answer = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"] }));
    expect(answer.EvaluationResults?.[0]).toMatchObject({ EvalResourceName: "*", EvalDecision: "allowed" });
    // A simulation of "*" carries neither per-resource results nor decision details.
    expect(answer.EvaluationResults?.[0]?.ResourceSpecificResults).toBeUndefined();
    expect(answer.EvaluationResults?.[0]?.EvalDecisionDetails).toBeUndefined();
  });

  it("what NotAction and NotResource leave out, and nothing they name", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("not"), {
      inverse: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", NotAction: "s3:Delete*", NotResource: `${SRC}/private/*` }],
      },
    });
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", `${DST}/a`)).toBe("allowed");
    expect(await decisionFor(iam(), role, "s3:DeleteObject", `${DST}/a`)).toBe("implicitDeny");
    expect(await decisionFor(iam(), role, "s3:GetObject", `${SRC}/private/a`)).toBe("implicitDeny");
  });

  it("under a condition only when the context carries the key, and says which key was missing", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("cond"), {
      tagged: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:ReplicateObject", Resource: `${DST}/*`, Condition: { StringEquals: { "s3:RequestObjectTag/team": "data" } } }],
      },
    });
    const without = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"] }));
    expect(without.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", MatchedStatements: [], MissingContextValues: [] });
    const named = await iam().send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"], ResourceArns: [`${DST}/a`] }),
    );
    expect(named.EvaluationResults?.[0]?.ResourceSpecificResults?.[0]).toMatchObject({
      EvalResourceDecision: "implicitDeny",
      MissingContextValues: ["s3:RequestObjectTag/team"],
    });
    const context = (value: string) => [{ ContextKeyName: "s3:RequestObjectTag/team", ContextKeyValues: [value], ContextKeyType: "string" as const }];
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", `${DST}/a`, { ContextEntries: context("data") })).toBe("allowed");
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", `${DST}/a`, { ContextEntries: context("web") })).toBe("implicitDeny");
  });

  it("with the policies of PolicyInputList added to the role's, named PolicyInputList.N", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("extra"), {
      read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
    });
    const extra = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ReplicateObject", Resource: `${DST}/*` }] };
    const answer = await iam().send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"], PolicyInputList: [JSON.stringify(extra)] }),
    );
    expect(answer.EvaluationResults?.[0]?.EvalDecision).toBe("implicitDeny");
    const covered = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: role,
        ActionNames: ["s3:ReplicateObject"],
        ResourceArns: [`${DST}/a`],
        PolicyInputList: [JSON.stringify(extra)],
      }),
    );
    expect(covered.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "allowed", MatchedStatements: [{ SourcePolicyId: "PolicyInputList.1" }] });
  });
});

describe("SimulatePrincipalPolicy denies", () => {
  it("explicitly when a later statement denies s3:* on the destination, naming only the Deny", async () => {
    const name = uniqueRole("deny");
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete"], Resource: `${DST}/*` },
        { Effect: "Deny", Action: "s3:*", Resource: [`${DST}`, `${DST}/*`] },
      ],
    };
    const role = await roleWithPolicies(iam(), name, { guarded: policy });
    const answer = await iam().send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject"], ResourceArns: [`${DST}/a`] }),
    );
    const text = JSON.stringify(policy);
    const deny = JSON.stringify(policy.Statement[1]);
    expect(answer.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: "explicitDeny",
      MatchedStatements: [
        { SourcePolicyId: `role_${name}_guarded`, StartPosition: columnAt(text.indexOf(deny) - 1), EndPosition: columnAt(text.indexOf(deny) + deny.length) },
      ],
    });
  });

  it("explicitly when a Deny sits in another of the role's inline policies", async () => {
    const name = uniqueRole("two");
    const role = await roleWithPolicies(iam(), name, {
      allow: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] },
      fence: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:Replicate*", Resource: `${DST}/*` }] },
    });
    const answer = await iam().send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:ReplicateObject", "s3:GetObject"], ResourceArns: [`${DST}/a`] }),
    );
    expect(answer.EvaluationResults?.map((result) => [result.EvalActionName, result.EvalDecision, result.MatchedStatements?.map((s) => s.SourcePolicyId)])).toEqual([
      ["s3:ReplicateObject", "explicitDeny", [`role_${name}_fence`]],
      ["s3:GetObject", "allowed", [`role_${name}_allow`]],
    ]);
  });

  it("implicitly for an action no statement names, and for a resource the statement's Resource does not cover", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("implicit"), { replication: replicationPolicy("b-src", ["b-dst"]) });
    expect(await decisionFor(iam(), role, "s3:PutObject", `${DST}/a`)).toBe("implicitDeny");
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", "arn:aws:s3:::b-elsewhere/a")).toBe("implicitDeny");
    // The bucket itself is not an object in it: b-dst/* does not cover arn:aws:s3:::b-dst.
    expect(await decisionFor(iam(), role, "s3:ReplicateObject", DST)).toBe("implicitDeny");
    const answer = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:PutObject"] }));
    expect(answer.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", MatchedStatements: [] });
  });

  it("one result per action over several resources, as restrictive as the worst, with each resource's own", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("many"), { replication: replicationPolicy("b-src", ["b-dst"]) });
    const answer = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: role,
        ActionNames: ["s3:ReplicateObject"],
        ResourceArns: [`${DST}/a`, "arn:aws:s3:::b-elsewhere/a"],
      }),
    );
    expect(answer.EvaluationResults).toHaveLength(1);
    expect(answer.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", MatchedStatements: [] });
    expect(answer.EvaluationResults?.[0]?.ResourceSpecificResults?.map((result) => [result.EvalResourceName, result.EvalResourceDecision])).toEqual([
      [`${DST}/a`, "allowed"],
      ["arn:aws:s3:::b-elsewhere/a", "implicitDeny"],
    ]);
  });
});
