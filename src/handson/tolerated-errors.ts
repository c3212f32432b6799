import type { Action } from "../content/schema/lesson";
import type { CallError, CheckItem, Phase } from "./results";

/**
 * Errors that count as success: the codes an action lists in `tolerate:` (so setup can run
 * twice, e.g. BucketAlreadyOwnedByYou), and in cleanup "it is already gone" (NoSuchBucket,
 * NoSuchKey, NoSuchEntity, NotFound, ...) for actions that state no expectation, because
 * cleanup also runs after a step that was only half done.
 */

/** The resource (or configuration) is not there. */
export const isAlreadyGone = (code: string): boolean => /^NoSuch/.test(code) || /NotFound/.test(code);

export const toleratedError = (phase: Phase, action: Action, operation: string, error: CallError): CheckItem | undefined => {
  if (action.expectError) return undefined;
  if (action.tolerate?.includes(error.code)) return { label: `${operation}: ${error.code}, which is fine here`, pass: true, reason: "" };
  const expectsOutput = action.expect !== undefined && Object.keys(action.expect).length > 0;
  if (phase === "cleanup" && !expectsOutput && isAlreadyGone(error.code)) return { label: `${operation}: already gone (${error.code})`, pass: true, reason: "" };
  return undefined;
};
