import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  type ReplicationRule,
  type S3Client,
} from "@aws-sdk/client-s3";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { uniqueBucket, type SandboxClients } from "./sandbox";

/** Trust and permissions policies as the S3 user guide shows them for replication. */
export const trustS3 = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

export const replicationPolicy = (source: string, destinations: string[]) => ({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: `arn:aws:s3:::${source}` },
    {
      Effect: "Allow",
      Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
      Resource: `arn:aws:s3:::${source}/*`,
    },
    {
      Effect: "Allow",
      Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
      Resource: destinations.map((destination) => `arn:aws:s3:::${destination}/*`),
    },
  ],
});

export const createVersionedBucket = async (s3: S3Client, bucket: string, region: string, versioning: "Enabled" | "Suspended" = "Enabled") => {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
    }),
  );
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: versioning } }));
};

export const createRole = async (
  clients: SandboxClients,
  account: string,
  name: string,
  trust: object = trustS3,
  policy?: object,
): Promise<string> => {
  const iam = clients.iam({ accessKeyId: account });
  const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  if (policy) {
    await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "replication", PolicyDocument: JSON.stringify(policy) }));
  }
  return created.Role?.Arn ?? "";
};

/** A versioned source in us-east-1, a versioned destination in eu-west-1, and a role (without policies) in `account`. */
export const versionedPair = async (clients: SandboxClients, account: string) => {
  const source = uniqueBucket("src");
  const destination = uniqueBucket("dst");
  await createVersionedBucket(clients.s3({ accessKeyId: account, region: "us-east-1" }), source, "us-east-1");
  await createVersionedBucket(clients.s3({ accessKeyId: account, region: "eu-west-1" }), destination, "eu-west-1");
  const role = await createRole(clients, account, `role-${source}`.slice(0, 64));
  return { source, destination, role };
};

export const putReplication = (s3: S3Client, bucket: string, role: string, rules: ReplicationRule[]) =>
  s3.send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: { Role: role, Rules: rules } }));

/** A V2 rule replicating everything (or a prefix) to one destination. */
export const ruleTo = (destination: string, extra: Partial<ReplicationRule> = {}): ReplicationRule => ({
  ID: `to-${destination}`,
  Priority: 1,
  Status: "Enabled",
  Filter: { Prefix: "" },
  DeleteMarkerReplication: { Status: "Disabled" },
  Destination: { Bucket: `arn:aws:s3:::${destination}` },
  ...extra,
});

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export const until = async <T>(what: string, check: () => Promise<T | undefined>, ms = 5000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** The source object's ReplicationStatus once it is no longer PENDING. */
export const finalStatus = (s3: S3Client, bucket: string, key: string, versionId?: string) =>
  until(`the replication status of ${bucket}/${key}`, async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
    return head.ReplicationStatus === "PENDING" ? undefined : head.ReplicationStatus;
  });
