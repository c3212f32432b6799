import type { Action } from "../content/schema/lesson";

/** What running hands-on actions found, as data for the UI, `run --auto` and its JSON report. */

/** One line of the checklist: an expectation and whether it held, in words. */
export interface CheckItem {
  /** What was expected, e.g. "BucketRegion is eu-west-1" or "fails with BucketAlreadyExists (409)". */
  label: string;
  pass: boolean;
  /** Why it failed, in words: "BucketRegion is us-east-1, expected eu-west-1". Empty when it passed. */
  reason: string;
  expected?: unknown;
  actual?: unknown;
  /** The id of the `ask:` question this item judges the learner's answer to. */
  answerTo?: string;
  /** The item failed only because the question was not answered yet. */
  unanswered?: boolean;
}

export interface CallError {
  code: string;
  message: string;
  status?: number;
}

export interface ActionResult {
  /** The action after templating: what was actually sent. */
  action: Action;
  service: string;
  operation: string;
  identity: string;
  region: string;
  /** HTTP status of the (last) response. */
  status?: number;
  /** The response headers worth showing (x-amz-bucket-region, x-amz-version-id, ...). */
  headers: Record<string, string>;
  output?: unknown;
  error?: CallError;
  items: CheckItem[];
  pass: boolean;
  /** How many times the call was made (more than one with `eventually`). */
  attempts: number;
  durationMs: number;
  /** Values this action saved with `save:`, by variable name. */
  saved?: Record<string, unknown>;
  /** True when the action was not attempted because an earlier action of its phase failed. */
  notRun?: boolean;
  /**
   * Why the action was not checked on this target (it needs a capability the target lacks); such
   * an action neither passes nor fails the step, and the checklist says so.
   */
  notChecked?: string;
}

export type Phase = "setup" | "solve" | "check" | "cleanup";

export interface PhaseResult {
  phase: Phase;
  actions: ActionResult[];
  pass: boolean;
}

/** Progress while `eventually` polls: e.g. "attempt 3: ReplicationStatus is PENDING". */
export interface PollProgress {
  action: Action;
  attempt: number;
  elapsedMs: number;
  withinMs: number;
  /** Why the last attempt did not pass yet; empty once it passed. */
  lastReason: string;
  /** The last attempt met every expectation (the last progress report of a successful poll). */
  pass: boolean;
  /** Why the last answer is final, so the wait ends without passing (e.g. "a final state"). */
  final?: string;
}
