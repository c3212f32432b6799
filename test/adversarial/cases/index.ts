import type { StepCase } from "../helpers";
import { bucketNamingCases } from "./bucket-naming";
import { concurrencyCases } from "./concurrency";
import { costCases } from "./cost";
import { globalNamespaceCases } from "./global-namespace";
import { interviewDrillCases } from "./interview-drill";
import { multiRegionAccessPointsCases } from "./mrap";
import { regionsAndBucketsCases } from "./regions-and-buckets";
import { replicationCases } from "./replication";
import { replicationInDepthCases } from "./replication-in-depth";
import { s3BasicsCases } from "./s3-basics";
import { sameNameRegionsCases } from "./same-name-regions";
import { whatS3CostsCases } from "./what-s3-costs";
import { secureByDefaultCases } from "./secure-by-default";

/** Every lesson's table of adversarial cases, by lesson id. */
export const casesByLesson: Record<string, readonly StepCase[]> = {
  "s3-basics": s3BasicsCases,
  "regions-and-buckets": regionsAndBucketsCases,
  "bucket-naming": bucketNamingCases,
  "global-namespace": globalNamespaceCases,
  "same-name-regions": sameNameRegionsCases,
  replication: replicationCases,
  "replication-in-depth": replicationInDepthCases,
  cost: costCases,
  "what-s3-costs": whatS3CostsCases,
  "interview-drill": interviewDrillCases,
  concurrency: concurrencyCases,
  "secure-by-default": secureByDefaultCases,
  mrap: multiRegionAccessPointsCases,
};
