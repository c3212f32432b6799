import { afterAll } from "vitest";
import { adversarialSuite } from "./helpers";
import { failedVerdictTimes, replicationCasesFor } from "./cases/replication";

// The role that cannot replicate: its object ends FAILED, and the check says so within the
// replication delay and one poll. A shorter delay than the default (1–3 s) keeps the file quick:
// every case first replays the lesson's two earlier replications.
adversarialSuite("replication", "adv-failed", replicationCasesFor(["a-role-that-cannot"]), { replicationDelay: [500, 1000] });
afterAll(() => {
  const lines = failedVerdictTimes.map((time) => `  ${time.ms} ms (bound ${time.boundMs} ms): ${time.what}`);
  console.log(["[adversarial] FAILED verdicts, from the put to the check's verdict:", ...lines].join("\n"));
});
