import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { replicationInDepthCases } from "./cases/replication-in-depth";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("replication-in-depth", "adv-repd", replicationInDepthCases);
cleanupLeavesNothing(lab, () => rightPath(replicationInDepthCases));
