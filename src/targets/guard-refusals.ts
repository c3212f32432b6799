import { createdResource, type NamedResource } from "./planned-resources";
import { TargetError, type PlannedCall } from "./target";

/** What the real-account guard says when it will not touch a bucket or role. */

/** The fix of a refusal to touch something under the prefix that s3-tutor did not create. */
const LEARNERS_OWN =
  "If you made it yourself, for a lesson or not, it stays yours: s3-tutor never changes or deletes it. " +
  'To let s3-tutor make (and later remove) it instead, delete it by hand and use "do it for me".';

const MISSING_PERMISSION = "Grant the permission named above, or use --target sandbox.";

const operationOf = (call: PlannedCall): string => `${call.service}:${call.operation}`;
const named = (resource: NamedResource): string => `${resource.kind} "${resource.name}"`;

/** A create of something already in the account that is not s3-tutor's. */
export const existsNotOurs = (call: PlannedCall, resource: NamedResource, place: { account: string; region?: string; why: string }, fix?: string): TargetError =>
  new TargetError(
    `Refused ${operationOf(call)} on ${named(resource)}: that ${resource.kind} already exists in your account ${place.account}${place.region ? ` (${place.region})` : ""}, ` +
      `and s3-tutor does not touch what it did not create (${place.why}). It was left alone.`,
    fix ?? LEARNERS_OWN,
  );

/** Any other write to something in the account that is not s3-tutor's. */
export const notOurs = (call: PlannedCall, resource: NamedResource, account: string, why: string): TargetError =>
  new TargetError(`Refused ${operationOf(call)} on ${named(resource)}: it is in your account ${account}, but ${why}. It was left alone.`, LEARNERS_OWN);

export const anotherAccounts = (call: PlannedCall, resource: NamedResource): TargetError =>
  new TargetError(`Refused ${operationOf(call)} on ${named(resource)}: it belongs to another AWS account. It was left alone.`, "s3-tutor only changes what it created.");

/** Whose it is could not be told: nothing is changed on a guess. */
export const couldNotCheck = (call: PlannedCall, resource: NamedResource, why: string): TargetError =>
  createdResource(call)
    ? new TargetError(`Refused ${operationOf(call)} on ${named(resource)}: could not check that it is not already in your account and someone else's (${why}).`, MISSING_PERMISSION)
    : new TargetError(`Refused ${operationOf(call)} on ${named(resource)}: could not check that s3-tutor created it (${why}). It was left alone.`, MISSING_PERMISSION);
