import { rootArn } from "../auth/identity";
import { ServiceError } from "../errors";
import type { QueryCall } from "../query/protocol";
import type { Role } from "../world/account";
import { invalidInput, noSuchRole, notAuthorized } from "./errors";
import { accountOf } from "./lookup";

/**
 * The entity whose policies SimulatePrincipalPolicy evaluates, from its PolicySourceArn:
 * arn:aws:iam::<account>:role/<path/>name (the sandbox has roles, no users or groups).
 */

const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(role|user|group)(\/(?:[^/]+\/)*)([^/]+)$/;

export const roleOfPolicySource = (call: QueryCall, arn: string): Role => {
  const match = ENTITY_ARN.exec(arn);
  if (!match) throw invalidInput(`Invalid Entity Arn: ${arn} does not clearly define entity type and name.`);
  const [, account = "", kind = "", path = "", name = ""] = match;
  if (account !== call.caller.account) throw notAuthorized(rootArn(call.caller.account), `iam:${call.action}`, arn);
  if (kind !== "role") throw new ServiceError("NoSuchEntity", 404, `The ${kind} with name ${name} cannot be found.`);
  const role = accountOf(call).role(name);
  if (!role || role.path !== path) throw noSuchRole(name);
  return role;
};
