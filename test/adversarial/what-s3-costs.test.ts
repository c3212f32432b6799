import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { whatS3CostsCases } from "./cases/what-s3-costs";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("what-s3-costs", "adv-costs", whatS3CostsCases);
cleanupLeavesNothing(lab, () => rightPath(whatS3CostsCases));
