import type { QueryCall } from "../query/protocol";
import type { AccountState, Role } from "../world/account";
import { noSuchRole } from "./errors";
import { Constraints, NAME_PATTERN } from "./validate";

/** IAM is per account: the caller only ever sees its own account's roles. */
export const accountOf = (call: QueryCall): AccountState => call.world.account(call.caller.account);

/** Records the RoleName constraints of the IAM model (1–64 characters of [\w+=,.@-]). */
export const checkRoleName = (constraints: Constraints, roleName: string | undefined): Constraints =>
  constraints.length("roleName", roleName, 1, 64).pattern("roleName", roleName, NAME_PATTERN.regex, NAME_PATTERN.shown);

/** The caller's role of that name (names match without regard to case), or NoSuchEntity. */
export const findRole = (call: QueryCall, roleName: string): Role => {
  const role = accountOf(call).role(roleName);
  if (!role) throw noSuchRole(roleName);
  return role;
};

/** Reads a required RoleName, checks its constraints and finds the role. */
export const roleFromParams = (call: QueryCall): Role => {
  const roleName = call.params.require("RoleName");
  checkRoleName(new Constraints(), roleName).check();
  return findRole(call, roleName);
};
