import { adversarialSuite, cleanupLeavesNothing, rightPath } from "./helpers";
import { replicationCases, replicationCasesFor } from "./cases/replication";

// The configuration steps; replication-async and replication-failed test the rest of the lesson.
const lab = adversarialSuite("replication", "adv-repl", replicationCasesFor(["two-versioned-buckets", "the-role", "the-rule"]));

// The whole lesson done other ways: a role with two inline policies of other names, a V1 rule,
// a broken role with two policies of its own. Cleanup must remove the roles, their policies and
// both buckets (with their versions, markers and replicas): ListBuckets and ListRoles show none.
cleanupLeavesNothing(lab, () =>
  rightPath(replicationCases, [
    "two inline policies, one for the source and one for the destination",
    'a V1 rule: Prefix "" and no Filter, Priority or DeleteMarkerReplication',
    "s3:* allowed everywhere, then an explicit Deny of s3:ReplicateObject on the destination",
  ]),
);
