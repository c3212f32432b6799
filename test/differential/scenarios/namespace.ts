import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { freshName, locationFor, outcomeOf, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const GROUP = "The namespace across accounts";

/** Whether "me" and "other" are two accounts at all (STS GetCallerIdentity). */
const twoAccounts = async (scratch: Scratch): Promise<boolean> => {
  const [mine, theirs] = await Promise.all(
    (["me", "other"] as const).map(async (identity) => (await scratch.subject.sts(identity).send(new GetCallerIdentityCommand({}))).Account),
  );
  return mine !== undefined && theirs !== undefined && mine !== theirs;
};

/** I own a bucket; the other account asks for the same name, signed for `region`. */
const otherAccountTakes = async (scratch: Scratch, region: string): Promise<string> => {
  if (!(await twoAccounts(scratch))) return "one account only";
  const bucket = await scratch.bucket(freshName("taken"), HOME);
  const outcome = await outcomeOf(() => scratch.subject.s3("other", region).send(new CreateBucketCommand({ Bucket: bucket, ...locationFor(region) })));
  if (/^2/.test(outcome)) scratch.track(bucket, region, "other");
  return outcome;
};

export const namespaceScenarios: Scenario[] = [
  {
    id: "namespace.other-account",
    group: GROUP,
    title: "A second account creates a name you own (same region)",
    capability: "secondAccount",
    run: (scratch) => otherAccountTakes(scratch, HOME),
    expected: { aws: "409 BucketAlreadyExists", localstack: "409 BucketAlreadyExists", moto: "409 BucketAlreadyExists" },
    notes: {
      localstack: "Its error has an empty Message; AWS says the bucket namespace is shared by all users.",
      moto: "The second account is chosen with moto's x-moto-account-id header; any access key is account 123456789012.",
    },
  },
  {
    id: "namespace.other-account-elsewhere",
    group: GROUP,
    title: "A second account creates a name you own (another region)",
    capability: "secondAccount",
    run: (scratch) => otherAccountTakes(scratch, ELSEWHERE),
    expected: { aws: "409 BucketAlreadyExists", localstack: "409 BucketAlreadyExists", moto: "409 BucketAlreadyExists" },
  },
];
