import type { PhaseResult } from "../../handson/results";
import { DEFAULT_IDENTITY } from "../../targets/target";

/**
 * Bucket names the learner asked for and another account holds (CreateBucket answered
 * BucketAlreadyExists), as a step's run found them: no reader can list another account's buckets,
 * so the world panel learns these names from what the learner tried.
 */
export const takenNamesIn = (results: readonly PhaseResult[]): string[] =>
  results.flatMap((phase) =>
    phase.actions
      .filter((action) => action.identity === DEFAULT_IDENTITY && action.operation === "CreateBucket" && action.error?.code === "BucketAlreadyExists")
      .map((action) => action.action.input?.["Bucket"])
      .filter((bucket): bucket is string => typeof bucket === "string"),
  );
