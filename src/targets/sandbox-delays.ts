/**
 * The sandbox's background work, paced by one setting (--replication-delay): a replication copy
 * waits the delay (a random one within a range), and S3 Control's creation or deletion of a
 * Multi-Region Access Point — replication-like work that AWS also does in the background — takes
 * the middle of it. The default range, 1–3 s, keeps the sandbox's own 2 s for MRAPs.
 */
import type { ReplicationDelay } from "../sandbox/index";

/** A delay as a person gives it: milliseconds, or a [min, max] range. */
export type PlainReplicationDelay = number | readonly [number, number];

export interface SandboxDelays {
  replicationDelay: ReplicationDelay;
  mrapDelayMs?: number;
}

/** A delay chosen per bucket by code (tests) paces replication only. */
export const sandboxDelays = (delay: ReplicationDelay): SandboxDelays => {
  if (typeof delay === "function") return { replicationDelay: delay };
  return { replicationDelay: delay, mrapDelayMs: typeof delay === "number" ? delay : Math.round((delay[0] + delay[1]) / 2) };
};

/** "0ms", "500ms" or "1000ms-3000ms": a delay as a message says it. */
export const delayText = (delay: PlainReplicationDelay): string => (typeof delay === "number" ? `${delay}ms` : `${delay[0]}ms-${delay[1]}ms`);
