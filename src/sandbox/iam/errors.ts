import { ServiceError } from "../errors";

/** IAM errors with the codes, statuses and messages IAM sends (statuses as the IAM API model declares them). */

export const noSuchRole = (roleName: string) =>
  new ServiceError("NoSuchEntity", 404, `The role with name ${roleName} cannot be found.`);

export const noSuchRolePolicy = (policyName: string) =>
  new ServiceError("NoSuchEntity", 404, `The role policy with name ${policyName} cannot be found.`);

export const roleAlreadyExists = (roleName: string) =>
  new ServiceError("EntityAlreadyExists", 409, `Role with name ${roleName} already exists.`);

export const deleteConflict = (message: string) => new ServiceError("DeleteConflict", 409, message);

export const malformedPolicyDocument = (message: string) => new ServiceError("MalformedPolicyDocument", 400, message);

/** IAM's LimitExceededException is 409 Conflict, not 400. */
export const limitExceeded = (message: string) => new ServiceError("LimitExceeded", 409, message);

export const invalidInput = (message: string) => new ServiceError("InvalidInput", 400, message);

export const validationError = (message: string) => new ServiceError("ValidationError", 400, message);

/** IAM acts on the caller's own account: another account's entity is not theirs to read. */
export const notAuthorized = (callerArn: string, action: string, resource: string) =>
  new ServiceError(
    "AccessDenied",
    403,
    `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`,
  );
