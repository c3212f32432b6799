import type { Action } from "../content/schema/lesson";
import type { CallResponse } from "./dispatch";
import { DEFAULT_POLL_EVERY, parseDuration, sleep } from "./durations";
import type { CheckItem, PollProgress } from "./results";

export interface Attempt {
  response: CallResponse;
  items: CheckItem[];
  attempts: number;
}

export interface PollOptions {
  onProgress?: (progress: PollProgress) => void;
  signal?: AbortSignal;
}

const passes = (items: CheckItem[]) => items.every((item) => item.pass);

/** The first retry comes this soon; each wait doubles up to `every`, so quick effects are seen quickly. */
const FIRST_RETRY_MS = 250;

/**
 * Makes the call once, or — with `eventually` — again, at most `every` apart, until its checklist passes,
 * `within` runs out or the signal aborts, reporting progress after each attempt. Reasons that
 * still fail say how long it tried, so "PENDING after 60s" reads differently from "PENDING".
 */
export const callUntilItPasses = async (
  action: Action,
  attempt: () => Promise<{ response: CallResponse; items: CheckItem[] }>,
  options: PollOptions,
): Promise<Attempt> => {
  const start = Date.now();
  if (!action.eventually) return { ...(await attempt()), attempts: 1 };
  const withinMs = parseDuration(action.eventually.within);
  const everyMs = parseDuration(action.eventually.every ?? DEFAULT_POLL_EVERY);
  for (let attempts = 1; ; attempts += 1) {
    const { response, items } = await attempt();
    const elapsedMs = Date.now() - start;
    const pass = passes(items);
    options.onProgress?.({ action, attempt: attempts, elapsedMs, withinMs, lastReason: items.find((item) => !item.pass)?.reason ?? "", pass });
    const waitMs = Math.min(everyMs, FIRST_RETRY_MS * 2 ** (attempts - 1));
    if (pass || options.signal?.aborted || elapsedMs + waitMs > withinMs) {
      const tries = `after ${attempts} ${attempts === 1 ? "try" : "tries"} in ${(elapsedMs / 1000).toFixed(1)}s`;
      return { response, attempts, items: pass ? items : items.map((item) => (item.pass ? item : { ...item, reason: `${item.reason} (${tries})` })) };
    }
    await sleep(waitMs, options.signal);
  }
};
