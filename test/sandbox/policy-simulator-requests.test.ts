import { SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { roleWithPolicies } from "../helpers/policy-simulator";
import { rawRequest } from "../helpers/raw";
import { ACCOUNT_A, ACCOUNT_B, failureOf, useSandbox } from "../helpers/sandbox";

// What SimulatePrincipalPolicy and SimulateCustomPolicy accept and refuse, and how they page.
const { clients, sandbox } = useSandbox();
const iam = (account = ACCOUNT_A): IAMClient => clients().iam({ accessKeyId: account });

let counter = 0;
const uniqueRole = (stem: string) => `${stem}-${process.pid}-${counter++}`;

const ALLOW_GET = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

const failure = async (promise: Promise<unknown>) => {
  const error = await failureOf(promise);
  return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message };
};

describe("SimulatePrincipalPolicy refuses", () => {
  it("a role that does not exist, as NoSuchEntity", async () => {
    const arn = `arn:aws:iam::${ACCOUNT_A}:role/no-such-role`;
    expect(await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ["s3:GetObject"] })))).toEqual({
      name: "NoSuchEntityException",
      status: 404,
      message: "The role with name no-such-role cannot be found.",
    });
  });

  it("a role named with the wrong path, and a user (the sandbox has none)", async () => {
    const name = uniqueRole("pathed");
    await roleWithPolicies(iam(), name, { read: ALLOW_GET });
    const wrongPath = `arn:aws:iam::${ACCOUNT_A}:role/service/${name}`;
    expect((await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: wrongPath, ActionNames: ["s3:GetObject"] })))).name).toBe(
      "NoSuchEntityException",
    );
    const user = `arn:aws:iam::${ACCOUNT_A}:user/alice`;
    expect(await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user, ActionNames: ["s3:GetObject"] })))).toMatchObject({
      status: 404,
      message: "The user with name alice cannot be found.",
    });
  });

  it("an ARN that names no IAM entity, as InvalidInput", async () => {
    const arn = `arn:aws:sts::${ACCOUNT_A}:assumed-role/admin/session`;
    expect(await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ["s3:GetObject"] })))).toEqual({
      name: "InvalidInputException",
      status: 400,
      message: `Invalid Entity Arn: ${arn} does not clearly define entity type and name.`,
    });
  });

  it("another account's role, as AccessDenied", async () => {
    const name = uniqueRole("theirs");
    const arn = await roleWithPolicies(iam(ACCOUNT_B), name, { read: ALLOW_GET });
    expect(await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ["s3:GetObject"] })))).toEqual({
      name: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${arn} because no resource-based policy allows the iam:SimulatePrincipalPolicy action`,
    });
  });

  it("a request without ActionNames or PolicySourceArn, naming both in one ValidationError", async () => {
    const response = await rawRequest(sandbox().endpoint, {
      method: "POST",
      path: "/",
      service: "iam",
      region: "us-east-1",
      accessKeyId: ACCOUNT_A,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "Action=SimulatePrincipalPolicy&Version=2010-05-08",
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain(
      "<Message>2 validation errors detected: Value null at &apos;policySourceArn&apos; failed to satisfy constraint: Member must not be null; " +
        "Value null at &apos;actionNames&apos; failed to satisfy constraint: Member must not be null</Message>",
    );
  });

  it("values outside the model's constraints, and an unknown ContextKeyType", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("limits"), { read: ALLOW_GET });
    const error = await failure(
      iam().send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: role,
          ActionNames: ["s3"],
          ContextEntries: [{ ContextKeyName: "aws:SourceIp", ContextKeyValues: ["1.2.3.4"], ContextKeyType: "address" as never }],
          MaxItems: 0,
        }),
      ),
    );
    expect(error).toEqual({
      name: "ValidationError",
      status: 400,
      message:
        "3 validation errors detected: Value 's3' at 'actionNames.1.member' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
        "Value 'address' at 'contextEntries.1.member.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList]; " +
        "Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it("a permissions boundary or a resource policy, which it does not simulate, rather than ignore them", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("boundary"), { read: ALLOW_GET });
    const boundary = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] };
    expect(
      await failure(
        iam().send(
          new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:GetObject"], PermissionsBoundaryPolicyInputList: [JSON.stringify(boundary)] }),
        ),
      ),
    ).toEqual({
      name: "NotImplemented",
      status: 501,
      message: "The sandbox's SimulatePrincipalPolicy does not simulate PermissionsBoundaryPolicyInputList. Leave it out, or use a real AWS account for it.",
    });
    expect(
      (await failure(iam().send(new SimulateCustomPolicyCommand({ PolicyInputList: [JSON.stringify(ALLOW_GET)], ActionNames: ["s3:GetObject"], ResourcePolicy: "{}" })))).status,
    ).toBe(501);
  });

  it("an extra policy that is not a policy, as InvalidInput with IAM's words", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("badextra"), { read: ALLOW_GET });
    expect(
      await failure(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: ["s3:GetObject"], PolicyInputList: ["{not json"] }))),
    ).toEqual({ name: "InvalidInputException", status: 400, message: "PolicyInputList.1: This policy contains invalid Json" });
  });
});

describe("SimulatePrincipalPolicy pages by action", () => {
  it("MaxItems results at a time, with a Marker for the rest, in the order the actions were asked", async () => {
    const role = await roleWithPolicies(iam(), uniqueRole("paged"), { read: ALLOW_GET });
    const actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectTagging"];
    const ask = (Marker?: string) => iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: role, ActionNames: actions, MaxItems: 2, Marker }));
    const pages = [];
    let answer = await ask();
    pages.push(answer);
    while (answer.IsTruncated) {
      expect(answer.Marker).toEqual(expect.any(String));
      answer = await ask(answer.Marker);
      pages.push(answer);
    }
    expect(pages.map((page) => page.EvaluationResults?.map((result) => `${result.EvalActionName} ${result.EvalDecision}`))).toEqual([
      ["s3:GetObject allowed", "s3:PutObject implicitDeny"],
      ["s3:DeleteObject implicitDeny", "s3:ListBucket implicitDeny"],
      ["s3:GetObjectTagging implicitDeny"],
    ]);
    expect(pages.at(-1)?.Marker).toBeUndefined();
  });
});

describe("SimulateCustomPolicy", () => {
  it("evaluates the policies given, and needs at least one", async () => {
    const deny = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:Get*", Resource: "arn:aws:s3:::secret/*" }] };
    const answer = await iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [JSON.stringify(ALLOW_GET), JSON.stringify(deny)],
        ActionNames: ["s3:GetObject"],
        ResourceArns: ["arn:aws:s3:::public/a", "arn:aws:s3:::secret/a"],
      }),
    );
    expect(answer.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "explicitDeny", MatchedStatements: [{ SourcePolicyId: "PolicyInputList.2" }] });
    expect(answer.EvaluationResults?.[0]?.ResourceSpecificResults?.map((result) => result.EvalResourceDecision)).toEqual(["allowed", "explicitDeny"]);
    expect((await failure(iam().send(new SimulateCustomPolicyCommand({ PolicyInputList: undefined as never, ActionNames: ["s3:GetObject"] })))).message).toBe(
      "1 validation error detected: Value null at 'policyInputList' failed to satisfy constraint: Member must not be null",
    );
  });
});
