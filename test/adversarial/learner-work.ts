import { CreateBucketCommand, PutBucketLifecycleConfigurationCommand, type BucketLocationConstraint, type CreateBucketCommandInput, type LifecycleRule } from "@aws-sdk/client-s3";
import { json, type Lab, type Who } from "./helpers";

/** Small pieces of a learner's work that many steps share. */

export interface CreateBucketOptions {
  /** The region the request is signed for; default the lab's. */
  region?: string;
  as?: Who;
  /** The LocationConstraint sent: default the region (none in us-east-1); null sends none, so the SDK fills in the client's region. */
  constraint?: string | null;
  /** Anything else the learner put in the request (BucketNamespace, ObjectOwnership). */
  input?: Partial<CreateBucketCommandInput>;
}

/** CreateBucket as a learner sends it; the error code they would read, or undefined when it succeeded. */
export const tryCreateBucket = async (lab: Lab, bucket: string, options: CreateBucketOptions = {}): Promise<string | undefined> => {
  const region = options.region ?? lab.region;
  const constraint = options.constraint === undefined ? (region === "us-east-1" ? null : region) : options.constraint;
  try {
    await lab.s3({ region, as: options.as ?? "default" }).send(
      new CreateBucketCommand({
        Bucket: bucket,
        ...(constraint === null ? {} : { CreateBucketConfiguration: { LocationConstraint: constraint as BucketLocationConstraint } }),
        ...options.input,
      }),
    );
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};

/** The error code the AWS CLI names in "An error occurred (Code) when calling ...", as a learner reads it. */
export const cliErrorCode = (stderr: string): string => /An error occurred \(([^)]+)\)/.exec(stderr)?.[1] ?? "";

/** PutBucketLifecycleConfiguration through the SDK: the error code the learner sees, or undefined when it was accepted. */
export const tryPutLifecycle = async (lab: Lab, bucket: string, rules: LifecycleRule[]): Promise<string | undefined> => {
  try {
    await lab.s3().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: rules } }));
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};

/** aws s3api put-bucket-lifecycle-configuration with the rules written to a JSON file, as the docs show it. */
export const putLifecycleWithCli = async (lab: Lab, bucket: string, fileName: string, rules: LifecycleRule[]): Promise<string> => {
  const file = lab.file(fileName, json({ Rules: rules }));
  return lab.awsCliOk(["s3api", "put-bucket-lifecycle-configuration", "--bucket", bucket, "--lifecycle-configuration", `file://${file}`]);
};
