/** Durations as lessons write them ("500ms", "30s", "2m") and an abortable wait. */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

export const DEFAULT_POLL_EVERY = "1s";

export const parseDuration = (text: string): number => {
  const match = /^(\d+)(ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration such as "500ms", "30s" or "2m"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
};

/** Waits, or stops early when the signal aborts (the learner left the step). */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
