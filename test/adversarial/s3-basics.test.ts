import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { s3BasicsCases } from "./cases/s3-basics";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("s3-basics", "adv-basics", s3BasicsCases);
cleanupLeavesNothing(lab, () => rightPath(s3BasicsCases));
