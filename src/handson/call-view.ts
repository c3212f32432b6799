import type { ServiceName } from "../targets/target";

/** One templated call, as the code views (TypeScript SDK and AWS CLI) render it. */
export interface CallView {
  service: ServiceName;
  operation: string;
  input: Record<string, unknown> | undefined;
  region: string;
  /** The emulator's URL; undefined for real AWS. */
  endpoint: string | undefined;
  /** Another identity's keys or profile, from the target's CLI environment (NAME=value). */
  environment: Record<string, string>;
  /** The S3 client is built to follow S3's 301 to the bucket's region. */
  followRegionRedirects?: boolean;
  /** Shown as a comment: "Expected to fail with BucketAlreadyExists (409)". */
  expectedError?: { code: string; status?: number };
}
