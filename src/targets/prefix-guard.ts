import { createdResource, isMutating, resourcesChanged } from "./planned-resources";
import { TargetError, type PlannedCall } from "./target";

/**
 * The guard's first, cheap check on a real account: every bucket and role a write changes must
 * start with the session prefix. Necessary, not sufficient: a name with the prefix may still be
 * someone else's, which resource-standing.ts finds out. Reads pass, on any name (isMutating
 * says which calls read, iam:SimulatePrincipalPolicy among them).
 *
 * A call that expects an error (BucketAlreadyExists on a famous name, InvalidBucketName) may
 * name anything, but only when it creates a bucket or role: should it succeed after all, the
 * guard removes what it made. A write or delete on someone's existing resource could not be
 * undone, so it stays refused even when an error is expected.
 */
export const refuseOutsidePrefix = (call: PlannedCall, prefix: string): void => {
  if (!isMutating(call)) return;
  const operation = `${call.service}:${call.operation}`;
  const changed = resourcesChanged(call);
  if (changed === undefined) {
    throw new TargetError(
      `Refused ${operation}: on a real AWS account s3-tutor only changes buckets and roles, and this call names neither.`,
      "Lessons may create and change buckets and IAM roles named with the session prefix; use --target sandbox to try anything else.",
    );
  }
  const outside = changed.filter((resource) => !resource.name.startsWith(prefix));
  if (outside.length === 0) return;
  if (call.expectsError && createdResource(call)) return;
  const named = outside.map((resource) => `${resource.kind} "${resource.name}"`).join(" and ");
  throw new TargetError(
    `Refused ${operation} on ${named}: it does not start with this session's prefix "${prefix}", so s3-tutor did not create it.` +
      (call.expectsError ? " The step expects an error, but if the call succeeded it could not be undone." : ""),
    `On a real AWS account s3-tutor only changes resources whose names start with "${prefix}". Use such a name, or --target sandbox.`,
  );
};
