import { isRecord } from "./values";

/**
 * The SDK takes policies as JSON text (S3 PutBucketPolicy `Policy`, IAM `PolicyDocument`,
 * `AssumeRolePolicyDocument`, STS `Policy`), but a policy reads far better as YAML in a lesson.
 * So these top-level fields may be written as objects; they are sent as JSON text.
 */
export const POLICY_TEXT_FIELDS: ReadonlySet<string> = new Set(["Policy", "PolicyDocument", "AssumeRolePolicyDocument"]);

/** True for a policy field written as an object, which is sent as JSON text. */
export const isPolicyObject = (key: string, value: unknown): value is Record<string, unknown> =>
  POLICY_TEXT_FIELDS.has(key) && isRecord(value);

/** The input as the SDK takes it. */
export const sdkInput = (input: Record<string, unknown> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input ?? {}).map(([key, value]) => [key, isPolicyObject(key, value) ? JSON.stringify(value) : value]));
