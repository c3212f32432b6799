import { adversarialSuite } from "./helpers";
import { replicationCasesFor } from "./cases/replication";

// The asynchronous steps of the replication lesson, with the sandbox's default replication delay
// (1–3 s), as a learner sees it: each case waits for the copies before it and for its own.
adversarialSuite("replication", "adv-async", replicationCasesFor(["watch-it-replicate", "existing-objects-stay"]));
