import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { LEARNER_ACCOUNT, REGION } from "./aws-on-sandbox";

/**
 * Buckets and roles the learner made outside s3-tutor whose names happen to start with the
 * session prefix, each with an object, tags or a policy, so a test can tell they were not touched.
 */

const credentials = { accessKeyId: LEARNER_ACCOUNT, secretAccessKey: "test" };

export interface LookAlikeBucket {
  name: string;
  region: string;
}

/** Look-alikes of names the lessons use: a bucket in the home region, one in us-east-1 (its 200 on re-create), the replication source and role. */
export const lessonLookAlikes = (prefix: string) => ({
  buckets: [
    { name: `${prefix}-claim`, region: REGION },
    { name: `${prefix}-virginia`, region: "us-east-1" },
    { name: `${prefix}-src`, region: REGION },
    { name: `${prefix}-tiers`, region: REGION },
  ],
  roles: [`${prefix}-replication`],
});

const s3In = (endpoint: string, region: string) => new S3Client({ endpoint, region, forcePathStyle: true, credentials });
const iamAt = (endpoint: string) => new IAMClient({ endpoint, region: "us-east-1", credentials });

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*" }] });

export const makeLookAlikes = async (endpoint: string, buckets: LookAlikeBucket[], roles: string[]): Promise<void> => {
  for (const bucket of buckets) {
    const s3 = s3In(endpoint, bucket.region);
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket.name,
        ...(bucket.region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: bucket.region as never } }),
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: "precious.txt", Body: `the learner's own ${bucket.name}` }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: bucket.name, Tagging: { TagSet: [{ Key: "team", Value: "payments" }] } }));
    s3.destroy();
  }
  const iam = iamAt(endpoint);
  for (const role of roles) {
    await iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust, Tags: [{ Key: "team", Value: "payments" }] }));
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "read", PolicyDocument: policy }));
  }
  iam.destroy();
};

/** What each look-alike holds now: "bucket <name>: <object body> [team=payments]", "role <name>: read [team=payments]". */
export const lookAlikeState = async (endpoint: string, buckets: LookAlikeBucket[], roles: string[]): Promise<string[]> => {
  const lines: string[] = [];
  for (const bucket of buckets) {
    const s3 = s3In(endpoint, bucket.region);
    try {
      const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: "precious.txt" }))).Body?.transformToString();
      const tags = (await s3.send(new GetBucketTaggingCommand({ Bucket: bucket.name }))).TagSet ?? [];
      lines.push(`bucket ${bucket.name}: ${body} [${tags.map((tag) => `${tag.Key}=${tag.Value}`).join(",")}]`);
    } catch (error) {
      lines.push(`bucket ${bucket.name}: ${(error as Error).name}`);
    } finally {
      s3.destroy();
    }
  }
  const iam = iamAt(endpoint);
  for (const role of roles) {
    try {
      const tags = (await iam.send(new GetRoleCommand({ RoleName: role }))).Role?.Tags ?? [];
      const policies = (await iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames ?? [];
      lines.push(`role ${role}: ${policies.join(",")} [${tags.map((tag) => `${tag.Key}=${tag.Value}`).join(",")}]`);
    } catch (error) {
      lines.push(`role ${role}: ${(error as Error).name}`);
    }
  }
  iam.destroy();
  return lines;
};

/** The state makeLookAlikes leaves, to compare lookAlikeState with. */
export const untouched = (buckets: LookAlikeBucket[], roles: string[]): string[] => [
  ...buckets.map((bucket) => `bucket ${bucket.name}: the learner's own ${bucket.name} [team=payments]`),
  ...roles.map((role) => `role ${role}: read [team=payments]`),
];
