import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { secureByDefaultCases } from "./cases/secure-by-default";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("secure-by-default", "adv-secure", secureByDefaultCases);
cleanupLeavesNothing(lab, () => rightPath(secureByDefaultCases));
