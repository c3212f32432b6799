import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { sameNameRegionsCases } from "./cases/same-name-regions";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("same-name-regions", "adv-same", sameNameRegionsCases);
cleanupLeavesNothing(lab, () => rightPath(sameNameRegionsCases));
