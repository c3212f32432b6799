import { CreateRoleCommand, PutRolePolicyCommand, SimulatePrincipalPolicyCommand, type IAMClient, type SimulatePrincipalPolicyCommandInput } from "@aws-sdk/client-iam";
import { trustS3 } from "./replication";

/** A role trusting S3, with the given inline policies (name → document), sent as compact JSON. */
export const roleWithPolicies = async (iam: IAMClient, name: string, policies: Record<string, object>): Promise<string> => {
  const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
  for (const [policyName, document] of Object.entries(policies)) {
    await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: JSON.stringify(document) }));
  }
  return created.Role?.Arn ?? "";
};

/** One action on (optionally) one resource: the first result's decision. */
export const decisionFor = async (iam: IAMClient, roleArn: string, action: string, resource?: string, extra: Partial<SimulatePrincipalPolicyCommandInput> = {}) => {
  const answer = await iam.send(
    new SimulatePrincipalPolicyCommand({ PolicySourceArn: roleArn, ActionNames: [action], ...(resource ? { ResourceArns: [resource] } : {}), ...extra }),
  );
  return answer.EvaluationResults?.[0]?.EvalDecision;
};

/** 1-based line and column of `offset` in a one-line text, as the simulator counts them. */
export const columnAt = (offset: number) => ({ Line: 1, Column: offset + 1 });
