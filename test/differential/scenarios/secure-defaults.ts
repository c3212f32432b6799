import {
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type ObjectCannedACL,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { failureOf, freshName, outcomeOf, type Scratch } from "../scenario-kit";
import { HOME, type Scenario } from "../scenario";

const GROUP = "Secure defaults";

/** A call's status and one value of its answer ("200 AES256", "200 none"), or its failure. */
const answered = async <T extends { $metadata?: { httpStatusCode?: number } }>(work: () => Promise<T>, pick: (output: T) => unknown): Promise<string> => {
  try {
    const output = await work();
    const value = pick(output);
    return `${output.$metadata?.httpStatusCode ?? "ok"} ${value === undefined || value === "" ? "none" : String(value)}`;
  } catch (error) {
    return failureOf(error);
  }
};

const newBucket = (scratch: Scratch) => scratch.bucket(freshName("sec"), HOME);
const s3 = (scratch: Scratch) => scratch.subject.s3("me", HOME);

/** A new bucket holding a.txt, put with no encryption asked for. */
const bucketWithObject = async (scratch: Scratch): Promise<string> => {
  const bucket = await newBucket(scratch);
  await s3(scratch).send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a" }));
  return bucket;
};

const putPolicy = async (scratch: Scratch, condition?: Record<string, unknown>) => {
  const bucket = await newBucket(scratch);
  const statement = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*`, ...(condition ? { Condition: condition } : {}) };
  return outcomeOf(() => s3(scratch).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) })));
};

const putWithAcl = async (scratch: Scratch, acl: ObjectCannedACL) => {
  const bucket = await newBucket(scratch);
  return outcomeOf(() => s3(scratch).send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a", ACL: acl })));
};

const encryptionRule = (output: { ServerSideEncryptionConfiguration?: { Rules?: { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string } }[] } }) =>
  output.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;

export const secureDefaultScenarios: Scenario[] = [
  {
    id: "secure.put-object-encrypted",
    group: GROUP,
    title: "PutObject with no encryption asked for: x-amz-server-side-encryption",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      return answered(() => s3(scratch).send(new PutObjectCommand({ Bucket: bucket, Key: "a.txt", Body: "a" })), (output) => output.ServerSideEncryption);
    },
    expected: { aws: "200 AES256", localstack: "200 AES256", moto: "200 none" },
  },
  {
    id: "secure.head-object-encrypted",
    group: GROUP,
    title: "HeadObject of that object: x-amz-server-side-encryption",
    run: async (scratch) => {
      const bucket = await bucketWithObject(scratch);
      return answered(() => s3(scratch).send(new HeadObjectCommand({ Bucket: bucket, Key: "a.txt" })), (output) => output.ServerSideEncryption);
    },
    expected: { aws: "200 AES256", localstack: "200 AES256", moto: "200 none" },
  },
  {
    id: "secure.bucket-encryption-default",
    group: GROUP,
    title: "GetBucketEncryption on a new bucket: the default rule's SSEAlgorithm",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      return answered(() => s3(scratch).send(new GetBucketEncryptionCommand({ Bucket: bucket })), encryptionRule);
    },
    expected: { aws: "200 AES256", localstack: "200 AES256", moto: "404 ServerSideEncryptionConfigurationNotFoundError" },
  },
  {
    id: "secure.bucket-encryption-deleted",
    group: GROUP,
    title: "GetBucketEncryption after DeleteBucketEncryption (AWS: back to SSE-S3)",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      await s3(scratch).send(new DeleteBucketEncryptionCommand({ Bucket: bucket }));
      return answered(() => s3(scratch).send(new GetBucketEncryptionCommand({ Bucket: bucket })), encryptionRule);
    },
    expected: { aws: "200 AES256", localstack: "200 none", moto: "404 ServerSideEncryptionConfigurationNotFoundError" },
    notes: { localstack: "LocalStack answers 200 with an empty configuration: no rule at all, where AWS shows the SSE-S3 rule again." },
  },
  {
    id: "secure.public-access-block-default",
    group: GROUP,
    title: "GetPublicAccessBlock on a new bucket: how many of the four settings are on",
    capability: "blockPublicAccess",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      return answered(
        () => s3(scratch).send(new GetPublicAccessBlockCommand({ Bucket: bucket })),
        (output) => `${Object.values(output.PublicAccessBlockConfiguration ?? {}).filter((on) => on === true).length} of 4 on`,
      );
    },
    expected: { aws: "200 4 of 4 on", localstack: "200 4 of 4 on", moto: "404 NoSuchPublicAccessBlockConfiguration" },
  },
  {
    id: "secure.public-policy-refused",
    group: GROUP,
    title: 'PutBucketPolicy allowing Principal "*" with no condition, on a new bucket',
    capability: "blockPublicAccess",
    run: (scratch) => putPolicy(scratch),
    expected: { aws: "403 AccessDenied", localstack: "204", moto: "200" },
    notes: { localstack: "LocalStack reports Block Public Access on but does not enforce it: the public policy is stored." },
  },
  {
    id: "secure.org-policy-accepted",
    group: GROUP,
    title: 'PutBucketPolicy allowing Principal "*" only with aws:PrincipalOrgID',
    run: (scratch) => putPolicy(scratch, { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
    expected: { aws: "204", localstack: "204", moto: "200" },
  },
  {
    id: "secure.ownership-default",
    group: GROUP,
    title: "GetBucketOwnershipControls on a new bucket",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      return answered(
        () => s3(scratch).send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })),
        (output) => output.OwnershipControls?.Rules?.[0]?.ObjectOwnership,
      );
    },
    expected: { aws: "200 BucketOwnerEnforced", localstack: "200 BucketOwnerEnforced", moto: "404 OwnershipControlsNotFoundError" },
  },
  {
    id: "secure.bucket-acl-refused",
    group: GROUP,
    title: "PutBucketAcl public-read on a new bucket (ACLs disabled)",
    run: async (scratch) => {
      const bucket = await newBucket(scratch);
      return outcomeOf(() => s3(scratch).send(new PutBucketAclCommand({ Bucket: bucket, ACL: "public-read" })));
    },
    expected: { aws: "400 AccessControlListNotSupported", localstack: "200", moto: "200" },
  },
  {
    id: "secure.object-acl-refused",
    group: GROUP,
    title: "PutObject with the public-read ACL into a new bucket",
    run: (scratch) => putWithAcl(scratch, "public-read"),
    expected: { aws: "400 AccessControlListNotSupported", localstack: "200", moto: "200" },
  },
  {
    id: "secure.owner-full-control-accepted",
    group: GROUP,
    title: "PutObject with the bucket-owner-full-control ACL into a new bucket",
    run: (scratch) => putWithAcl(scratch, "bucket-owner-full-control"),
    expected: { aws: "200", localstack: "200", moto: "200" },
  },
  {
    id: "secure.presigned-expired",
    group: GROUP,
    title: "A presigned GET used after its X-Amz-Expires",
    run: async (scratch) => {
      const bucket = await bucketWithObject(scratch);
      const url = await getSignedUrl(s3(scratch), new GetObjectCommand({ Bucket: bucket, Key: "a.txt" }), {
        expiresIn: 1,
        signingDate: new Date(Date.now() - 60_000),
      });
      const response = await fetch(url);
      const code = /<Code>([^<]*)<\/Code>/.exec(await response.text())?.[1];
      return `${response.status}${code ? ` ${code}` : ""}`;
    },
    expected: { aws: "403 AccessDenied", localstack: "200", moto: "200" },
    notes: { localstack: "LocalStack does not check presigned URLs' signatures or expiry unless told to (S3_SKIP_SIGNATURE_VALIDATION=0)." },
  },
];
