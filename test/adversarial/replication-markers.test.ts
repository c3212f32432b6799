import { adversarialSuite } from "./helpers";
import { replicationCasesFor } from "./cases/replication";

// Delete markers stay home, with the sandbox's default replication delay (1–3 s).
adversarialSuite("replication", "adv-markers", replicationCasesFor(["delete-markers-stay"]));
