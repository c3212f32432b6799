import type { Action } from "../content/schema/lesson";
import type { CallResponse } from "./dispatch";
import { DEFAULT_POLL_EVERY, parseDuration, sleep } from "./durations";
import { matches } from "./match";
import type { CheckItem, PollProgress } from "./results";

export interface Attempt {
  response: CallResponse;
  items: CheckItem[];
  attempts: number;
}

export interface PollOptions {
  onProgress?: (progress: PollProgress) => void;
  signal?: AbortSignal;
  /** The target applies every write at once, lists and bucket configuration included (not AWS). */
  immediatelyConsistent?: boolean;
  /** Never wait longer than this between tries, whatever the backoff up to `every` says (the target's pace, see Target.pollEveryMs). */
  pollEveryMs?: number;
}

const passes = (items: CheckItem[]) => items.every((item) => item.pass);

/** The first retry comes this soon; each wait doubles up to `every`, so quick effects are seen quickly. */
const FIRST_RETRY_MS = 250;

/** Answers that may change by waiting: throttling, a conflicting operation still running, a 5xx. */
const TRANSIENT_CODES = new Set([
  "OperationAborted",
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestTimeout",
  "ServiceUnavailable",
  "InternalError",
]);

/**
 * Why waiting longer cannot change this answer, or undefined while it still may. An error is
 * final unless the action names it in `retryOn` or it is transient; an answer that does not
 * pass is final when it no longer matches `retryWhile` (FAILED where only PENDING is worth
 * waiting on). Without `retryWhile`, a successful answer may still change (a listing).
 */
export const finalReason = (action: Action, response: CallResponse): string | undefined => {
  const eventually = action.eventually;
  if (!response.ok) {
    const { code, status } = response.error;
    if (eventually?.retryOn?.includes(code) || TRANSIENT_CODES.has(code) || (status !== undefined && status >= 500)) return undefined;
    return `${code}${status === undefined ? "" : ` (${status})`} is a final answer`;
  }
  if (eventually?.retryWhile && !matches(eventually.retryWhile, response.output)) return "a final state";
  return undefined;
};

const triesText = (attempts: number, elapsedMs: number) =>
  `after ${attempts} ${attempts === 1 ? "try" : "tries"} in ${(elapsedMs / 1000).toFixed(1)}s`;

const withNote = (items: CheckItem[], note: string): CheckItem[] => items.map((item) => (item.pass ? item : { ...item, reason: `${item.reason} (${note})` }));

/**
 * Makes the call once, or — with `eventually` — again, at most `every` apart, until its
 * checklist passes, the answer is final (see finalReason), `within` runs out or the signal
 * aborts, reporting progress after each attempt. Reasons that still fail say how long it tried
 * and, when it stopped early, why, so "FAILED, a final state" reads differently from "PENDING
 * after 60s". A wait that only covers eventual consistency is a single try on a target that
 * is immediately consistent.
 */
export const callUntilItPasses = async (
  action: Action,
  attempt: () => Promise<{ response: CallResponse; items: CheckItem[] }>,
  options: PollOptions,
): Promise<Attempt> => {
  const start = Date.now();
  const eventually = action.eventually;
  if (!eventually || (eventually.consistency && options.immediatelyConsistent)) return { ...(await attempt()), attempts: 1 };
  const withinMs = parseDuration(eventually.within);
  const everyMs = parseDuration(eventually.every ?? DEFAULT_POLL_EVERY);
  for (let attempts = 1; ; attempts += 1) {
    const { response, items } = await attempt();
    const elapsedMs = Date.now() - start;
    const pass = passes(items);
    const final = pass ? undefined : finalReason(action, response);
    options.onProgress?.({ action, attempt: attempts, elapsedMs, withinMs, lastReason: items.find((item) => !item.pass)?.reason ?? "", pass, ...(final ? { final } : {}) });
    if (pass) return { response, attempts, items };
    if (final) return { response, attempts, items: withNote(items, `${final}, so the wait stopped ${triesText(attempts, elapsedMs)}`) };
    const waitMs = Math.min(everyMs, FIRST_RETRY_MS * 2 ** (attempts - 1), options.pollEveryMs ?? Infinity);
    if (options.signal?.aborted) return { response, attempts, items: withNote(items, `stopped ${triesText(attempts, elapsedMs)}`) };
    if (elapsedMs + waitMs > withinMs) return { response, attempts, items: withNote(items, triesText(attempts, elapsedMs)) };
    await sleep(waitMs, options.signal);
  }
};
