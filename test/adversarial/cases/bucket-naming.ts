import { expect } from "vitest";
import { PutBucketAccelerateConfigurationCommand } from "@aws-sdk/client-s3";
import { stepCases, type Lab } from "../helpers";
import { cliErrorCode, tryCreateBucket } from "../learner-work";

/** bucket-naming: names S3 refuses, reserved prefixes and suffixes, a dotted bucket and acceleration. */

const refusedNames = (lab: Lab) => [lab.name("My-Bucket"), "192.168.5.4", `${lab.prefix}..data`];
const tryRefusedNames = async (lab: Lab) => {
  for (const name of refusedNames(lab)) expect(await tryCreateBucket(lab, name)).toBe("InvalidBucketName");
};
const dotted = (lab: Lab) => `${lab.prefix}.dotted.example`;
const tryAccelerate = (lab: Lab) =>
  lab
    .s3()
    .send(new PutBucketAccelerateConfigurationCommand({ Bucket: dotted(lab), AccelerateConfiguration: { Status: "Enabled" } }))
    .then(() => undefined, () => undefined);

export const bucketNamingCases = stepCases([
  // names-s3-refuses
  {
    step: "names-s3-refuses",
    kind: "wrong",
    what: "the code typed as the SDK's class name, InvalidBucketNameException",
    work: tryRefusedNames,
    answers: { code: "InvalidBucketNameException", status: "400" },
    reason: /you answered InvalidBucketNameException, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "names-s3-refuses",
    kind: "wrong",
    what: "the status typed 403, as if S3 refused access",
    work: tryRefusedNames,
    answers: { code: "InvalidBucketName", status: "403" },
    reason: /you answered 403, which is not what the target answered; look again at the HTTP status CreateBucket answered/,
  },
  {
    step: "names-s3-refuses",
    kind: "right",
    what: 'answers typed with quotes and words: "InvalidBucketName", 400 Bad Request',
    work: tryRefusedNames,
    answers: { code: '"InvalidBucketName"', status: "400 Bad Request" },
  },
  {
    step: "names-s3-refuses",
    kind: "right",
    what: "aws s3 mb tried for each name, the code read from the CLI's error, given to s3-tutor check",
    awsCli: true,
    viaCommand: true,
    work: async () => undefined,
    answers: async (lab) => {
      const codes = [];
      for (const name of refusedNames(lab)) {
        const run = await lab.awsCli(["s3", "mb", `s3://${name}`, "--region", lab.region]);
        expect(run.code).not.toBe(0);
        codes.push(cliErrorCode(run.stderr));
      }
      expect(new Set(codes).size).toBe(1);
      return { code: codes[0] ?? "", status: "400" };
    },
  },

  // reserved-names
  {
    step: "reserved-names",
    kind: "wrong",
    what: "the code typed InvalidBucketNameException",
    work: async (lab) => {
      await tryCreateBucket(lab, `xn--${lab.prefix}`);
      await tryCreateBucket(lab, lab.name("s3alias"));
    },
    answers: { code: "InvalidBucketNameException" },
    reason: /you answered InvalidBucketNameException, which is not what the target answered; look again at the error code CreateBucket answered/,
  },
  {
    step: "reserved-names",
    kind: "wrong",
    what: "the code typed BucketAlreadyExists, guessing the name was taken",
    work: async (lab) => {
      await tryCreateBucket(lab, `xn--${lab.prefix}`);
    },
    answers: { code: "BucketAlreadyExists" },
    reason: /you answered BucketAlreadyExists, which is not what the target answered/,
  },
  {
    step: "reserved-names",
    kind: "right",
    what: "the code typed in lower case",
    work: async (lab) => {
      await tryCreateBucket(lab, `xn--${lab.prefix}`);
      await tryCreateBucket(lab, lab.name("s3alias"));
    },
    answers: { code: "invalidbucketname" },
  },
  {
    step: "reserved-names",
    kind: "right",
    what: "aws s3api create-bucket tried, the code read from its error",
    awsCli: true,
    work: async () => undefined,
    answers: async (lab) => {
      const run = await lab.awsCli(["s3api", "create-bucket", "--bucket", `xn--${lab.prefix}`, "--create-bucket-configuration", `LocationConstraint=${lab.region}`]);
      return { code: cliErrorCode(run.stderr) };
    },
  },

  // dotted-bucket
  {
    step: "dotted-bucket",
    kind: "wrong",
    what: "the dotted bucket made in us-west-2",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, dotted(lab), { region: lab.otherRegion })).toBeUndefined();
    },
    answers: { code: "InvalidRequest" },
    reason: /\.dotted\.example exists in eu-west-1: BucketRegion is us-west-2, expected eu-west-1/,
  },
  {
    step: "dotted-bucket",
    kind: "wrong",
    what: "the name written with hyphens instead of periods",
    work: async (lab) => {
      expect(await tryCreateBucket(lab, lab.name("dotted-example"))).toBeUndefined();
    },
    answers: { code: "InvalidRequest" },
    reason: /\.dotted\.example exists in eu-west-1: failed with NotFound \(404\)/,
  },
  {
    step: "dotted-bucket",
    kind: "wrong",
    what: "the code typed InvalidBucketName, as for a bad name",
    work: async (lab) => {
      await tryCreateBucket(lab, dotted(lab));
      await tryAccelerate(lab);
    },
    answers: { code: "InvalidBucketName" },
    reason: /you answered InvalidBucketName, which is not what the target answered; look again at the error code PutBucketAccelerateConfiguration answered/,
  },
  {
    step: "dotted-bucket",
    kind: "right",
    what: 'the code typed with quotes, "InvalidRequest", checked by s3-tutor check',
    viaCommand: true,
    work: async (lab) => {
      expect(await tryCreateBucket(lab, dotted(lab))).toBeUndefined();
      await tryAccelerate(lab);
    },
    answers: { code: '"InvalidRequest"' },
  },
  {
    step: "dotted-bucket",
    kind: "right",
    what: "aws s3 mb, then aws s3api put-bucket-accelerate-configuration, the code read from its error",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "mb", `s3://${dotted(lab)}`, "--region", lab.region]);
    },
    answers: async (lab) => {
      const run = await lab.awsCli(["s3api", "put-bucket-accelerate-configuration", "--bucket", dotted(lab), "--accelerate-configuration", "Status=Enabled"]);
      return { code: cliErrorCode(run.stderr) };
    },
  },
]);
