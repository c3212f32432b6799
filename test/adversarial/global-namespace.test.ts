import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { globalNamespaceCases } from "./cases/global-namespace";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("global-namespace", "adv-names", globalNamespaceCases);
// The path ends with the claimed name in the second account, in ap-northeast-1: cleanup must still find it.
cleanupLeavesNothing(lab, () => rightPath(globalNamespaceCases));
