import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { bucketNamingCases } from "./cases/bucket-naming";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("bucket-naming", "adv-naming", bucketNamingCases);
cleanupLeavesNothing(lab, () => rightPath(bucketNamingCases));
