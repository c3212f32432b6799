import { expect } from "vitest";
import { DeleteBucketCommand } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { stepCases, type Lab } from "../helpers";
import { cliErrorCode, tryCreateBucket } from "../learner-work";

/** global-namespace: claim a name, another account tries it, us-east-1's 200, a freed name, your own namespace. */

const claim = (lab: Lab) => lab.name("claim");
const virginia = (lab: Lab) => lab.name("virginia");
const regional = (lab: Lab, region = lab.region) => lab.name(`logs-${lab.account}-${region}-an`);


export const globalNamespaceCases = stepCases([
  // claim-a-name
  {
    step: "claim-a-name",
    kind: "wrong",
    what: "the bucket made with no LocationConstraint, so in us-east-1",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "us-east-1" })),
    answers: (lab) => ({ account: lab.account }),
    reason: /-claim is yours, in eu-west-1: BucketRegion is us-east-1, expected eu-west-1/,
  },
  {
    step: "claim-a-name",
    kind: "wrong",
    what: "the account typed as the caller's ARN",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })),
    answers: async (lab) => ({ account: (await lab.sts().send(new GetCallerIdentityCommand({}))).Arn ?? "" }),
    reason: /you answered arn:aws:iam::111122223333:root, which is not what the target answered; look again at Account in GetCallerIdentity's answer/,
  },
  {
    step: "claim-a-name",
    kind: "wrong",
    what: "the account typed as the other account's id",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })),
    answers: (lab) => ({ account: lab.otherAccount }),
    reason: /you answered 444455556666, which is not what the target answered/,
  },
  {
    step: "claim-a-name",
    kind: "right",
    what: "the account read from GetCallerIdentity, typed in quotes with spaces",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })),
    answers: async (lab) => ({ account: ` '${(await lab.sts().send(new GetCallerIdentityCommand({}))).Account}' ` }),
  },
  {
    step: "claim-a-name",
    kind: "right",
    what: "aws s3 mb --region eu-west-1, the account from aws sts get-caller-identity, checked by s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => void (await lab.awsCliOk(["s3", "mb", `s3://${claim(lab)}`, "--region", "eu-west-1"])),
    answers: async (lab) => ({ account: (JSON.parse(await lab.awsCliOk(["sts", "get-caller-identity"])) as { Account: string }).Account }),
  },

  // another-account-tries (the setup made the claim bucket as the learner)
  {
    step: "another-account-tries",
    kind: "wrong",
    what: "the code typed BucketAlreadyOwnedByYou",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "ap-northeast-1", as: "other" })),
    answers: { code: "BucketAlreadyOwnedByYou" },
    reason: /you answered BucketAlreadyOwnedByYou, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "another-account-tries",
    kind: "wrong",
    what: "the learner deleted the bucket so the second account could have it",
    work: async (lab) => {
      await lab.s3().send(new DeleteBucketCommand({ Bucket: claim(lab) }));
      await tryCreateBucket(lab, claim(lab), { region: "ap-northeast-1", as: "other" });
    },
    answers: { code: "BucketAlreadyExists" },
    reason: /-claim is still yours, in eu-west-1: failed with Forbidden \(403\)/,
  },
  {
    step: "another-account-tries",
    kind: "right",
    what: "the second account tries from us-west-2; the code typed in lower case",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, claim(lab), { region: "us-west-2", as: "other" })).toBe("BucketAlreadyExists");
    },
    answers: { code: "bucketalreadyexists" },
  },
  {
    step: "another-account-tries",
    kind: "right",
    what: "aws s3 mb as the second account, the code read from its error, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => ({ code: cliErrorCode((await lab.awsCli(["s3", "mb", `s3://${claim(lab)}`, "--region", "ap-northeast-1"], { as: "other" })).stderr) }),
  },

  // ask-again (the setup made the claim bucket)
  {
    step: "ask-again",
    kind: "wrong",
    what: "the code typed BucketAlreadyExists",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })),
    answers: { code: "BucketAlreadyExists" },
    reason: /you answered BucketAlreadyExists, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "ask-again",
    kind: "wrong",
    what: "the status 200 typed as the code (the us-east-1 quirk)",
    work: async (lab) => void (await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })),
    answers: { code: "200" },
    reason: /you answered 200, which is not what the target answered/,
  },
  {
    step: "ask-again",
    kind: "right",
    what: "the code typed with spaces around it",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })).toBe("BucketAlreadyOwnedByYou");
    },
    answers: { code: "  BucketAlreadyOwnedByYou " },
  },
  {
    step: "ask-again",
    kind: "right",
    what: "aws s3api create-bucket, the code read from its error",
    awsCli: true,
    work: async () => undefined,
    answers: async (lab) => ({
      code: cliErrorCode((await lab.awsCli(["s3api", "create-bucket", "--bucket", claim(lab), "--create-bucket-configuration", "LocationConstraint=eu-west-1"], { region: "eu-west-1" })).stderr),
    }),
  },

  // us-east-1-exception
  {
    step: "us-east-1-exception",
    kind: "wrong",
    what: "the bucket made in eu-west-1, the learner's usual region",
    work: async (lab) => void (await tryCreateBucket(lab, virginia(lab), { region: "eu-west-1" })),
    answers: { status: "409" },
    reason: /-virginia is yours, in us-east-1: BucketRegion is eu-west-1, expected us-east-1/,
  },
  {
    step: "us-east-1-exception",
    kind: "wrong",
    what: "LocationConstraint us-east-1 given, which S3 refuses, so no bucket",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, virginia(lab), { region: "us-east-1", constraint: "us-east-1" })).toBe("InvalidLocationConstraint");
    },
    answers: { status: "400" },
    reason: /-virginia is yours, in us-east-1: failed with NotFound \(404\)/,
  },
  {
    step: "us-east-1-exception",
    kind: "wrong",
    what: "the status typed 409, as in every other region",
    work: async (lab) => {
      await tryCreateBucket(lab, virginia(lab), { region: "us-east-1" });
      await tryCreateBucket(lab, virginia(lab), { region: "us-east-1" });
    },
    answers: { status: "409" },
    reason: /you answered 409, which is not what the target answered; look again at the HTTP status CreateBucket answered/,
  },
  {
    step: "us-east-1-exception",
    kind: "right",
    what: "the status typed 200 OK",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, virginia(lab), { region: "us-east-1" })).toBeUndefined();
      expect(await tryCreateBucket(lab, virginia(lab), { region: "us-east-1" })).toBeUndefined();
    },
    answers: { status: "200 OK" },
  },
  {
    step: "us-east-1-exception",
    kind: "right",
    what: "aws s3 mb --region us-east-1 twice (the second prints make_bucket too), checked by s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "mb", `s3://${virginia(lab)}`, "--region", "us-east-1"]);
      expect(await lab.awsCliOk(["s3", "mb", `s3://${virginia(lab)}`, "--region", "us-east-1"])).toContain("make_bucket");
    },
    answers: { status: "200" },
  },

  // freed-name (the setup made the claim bucket as the learner)
  {
    step: "freed-name",
    kind: "wrong",
    what: "the second account asks for the name before the learner deleted it",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, claim(lab), { region: "eu-west-1", as: "other" })).toBe("BucketAlreadyExists");
    },
    reason: /-claim now belongs to the second account: failed with Forbidden \(403\)/,
  },
  {
    step: "freed-name",
    kind: "wrong",
    what: "the learner deleted and re-created it as themselves",
    work: async (lab) => {
      await lab.s3().send(new DeleteBucketCommand({ Bucket: claim(lab) }));
      expect(await tryCreateBucket(lab, claim(lab), { region: "eu-west-1" })).toBeUndefined();
    },
    reason: /-claim now belongs to the second account: failed with Forbidden \(403\)/,
  },
  {
    step: "freed-name",
    kind: "wrong",
    what: "deleted, but the second account never created it",
    work: async (lab) => void (await lab.s3().send(new DeleteBucketCommand({ Bucket: claim(lab) }))),
    reason: /-claim now belongs to the second account: failed with NotFound \(404\)/,
  },
  {
    step: "freed-name",
    kind: "right",
    what: "the second account takes the freed name in another region, ap-northeast-1",
    work: async (lab) => {
      await lab.s3().send(new DeleteBucketCommand({ Bucket: claim(lab) }));
      expect(await tryCreateBucket(lab, claim(lab), { region: "ap-northeast-1", as: "other" })).toBeUndefined();
    },
  },
  {
    step: "freed-name",
    kind: "right",
    what: "aws s3 rb as the learner, aws s3 mb as the second account",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "rb", `s3://${claim(lab)}`], { region: "eu-west-1" });
      await lab.awsCliOk(["s3", "mb", `s3://${claim(lab)}`, "--region", "eu-west-1"], { as: "other" });
    },
  },

  // account-regional-name
  {
    step: "account-regional-name",
    kind: "wrong",
    what: "the -an name asked for without BucketNamespace, which S3 refuses",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, regional(lab), { region: lab.region })).toBe("InvalidBucketName");
    },
    reason: /-an exists in eu-west-1: failed with NotFound \(404\)/,
  },
  {
    step: "account-regional-name",
    kind: "wrong",
    what: "the name and the bucket in us-west-2 instead of the lesson's region",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, regional(lab, lab.otherRegion), { region: lab.otherRegion, input: { BucketNamespace: "account-regional" } })).toBeUndefined();
    },
    reason: /-eu-west-1-an exists in eu-west-1: failed with NotFound \(404\)/,
  },
  {
    step: "account-regional-name",
    kind: "right",
    what: "the account id read from GetCallerIdentity, the bucket with ObjectOwnership BucketOwnerEnforced as the console makes it",
    work: async (lab) => {
      const account = (await lab.sts().send(new GetCallerIdentityCommand({}))).Account;
      const name = lab.name(`logs-${account}-${lab.region}-an`);
      expect(await tryCreateBucket(lab, name, { region: lab.region, input: { BucketNamespace: "account-regional", ObjectOwnership: "BucketOwnerEnforced" } })).toBeUndefined();
    },
  },
  {
    step: "account-regional-name",
    kind: "right",
    what: "aws s3api create-bucket --bucket-namespace account-regional",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk([
        "s3api",
        "create-bucket",
        "--bucket",
        regional(lab),
        "--bucket-namespace",
        "account-regional",
        "--create-bucket-configuration",
        `LocationConstraint=${lab.region}`,
      ]);
    },
  },
]);
