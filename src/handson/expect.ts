import type { Action } from "../content/schema/lesson";
import type { CallResponse } from "./dispatch";
import { answerItem, type Answers } from "./answers";
import { accessItems } from "./bucket-access";
import { expectationItems } from "./match";
import { decisionItems } from "./policy-decisions";
import type { CallError, CheckItem } from "./results";
import { lifecycleItems } from "./lifecycle-meaning";
import { trustItems } from "./trust-policy";

/**
 * The checklist for one response: `expectError` (must fail with that code, and status if
 * given), `expect` (partial deep match, see match.ts), `expectDecision` (policy-decisions.ts),
 * `expectTrust` (trust-policy.ts), `expectLifecycle` (lifecycle-meaning.ts), `expectAccess` (bucket-access.ts), `ask` (answers.ts), or — with none — "it succeeds".
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

/** The items of the response itself: its error, its output, its policy decisions or trust. */
const responseItems = (action: Action, operation: string, response: CallResponse): CheckItem[] => {
  if (action.expectError) return [expectErrorItem(action.expectError, response)];
  const succeeds = `${operation} succeeds`;
  if (!response.ok) return [{ label: succeeds, pass: false, reason: describeFailure(response.error), actual: response.error }];
  const judged = [
    ...(action.expect && Object.keys(action.expect).length > 0 ? expectationItems(action.expect, response.output) : []),
    ...decisionItems(action, response.output),
    ...trustItems(action, response.output),
    ...lifecycleItems(action, response.output),
    ...accessItems(action, response.output),
  ];
  return judged.length > 0 ? judged : [{ label: succeeds, pass: true, reason: "" }];
};

/**
 * The sandbox says why replication FAILED in a header of its own (AWS tells it through event
 * notifications, not on HeadObject); a failing item carries it so the learner sees the cause.
 */
const SANDBOX_REPLICATION_FAILURE = "x-s3-tutor-replication-failure";

const withSandboxReason = (items: CheckItem[], response: CallResponse): CheckItem[] => {
  const why = Object.entries(response.headers).find(([name]) => name.toLowerCase() === SANDBOX_REPLICATION_FAILURE)?.[1];
  if (!why) return items;
  return items.map((item) => (item.pass ? item : { ...item, reason: `${item.reason} (the sandbox says why: ${why})` }));
};

/**
 * Every expectation of the action against what the call answered. An `ask` action adds the
 * learner's answer, compared with what the target really answered (answers.ts); its call only
 * has to answer, so without expectError or expect a failing call is not held against it.
 */
export const checkResponse = (action: Action, operation: string, response: CallResponse, answers?: Answers): CheckItem[] => {
  if (action.ask) {
    const own = action.expectError || action.expect ? responseItems(action, operation, response) : [];
    return withSandboxReason([...own, answerItem(action.ask, operation, response, answers)], response);
  }
  return withSandboxReason(responseItems(action, operation, response), response);
};
