import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { interviewDrillCases } from "./cases/interview-drill";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("interview-drill", "adv-drill", interviewDrillCases);
cleanupLeavesNothing(lab, () => rightPath(interviewDrillCases));
