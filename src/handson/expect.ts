import type { Action } from "../content/schema/lesson";
import type { CallResponse } from "./dispatch";
import { expectationItems } from "./match";
import type { CallError, CheckItem } from "./results";

/**
 * The checklist for one response: `expectError` (must fail with that code, and status if
 * given), `expect` (partial deep match, see match.ts), or — with neither — "it succeeds".
 */

const withStatus = (code: string, status: number | undefined) => (status === undefined ? code : `${code} (${status})`);

/** "failed with AccessDenied (403): Access Denied" */
export const describeFailure = (error: CallError): string =>
  `failed with ${withStatus(error.code, error.status)}${error.message ? `: ${error.message}` : ""}`;

const expectErrorItem = (expected: NonNullable<Action["expectError"]>, response: CallResponse): CheckItem => {
  const wanted = withStatus(expected.code, expected.status);
  const label = `fails with ${wanted}`;
  const expectedValue = { code: expected.code, status: expected.status };
  if (response.ok) {
    return { label, pass: false, reason: `succeeded${response.status === undefined ? "" : ` (${response.status})`}, expected it to fail with ${wanted}`, expected: expectedValue, actual: { status: response.status } };
  }
  const { error } = response;
  const actual = { code: error.code, status: error.status, message: error.message };
  if (error.code !== expected.code) {
    const message = error.message ? ` — ${error.message}` : "";
    return { label, pass: false, reason: `failed with ${withStatus(error.code, error.status)}, expected ${wanted}${message}`, expected: expectedValue, actual };
  }
  if (expected.status !== undefined && error.status !== expected.status) {
    return { label, pass: false, reason: `failed with ${withStatus(error.code, error.status)}, expected status ${expected.status}`, expected: expectedValue, actual };
  }
  return { label, pass: true, reason: "", expected: expectedValue, actual };
};

/** Every expectation of the action against what the call answered. */
export const checkResponse = (action: Action, operation: string, response: CallResponse): CheckItem[] => {
  if (action.expectError) return [expectErrorItem(action.expectError, response)];
  const succeeds = `${operation} succeeds`;
  if (!response.ok) return [{ label: succeeds, pass: false, reason: describeFailure(response.error), actual: response.error }];
  if (action.expect && Object.keys(action.expect).length > 0) return expectationItems(action.expect, response.output);
  return [{ label: succeeds, pass: true, reason: "" }];
};
