import type { QueryCall, QueryHandler } from "../query/protocol";
import { limitExceeded, noSuchRolePolicy } from "./errors";
import { checkRoleName, findRole } from "./lookup";
import { paginate, readPaging } from "./paging";
import { checkIdentityPolicy, policySize } from "./policy-rules";
import { encodePolicyDocument, memberList } from "./role-xml";
import { Constraints, NAME_PATTERN, POLICY_DOCUMENT_PATTERN } from "./validate";

/** Inline role policies: PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies. */

/** All of a role's inline policies together may hold 10,240 characters, white space not counted. */
const INLINE_POLICIES_QUOTA = 10240;

const checkPolicyName = (constraints: Constraints, policyName: string): Constraints =>
  constraints.length("policyName", policyName, 1, 128).pattern("policyName", policyName, NAME_PATTERN.regex, NAME_PATTERN.shown);

const putRolePolicy = (call: QueryCall) => {
  const { params } = call;
  const roleName = params.require("RoleName");
  const policyName = params.require("PolicyName");
  const document = params.require("PolicyDocument");
  const constraints = checkRoleName(new Constraints(), roleName);
  checkPolicyName(constraints, policyName)
    .length("policyDocument", document, 1, 131072)
    .pattern("policyDocument", document, POLICY_DOCUMENT_PATTERN.regex, POLICY_DOCUMENT_PATTERN.shown)
    .check();
  const role = findRole(call, roleName);
  checkIdentityPolicy(document);
  let total = policySize(document);
  for (const [name, other] of role.inlinePolicies) if (name !== policyName) total += policySize(other);
  if (total > INLINE_POLICIES_QUOTA) {
    throw limitExceeded(`Maximum policy size of ${INLINE_POLICIES_QUOTA} bytes exceeded for role ${role.name}`);
  }
  role.inlinePolicies.set(policyName, document);
  return undefined;
};

/** The role and the named inline policy's document, or NoSuchEntity for either. */
const rolePolicy = (call: QueryCall) => {
  const roleName = call.params.require("RoleName");
  const policyName = call.params.require("PolicyName");
  checkPolicyName(checkRoleName(new Constraints(), roleName), policyName).check();
  const role = findRole(call, roleName);
  const document = role.inlinePolicies.get(policyName);
  if (document === undefined) throw noSuchRolePolicy(policyName);
  return { role, policyName, document };
};

const getRolePolicy = (call: QueryCall) => {
  const { role, policyName, document } = rolePolicy(call);
  return { PolicyName: policyName, RoleName: role.name, PolicyDocument: encodePolicyDocument(document) };
};

const deleteRolePolicy = (call: QueryCall) => {
  const { role, policyName } = rolePolicy(call);
  role.inlinePolicies.delete(policyName);
  return undefined;
};

const listRolePolicies = (call: QueryCall) => {
  const roleName = call.params.require("RoleName");
  const constraints = checkRoleName(new Constraints(), roleName);
  const paging = readPaging(call.params, constraints);
  constraints.check();
  const role = findRole(call, roleName);
  const names = [...role.inlinePolicies.keys()].sort();
  const page = paginate(names, (name) => name, paging);
  return { PolicyNames: memberList(page.items), IsTruncated: page.isTruncated, Marker: page.marker };
};

export const rolePolicyActions: Record<string, QueryHandler> = {
  PutRolePolicy: putRolePolicy,
  GetRolePolicy: getRolePolicy,
  DeleteRolePolicy: deleteRolePolicy,
  ListRolePolicies: listRolePolicies,
};
