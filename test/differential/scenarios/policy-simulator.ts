import { CreateRoleCommand, PutRolePolicyCommand, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { failureOf, freshName, type Scratch } from "../scenario-kit";
import type { Scenario } from "../scenario";

const GROUP = "IAM policy simulator";

const trustS3 = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };

/** The object a replication role writes in these rows; policies name it exactly, so only the Action decides. */
const DESTINATION_OBJECT = "arn:aws:s3:::dt-sim-destination/report.csv";

/**
 * A role with one inline policy of `statements`, then SimulatePrincipalPolicy for `action` on
 * DESTINATION_OBJECT: the decision, or the failure.
 */
const simulate = async (scratch: Scratch, statements: object[], action = "s3:ReplicateObject"): Promise<string> => {
  const iam = scratch.subject.iam("me");
  const name = freshName("sim");
  scratch.trackRole(name);
  try {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
    const policy = { Version: "2012-10-17", Statement: statements };
    await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "replication", PolicyDocument: JSON.stringify(policy) }));
    const account = (await scratch.subject.sts("me").send(new GetCallerIdentityCommand({}))).Account;
    const answer = await iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${account}:role/${name}`, ActionNames: [action], ResourceArns: [DESTINATION_OBJECT] }),
    );
    return answer.EvaluationResults?.[0]?.EvalDecision ?? "no result";
  } catch (error) {
    return failureOf(error);
  }
};

const allow = (action: string | string[]) => ({ Effect: "Allow", Action: action, Resource: [DESTINATION_OBJECT] });

export const policySimulatorScenarios: Scenario[] = [
  {
    id: "simulator.wildcard-action",
    group: GROUP,
    title: "A role allowed s3:Replicate*: s3:ReplicateObject",
    capability: "policySimulation",
    run: (scratch) => simulate(scratch, [allow("s3:Replicate*")]),
    expected: { aws: "allowed", localstack: "explicitDeny", moto: "500 Error" },
    notes: {
      localstack: "LocalStack compares action names literally: a wildcard in a policy's Action never matches.",
      moto: "moto does not implement SimulatePrincipalPolicy: its server raises NotImplementedError and answers 500 Internal Server Error with an HTML page.",
    },
  },
  {
    id: "simulator.allow-then-deny",
    group: GROUP,
    title: "An Allow of s3:ReplicateObject, then a Deny of s3:* on the destination",
    capability: "policySimulation",
    run: (scratch) =>
      simulate(scratch, [allow(["s3:ReplicateObject"]), { Effect: "Deny", Action: "s3:*", Resource: ["arn:aws:s3:::dt-sim-destination/*"] }]),
    expected: { aws: "explicitDeny", localstack: "allowed", moto: "500 Error" },
    notes: { localstack: "LocalStack's simulator ignores Deny statements: any Allow it matches wins." },
  },
  {
    id: "simulator.missing-action",
    group: GROUP,
    title: "A role allowed s3:ReplicateDelete only: s3:ReplicateObject",
    capability: "policySimulation",
    run: (scratch) => simulate(scratch, [allow(["s3:ReplicateDelete"])]),
    expected: { aws: "implicitDeny", localstack: "explicitDeny", moto: "500 Error" },
    notes: { localstack: "LocalStack answers explicitDeny whenever nothing allows, where AWS says implicitDeny (no statement denies)." },
  },
  {
    id: "simulator.exact-allow",
    group: GROUP,
    title: "A role allowed s3:ReplicateObject on that very object",
    run: (scratch) => simulate(scratch, [allow(["s3:ReplicateObject"])]),
    expected: { aws: "allowed", localstack: "allowed", moto: "500 Error" },
  },
];
