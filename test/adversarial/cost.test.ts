import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { costCases } from "./cases/cost";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("cost", "adv-cost", costCases);
cleanupLeavesNothing(lab, () => rightPath(costCases));
