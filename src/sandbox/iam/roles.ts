import { randomInt } from "node:crypto";
import type { QueryCall, QueryHandler } from "../query/protocol";
import type { Role } from "../world/account";
import { deleteConflict, limitExceeded, roleAlreadyExists } from "./errors";
import { accountOf, checkRoleName, findRole, roleFromParams } from "./lookup";
import { paginate, readPaging, sortedBy } from "./paging";
import { checkTrustPolicy, policySize } from "./policy-rules";
import { rolePolicyActions } from "./role-policies";
import { memberList, roleXml } from "./role-xml";
import { checkRequestTags, mergeTags, readTags } from "./tags";
import {
  Constraints,
  DESCRIPTION_PATTERN,
  integerParam,
  PATH_PATTERN,
  PATH_PREFIX_PATTERN,
  POLICY_DOCUMENT_PATTERN,
} from "./validate";

/** IAM roles: CreateRole, GetRole, ListRoles, DeleteRole, TagRole, and the inline-policy actions. */

const ROLE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const DEFAULT_MAX_SESSION_DURATION = 3600;
/** Trust policies may hold 2,048 characters, white space not counted. */
const TRUST_POLICY_QUOTA = 2048;

/** "AROA" and 17 upper-case letters and digits, like every role's unique id. */
const newRoleId = (): string =>
  `AROA${Array.from({ length: 17 }, () => ROLE_ID_ALPHABET[randomInt(ROLE_ID_ALPHABET.length)]).join("")}`;

const createRole = (call: QueryCall) => {
  const { params } = call;
  const roleName = params.require("RoleName");
  const document = params.require("AssumeRolePolicyDocument");
  const path = params.get("Path");
  const description = params.get("Description");
  const maxSessionDuration = integerParam("maxSessionDuration", params.get("MaxSessionDuration"));
  const constraints = new Constraints()
    .length("path", path, 1, 512)
    .pattern("path", path, PATH_PATTERN.regex, PATH_PATTERN.shown);
  checkRoleName(constraints, roleName)
    .length("assumeRolePolicyDocument", document, 1, 131072)
    .pattern("assumeRolePolicyDocument", document, POLICY_DOCUMENT_PATTERN.regex, POLICY_DOCUMENT_PATTERN.shown)
    .length("description", description, 0, 1000)
    .pattern("description", description, DESCRIPTION_PATTERN.regex, DESCRIPTION_PATTERN.shown)
    .range("maxSessionDuration", maxSessionDuration, 3600, 43200);
  const tags = readTags(params, constraints);
  constraints.check();
  checkRequestTags(tags);
  checkTrustPolicy(document);
  if (policySize(document) > TRUST_POLICY_QUOTA) throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`);

  const account = accountOf(call);
  if (account.role(roleName)) throw roleAlreadyExists(roleName);
  const rolePath = path ?? "/";
  const role: Role = {
    name: roleName,
    path: rolePath,
    roleId: newRoleId(),
    arn: `arn:aws:iam::${account.id}:role${rolePath}${roleName}`,
    createDate: call.world.now(),
    assumeRolePolicyDocument: document,
    description,
    maxSessionDuration: maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    tags,
    inlinePolicies: new Map(),
  };
  account.addRole(role);
  return { Role: roleXml(role) };
};

const getRole = (call: QueryCall) => ({ Role: roleXml(roleFromParams(call)) });

const roleKey = (role: Role) => role.name.toLowerCase();

const listRoles = (call: QueryCall) => {
  const pathPrefix = call.params.get("PathPrefix");
  const constraints = new Constraints()
    .length("pathPrefix", pathPrefix, 1, 512)
    .pattern("pathPrefix", pathPrefix, PATH_PREFIX_PATTERN.regex, PATH_PREFIX_PATTERN.shown);
  const paging = readPaging(call.params, constraints);
  constraints.check();
  const roles = accountOf(call)
    .allRoles()
    .filter((role) => role.path.startsWith(pathPrefix ?? "/"));
  const page = paginate(sortedBy(roles, roleKey), roleKey, paging);
  return {
    IsTruncated: page.isTruncated,
    Marker: page.marker,
    Roles: memberList(page.items.map((role) => roleXml(role, { withTags: false }))),
  };
};

const deleteRole = (call: QueryCall) => {
  const role = roleFromParams(call);
  if (role.inlinePolicies.size > 0) throw deleteConflict("Cannot delete entity, must delete policies first.");
  accountOf(call).removeRole(role.name);
  return undefined;
};

const tagRole = (call: QueryCall) => {
  const { params } = call;
  const roleName = params.require("RoleName");
  const constraints = checkRoleName(new Constraints(), roleName);
  const tags = readTags(params, constraints);
  if (tags.length === 0 && params.get("Tags") === undefined) params.require("Tags");
  constraints.check();
  checkRequestTags(tags);
  const role = findRole(call, roleName);
  role.tags = mergeTags(role.tags, tags);
  return undefined;
};

export const roleActions: Record<string, QueryHandler> = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  DeleteRole: deleteRole,
  TagRole: tagRole,
  ...rolePolicyActions,
};
