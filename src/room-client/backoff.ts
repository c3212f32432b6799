/** Waits that double after each failure, from `minMs` up to `maxMs`, and start over after a success. */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly minMs = 1000,
    private readonly maxMs = 30_000,
  ) {}

  /** The wait before the next try, after one more failure. */
  next(): number {
    const delay = Math.min(this.maxMs, this.minMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}

/** A wait that ends early when `signal` aborts. */
export const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
