import {
  CreateBucketCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type BucketLocationConstraint,
  type S3Client,
} from "@aws-sdk/client-s3";
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { CreateMultiRegionAccessPointCommand, type S3ControlClient } from "@aws-sdk/client-s3-control";
import { DEFAULT_IDENTITY, type Target } from "../../../src/targets/target";
import { replicationPolicy, trustS3 } from "../../helpers/replication";

/** What a learner does to a target, through the same SDK clients a lesson step gets. */

const s3Of = async (target: Target, identity: string, region: string) => (await target.client("s3", identity, region)) as unknown as S3Client;

export const createBucket = async (target: Target, name: string, region: string, options: { identity?: string; versioned?: boolean } = {}) => {
  const s3 = await s3Of(target, options.identity ?? DEFAULT_IDENTITY, region);
  await s3.send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
  if (options.versioned) await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Enabled" } }));
};

export const putObjects = async (target: Target, bucket: string, region: string, keys: string[], identity = DEFAULT_IDENTITY) => {
  const s3 = await s3Of(target, identity, region);
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `the body of ${key}` }));
};

/** A role S3 may assume and a rule replicating everything from `source` to `destination`, as the replication lesson builds them. */
export const replicate = async (target: Target, source: { name: string; region: string }, destination: string, rule: string) => {
  const iam = (await target.client("iam", DEFAULT_IDENTITY, target.region)) as unknown as IAMClient;
  const roleName = `${source.name}-replication`.slice(0, 64);
  const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
  await iam.send(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "replication", PolicyDocument: JSON.stringify(replicationPolicy(source.name, [destination])) }),
  );
  const s3 = await s3Of(target, DEFAULT_IDENTITY, source.region);
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: source.name,
      ReplicationConfiguration: {
        Role: role.Role?.Arn ?? "",
        Rules: [
          {
            ID: rule,
            Priority: 1,
            Status: "Enabled",
            Filter: { Prefix: "" },
            DeleteMarkerReplication: { Status: "Disabled" },
            Destination: { Bucket: `arn:aws:s3:::${destination}` },
          },
        ],
      },
    }),
  );
};

export const createMrap = async (target: Target, name: string, buckets: string[]) => {
  const control = (await target.client("s3control", DEFAULT_IDENTITY, "us-west-2")) as unknown as S3ControlClient;
  await control.send(
    new CreateMultiRegionAccessPointCommand({
      AccountId: await target.account(DEFAULT_IDENTITY),
      Details: { Name: name, Regions: buckets.map((Bucket) => ({ Bucket })) },
    }),
  );
};
