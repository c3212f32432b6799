/**
 * Token buckets, one per key (a client address or a participant), so one noisy laptop or script
 * cannot crowd out the room. A bucket holds `burst` requests and refills at `perSecond`.
 */

export interface RateLimit {
  /** Requests per second, sustained. */
  perSecond: number;
  /** How many may come at once. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys kept at most; past it the fullest (idlest) buckets are forgotten, so random keys cannot grow memory. */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one request's token: 0 when allowed, else the whole seconds to wait before trying again. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    // Re-inserted so the map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.forgetOldest();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  private forgetOldest(): void {
    for (const key of this.buckets.keys()) {
      this.buckets.delete(key);
      if (this.buckets.size <= MAX_KEYS * 0.9) return;
    }
  }
}

/** The room's limits; tests pass smaller ones. */
export interface RoomLimits {
  /** Joins per client address (e.g. 20 a minute: a table sharing a NAT still gets in). */
  join: RateLimit;
  /** Event batches per participant. */
  events: RateLimit;
  /** Requests without a valid token (hello, unknown paths, wrong tokens), per client address. */
  perAddress: RateLimit;
  /** Other requests with a valid token (me, stream, state, pacing), per token. */
  perToken: RateLimit;
  /** Events in one batch. */
  maxBatchEvents: number;
  /** Bytes of an events request's body. */
  maxEventsBodyBytes: number;
  /** Bytes of any other request's body (join, pacing). */
  maxSmallBodyBytes: number;
  /** How long a request body may take to arrive. */
  bodyTimeoutMs: number;
  /** Open event streams in the room, and per participant (an older one is closed for a newer). */
  maxStreams: number;
  maxStreamsPerParticipant: number;
  /** Comment lines on open streams, so proxies and the client see the connection alive. */
  heartbeatMs: number;
}

export const DEFAULT_LIMITS: RoomLimits = {
  join: { perSecond: 20 / 60, burst: 20 },
  events: { perSecond: 50, burst: 100 },
  // A whole room on one address (a bench on loopback, a NAT) still gets through.
  perAddress: { perSecond: 100, burst: 300 },
  perToken: { perSecond: 10, burst: 30 },
  maxBatchEvents: 500,
  maxEventsBodyBytes: 256 * 1024,
  maxSmallBodyBytes: 16 * 1024,
  bodyTimeoutMs: 10_000,
  maxStreams: 1_000,
  maxStreamsPerParticipant: 2,
  heartbeatMs: 15_000,
};
