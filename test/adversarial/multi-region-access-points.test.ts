import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { multiRegionAccessPointsCases } from "./cases/multi-region-access-points";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("multi-region-access-points", "adv-mrap", multiRegionAccessPointsCases);
cleanupLeavesNothing(lab, () => rightPath(multiRegionAccessPointsCases));
