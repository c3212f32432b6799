import {
  DeletePublicAccessBlockCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { json, stepCases, type Lab } from "../helpers";
import { cliErrorCode } from "../learner-work";

/** secure-by-default: an upload encrypted without asking, a public policy refused, reports shared with the Organization. */

const ORG = "o-a1b2c3d4e5";
const secure = (lab: Lab) => lab.name("secure");
const upload = (lab: Lab, extra: Record<string, unknown> = {}) =>
  lab.s3().send(new PutObjectCommand({ Bucket: secure(lab), Key: "reports/q1.csv", Body: "region,revenue\nemea,120\n", ...extra })).then(() => undefined);

const statement = (lab: Lab, fields: Record<string, unknown> = {}) => ({
  Sid: "Reports",
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: `arn:aws:s3:::${secure(lab)}/reports/*`,
  ...fields,
});
const policyOf = (...statements: object[]) => json({ Version: "2012-10-17", Statement: statements });
const putPolicy = (lab: Lab, policy: string) => lab.s3().send(new PutBucketPolicyCommand({ Bucket: secure(lab), Policy: policy }));
/** The error code a PutBucketPolicy answered, or undefined when it was stored. */
const tryPolicy = async (lab: Lab, policy: string): Promise<string | undefined> => {
  try {
    await putPolicy(lab, policy);
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
};
const blockAllBut = (lab: Lab, setting: string) =>
  lab.s3().send(
    new PutPublicAccessBlockCommand({
      Bucket: secure(lab),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true, [setting]: false },
    }),
  );
const publicRead = (lab: Lab) => policyOf(statement(lab));
const orgRead = (lab: Lab, fields: Record<string, unknown> = {}) =>
  policyOf(statement(lab, { Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } }, ...fields }));

export const secureByDefaultCases = stepCases([
  // encrypted-by-default (the setup made the bucket)
  {
    step: "encrypted-by-default",
    kind: "wrong",
    what: "nothing uploaded, answered from memory",
    work: async () => undefined,
    answers: { encryption: "AES256" },
    reason: /reports\/q1\.csv is stored encrypted with SSE-S3: failed with NotFound \(404\)/,
  },
  {
    step: "encrypted-by-default",
    kind: "wrong",
    what: "uploaded, then answered that it is not encrypted (the pre-2023 belief)",
    work: (lab) => upload(lab),
    answers: { encryption: "none" },
    reason: /you answered none, which is not what the target answered; look again at ServerSideEncryption/,
  },
  {
    step: "encrypted-by-default",
    kind: "wrong",
    what: "uploaded, then answered aws:kms",
    work: (lab) => upload(lab),
    answers: { encryption: "aws:kms" },
    reason: /you answered aws:kms, which is not what the target answered/,
  },
  {
    step: "encrypted-by-default",
    kind: "wrong",
    what: "uploaded under another key",
    work: async (lab) => {
      await lab.s3().send(new PutObjectCommand({ Bucket: secure(lab), Key: "q1.csv", Body: "x" }));
    },
    answers: { encryption: "AES256" },
    reason: /stored encrypted with SSE-S3: failed with NotFound/,
  },
  {
    step: "encrypted-by-default",
    kind: "right",
    what: "uploaded asking for SSE-S3 explicitly, answered in lower case",
    work: (lab) => upload(lab, { ServerSideEncryption: "AES256" }),
    answers: { encryption: "aes256" },
  },
  {
    step: "encrypted-by-default",
    kind: "right",
    what: "aws s3 cp, then aws s3api head-object, the answer read from its output",
    awsCli: true,
    work: async (lab) => {
      await lab.awsCliOk(["s3", "cp", "--no-progress", lab.file("q1.csv", "region,revenue\n"), `s3://${secure(lab)}/reports/q1.csv`]);
    },
    answers: async (lab) => {
      const head = JSON.parse(await lab.awsCliOk(["s3api", "head-object", "--bucket", secure(lab), "--key", "reports/q1.csv"])) as { ServerSideEncryption: string };
      return { encryption: head.ServerSideEncryption };
    },
  },

  // public-is-refused (the setup made the bucket, with no policy)
  {
    step: "public-is-refused",
    kind: "wrong",
    what: "Block Public Access deleted so the public policy goes in",
    work: async (lab) => {
      await lab.s3().send(new DeletePublicAccessBlockCommand({ Bucket: secure(lab) }));
      expect(await tryPolicy(lab, publicRead(lab))).toBeUndefined();
    },
    answers: { code: "AccessDenied" },
    reason: /Block Public Access is still fully on for .*: failed with NoSuchPublicAccessBlockConfiguration \(404\)/,
  },
  {
    step: "public-is-refused",
    kind: "wrong",
    what: "only BlockPublicPolicy switched off, the policy put, the setting switched back on",
    work: async (lab) => {
      await blockAllBut(lab, "BlockPublicPolicy");
      expect(await tryPolicy(lab, publicRead(lab))).toBeUndefined();
      await blockAllBut(lab, "none");
    },
    answers: { code: "AccessDenied" },
    reason: /no policy was stored on .*: succeeded \(200\), expected it to fail with NoSuchBucketPolicy \(404\)/,
  },
  {
    step: "public-is-refused",
    kind: "wrong",
    what: "tried, then typed the status 403 as the code",
    work: async (lab) => {
      expect(await tryPolicy(lab, publicRead(lab))).toBe("AccessDenied");
    },
    answers: { code: "403" },
    reason: /you answered 403, which is not what the target answered; look again at the error code PutBucketPolicy answered/,
  },
  {
    step: "public-is-refused",
    kind: "wrong",
    what: "tried, then typed MalformedPolicy",
    work: async (lab) => {
      expect(await tryPolicy(lab, publicRead(lab))).toBe("AccessDenied");
    },
    answers: { code: "MalformedPolicy" },
    reason: /you answered MalformedPolicy, which is not what the target answered/,
  },
  {
    step: "public-is-refused",
    kind: "right",
    what: 'tried with Principal {"AWS": "*"} on the whole bucket, the code typed in quotes',
    work: async (lab) => {
      expect(await tryPolicy(lab, policyOf(statement(lab, { Principal: { AWS: "*" }, Resource: `arn:aws:s3:::${secure(lab)}/*` })))).toBe("AccessDenied");
    },
    answers: { code: '"AccessDenied"' },
  },
  {
    step: "public-is-refused",
    kind: "right",
    what: "aws s3api put-bucket-policy from a file, the code read from its error",
    awsCli: true,
    work: async () => undefined,
    answers: async (lab) => {
      const file = lab.file("public.json", publicRead(lab));
      return { code: cliErrorCode((await lab.awsCli(["s3api", "put-bucket-policy", "--bucket", secure(lab), "--policy", `file://${file}`])).stderr) };
    },
  },

  // share-with-org (the setup made the bucket)
  {
    step: "share-with-org",
    kind: "wrong",
    what: "no policy put",
    work: async () => undefined,
    reason: /what the bucket policy lets each request do: failed with NoSuchBucketPolicy \(404\)/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: 'Block Public Access deleted and Principal "*" with no condition',
    work: async (lab) => {
      await lab.s3().send(new DeletePublicAccessBlockCommand({ Bucket: secure(lab) }));
      expect(await tryPolicy(lab, publicRead(lab))).toBeUndefined();
    },
    reason: /Block Public Access is still fully on/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: "BlockPublicPolicy switched off for the public policy, then back on",
    work: async (lab) => {
      await blockAllBut(lab, "BlockPublicPolicy");
      expect(await tryPolicy(lab, publicRead(lab))).toBeUndefined();
      await blockAllBut(lab, "none");
    },
    reason: /an anonymous request from the internet may s3:GetObject: the policy allows it \(statement "Reports"\), and Principal "\*" with no Condition lets anyone in/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: "the Organization's accounts given s3:* instead of reads",
    work: async (lab) => {
      expect(await tryPolicy(lab, orgRead(lab, { Action: "s3:*" }))).toBeUndefined();
    },
    reason: /an account of the Organization may s3:PutObject: the policy allows it/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: "a typo in the Organization ID",
    work: async (lab) => {
      expect(await tryPolicy(lab, orgRead(lab, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e6" } } }))).toBeUndefined();
    },
    reason: /an account of the Organization may not s3:GetObject: the Condition of the statement that allows s3:GetObject does not hold for this request/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: "one partner account named instead of the Organization",
    work: async (lab) => {
      expect(await tryPolicy(lab, policyOf(statement(lab, { Principal: { AWS: "arn:aws:iam::210987654321:root" } })))).toBeUndefined();
    },
    reason: /the same account once it has left for another Organization may s3:GetObject: the policy allows it/,
  },
  {
    step: "share-with-org",
    kind: "wrong",
    what: "the Organization given reads on another prefix",
    work: async (lab) => {
      expect(await tryPolicy(lab, orgRead(lab, { Resource: `arn:aws:s3:::${secure(lab)}/public/*` }))).toBeUndefined();
    },
    reason: /no statement that allows s3:GetObject covers arn:aws:s3:::.*\/reports\/q1\.csv/,
  },
  {
    step: "share-with-org",
    kind: "right",
    what: 'Principal {"AWS": "*"}, the Organization in a list, reads of every object and their versions',
    work: async (lab) => {
      const policy = orgRead(lab, {
        Principal: { AWS: "*" },
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: `arn:aws:s3:::${secure(lab)}/*`,
        Condition: { StringEquals: { "aws:PrincipalOrgID": [ORG] } },
      });
      expect(await tryPolicy(lab, policy)).toBeUndefined();
    },
  },
  {
    step: "share-with-org",
    kind: "right",
    what: "two statements, listing reports/ for the Organization as well as reading it",
    work: async (lab) => {
      const list = {
        Sid: "OrgLists",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:ListBucket",
        Resource: `arn:aws:s3:::${secure(lab)}`,
        Condition: { StringEquals: { "aws:PrincipalOrgID": ORG, "s3:prefix": "reports/" } },
      };
      const read = statement(lab, { Sid: "OrgReads", Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } } });
      expect(await tryPolicy(lab, policyOf(list, read))).toBeUndefined();
    },
  },
  {
    step: "share-with-org",
    kind: "right",
    what: "aws s3api put-bucket-policy from a file",
    awsCli: true,
    work: async (lab) => {
      const file = lab.file("org.json", orgRead(lab));
      await lab.awsCliOk(["s3api", "put-bucket-policy", "--bucket", secure(lab), "--policy", `file://${file}`]);
    },
  },
]);
