import type { ReplicationDelay } from "../../src/sandbox/index";

/**
 * The sandbox's replication delay for tests that wait on replication but are not about how long
 * it takes: a fraction of a second instead of the learner's 1–3 s, and still random, so a check
 * still meets PENDING before COMPLETED.
 */
export const SHORT_REPLICATION_DELAY: ReplicationDelay = [50, 200];
