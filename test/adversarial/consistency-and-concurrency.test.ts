import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { consistencyAndConcurrencyCases } from "./cases/consistency-and-concurrency";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("consistency-and-concurrency", "adv-conc", consistencyAndConcurrencyCases);
cleanupLeavesNothing(lab, () => rightPath(consistencyAndConcurrencyCases));
