import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { concurrencyCases } from "./cases/concurrency";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("concurrency", "adv-conc", concurrencyCases);
cleanupLeavesNothing(lab, () => rightPath(concurrencyCases));
