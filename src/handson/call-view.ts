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
  /** Whose credentials: "default" (the learner), "other"... Names the client when a program needs several. */
  identity?: string;
  /** What the call shows, in words: a comment above it. */
  label?: string;
  /** Shown as a comment: "Expected to fail with BucketAlreadyExists (409)". */
  expectedError?: { code: string; status?: number };
  /** Values later calls use as {{name}}: {name: path in this call's output}. */
  save?: Record<string, string>;
}

/** "Expected to fail with BucketAlreadyExists (409)": the comment both code views put above such a call. */
export const expectedFailure = ({ code, status }: { code: string; status?: number }): string =>
  `Expected to fail with ${code}${status === undefined ? "" : ` (${status})`}`;

/** Text for a one-line comment: line breaks would end the comment and leave the rest as code. */
export const commentText = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
