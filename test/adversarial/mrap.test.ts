import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { multiRegionAccessPointsCases } from "./cases/mrap";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("mrap", "adv-mrap", multiRegionAccessPointsCases);
cleanupLeavesNothing(lab, () => rightPath(multiRegionAccessPointsCases));
