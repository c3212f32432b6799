import { parsePolicy } from "../../policy/document";
import { evaluateIdentityPolicies, type IdentityPolicy, type IdentityVerdict } from "../../policy/identity-policies";
import type { AccessRequest } from "../../policy/evaluate";
import type { Role } from "../world/account";

/**
 * What a role may do, decided in one place: replication asks it before copying an object, and
 * iam:SimulatePrincipalPolicy answers with it, so the simulator says exactly what replication does.
 */

/** An identity policy with the text it was written in (the simulator points into it). */
export interface WrittenPolicy extends IdentityPolicy {
  text: string;
}

/**
 * A role's inline policies, each named as the IAM policy simulator names it in MatchedStatements:
 * "role_<role name>_<policy name>". IAM checked them when they were put, so all of them parse.
 */
export const inlinePoliciesOf = (role: Role): WrittenPolicy[] =>
  [...role.inlinePolicies].flatMap(([name, text]) => {
    const parsed = parsePolicy(text);
    return parsed.ok ? [{ id: `role_${role.name}_${name}`, document: parsed.document, text }] : [];
  });

/** The role's inline policies together (and any extra ones a simulation adds) on one request. */
export const roleVerdict = (
  role: Role,
  request: Omit<AccessRequest, "principal">,
  extra: readonly WrittenPolicy[] = [],
): IdentityVerdict<WrittenPolicy> =>
  evaluateIdentityPolicies([...inlinePoliciesOf(role), ...extra], { ...request, principal: { arn: role.arn } });
