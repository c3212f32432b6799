import { GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type TransitionStorageClass } from "@aws-sdk/client-s3";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const GROUP = "Lifecycle rules";

/** PutBucketLifecycleConfiguration with one rule moving objects to `storageClass` after `days`. */
const transitionAfter = async (scratch: Scratch, days: number, storageClass: TransitionStorageClass): Promise<string> => {
  const bucket = await scratch.bucket(freshName("life"), HOME);
  return outcomeOf(() =>
    scratch.subject.s3("me", HOME).send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        LifecycleConfiguration: { Rules: [{ ID: "tier", Filter: { Prefix: "" }, Status: "Enabled", Transitions: [{ Days: days, StorageClass: storageClass }] }] },
      }),
    ),
  );
};

export const lifecycleScenarios: Scenario[] = [
  {
    id: "lifecycle.ia-too-soon",
    group: GROUP,
    title: "Transition to STANDARD_IA after 29 days (the minimum is 30)",
    capability: "lifecycleRules",
    run: (scratch) => transitionAfter(scratch, 29, "STANDARD_IA"),
    expected: { aws: "400 InvalidArgument", localstack: "200", moto: "200" },
  },
  {
    id: "lifecycle.ia-allowed",
    group: GROUP,
    title: "Transition to STANDARD_IA after 30 days",
    run: (scratch) => transitionAfter(scratch, 30, "STANDARD_IA"),
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
  {
    id: "lifecycle.none",
    group: GROUP,
    title: "GetBucketLifecycleConfiguration on a bucket without any",
    run: async (scratch) => {
      const bucket = await scratch.bucket(freshName("life"), HOME);
      return outcomeOf(() => scratch.subject.s3("me", HOME).send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })));
    },
    expected: { aws: "404 NoSuchLifecycleConfiguration", localstack: "404 NoSuchLifecycleConfiguration", moto: "404 NoSuchLifecycleConfiguration" },
  },
];
