import { allPages } from "./iam-paging";
import { isAbsent, unlessAbsent } from "./sdk-faults";
import type { AwsClient } from "./target";

export interface RoleRemoval {
  /** False when the role was already gone. */
  removed: boolean;
  inlinePolicies: number;
}

/**
 * Deletes every inline policy of the role, whatever its name, and detaches every managed one,
 * leaving the role. Returns how many inline policies went; throws NoSuchEntity when the role is gone.
 */
export const removeRolePolicies = async (iam: AwsClient, roleName: string): Promise<number> => {
  const { DeleteRolePolicyCommand, DetachRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } = await import("@aws-sdk/client-iam");
  let inlinePolicies = 0;
  for (const policyName of await allPages(iam, (Marker) => new ListRolePoliciesCommand({ RoleName: roleName, Marker }), "PolicyNames")) {
    await unlessAbsent(() => iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName as string })));
    inlinePolicies++;
  }
  // The sandbox does not offer managed policies; real AWS does, and a learner may attach one.
  const attached = await unlessAbsent(() =>
    allPages(iam, (Marker) => new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker }), "AttachedPolicies"),
  );
  for (const policy of attached ?? []) {
    const arn = (policy as { PolicyArn?: string }).PolicyArn;
    if (arn) await unlessAbsent(() => iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn })));
  }
  return inlinePolicies;
};

/** IAM deletes a role only without policies: inline ones are deleted, managed ones detached. */
export const removeRole = async (iam: AwsClient, roleName: string): Promise<RoleRemoval> => {
  const { DeleteRoleCommand } = await import("@aws-sdk/client-iam");
  try {
    const inlinePolicies = await removeRolePolicies(iam, roleName);
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    return { removed: true, inlinePolicies };
  } catch (error) {
    if (isAbsent(error)) return { removed: false, inlinePolicies: 0 };
    throw error;
  }
};
