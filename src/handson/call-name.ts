import { callProblem, parseCall as readCall } from "../content/calls";
import type { ServiceName } from "../targets/target";

/** `service:Operation`, for the services a lesson may call (DESIGN.md: S3, IAM and STS only). */

export interface CallName {
  service: ServiceName;
  operation: string;
}

/** "s3:CreateBucket" → {service: "s3", operation: "CreateBucket"}; throws, in validate's words, on anything else. */
export const parseCall = (call: string): CallName => {
  const problem = callProblem(call);
  const parsed = readCall(call);
  if (problem || !parsed) throw new Error(problem ?? `"${call}" is not service:Operation, such as "s3:CreateBucket"`);
  return { service: parsed.service as ServiceName, operation: parsed.operation };
};
