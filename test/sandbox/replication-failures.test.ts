import { DeleteBucketCommand, HeadObjectCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import type { ReplicationEvent } from "../../src/sandbox/index";
import { createRole, createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo, trustS3 } from "../helpers/replication";
import { ACCOUNT_A, ACCOUNT_B, failureOf, uniqueBucket, useSandbox } from "../helpers/sandbox";

// Replication FAILS, and is never retried, when the role or the destination does not allow it.
const events: ReplicationEvent[] = [];
const { clients } = useSandbox({ replicationDelay: 30, onReplication: (event) => events.push(event) });
const east = (account = ACCOUNT_A) => clients().s3({ accessKeyId: account, region: "us-east-1" });
const west = (account = ACCOUNT_A) => clients().s3({ accessKeyId: account, region: "eu-west-1" });

const buckets = async (destinationAccount = ACCOUNT_A) => {
  const source = uniqueBucket("src");
  const destination = uniqueBucket("dst");
  await createVersionedBucket(east(), source, "us-east-1");
  await createVersionedBucket(west(destinationAccount), destination, "eu-west-1");
  return { source, destination };
};

/** Writes one object and resolves with its final status and the reason the sandbox logged. */
const replicateOne = async (source: string, key = "report.csv") => {
  await east().send(new PutObjectCommand({ Bucket: source, Key: key, Body: "data" }));
  const status = await finalStatus(east(), source, key);
  const event = events.find((e) => e.sourceBucket === source && e.key === key);
  return { status, reason: event?.reason };
};

const expectFailedForGood = async (source: string, destination: string, reason: string) => {
  const outcome = await replicateOne(source);
  expect(outcome).toEqual({ status: "FAILED", reason });
  // Never retried: it stays FAILED and no copy appears.
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect((await east().send(new HeadObjectCommand({ Bucket: source, Key: "report.csv" }))).ReplicationStatus).toBe("FAILED");
  const copy = await failureOf(west().send(new HeadObjectCommand({ Bucket: destination, Key: "report.csv" })));
  expect(copy.$metadata?.httpStatusCode).toBe(404);
};

const policyWithout = (source: string, destination: string, action: string) => {
  const policy = replicationPolicy(source, [destination]);
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({
      ...statement,
      Action: (statement.Action as string[]).filter((name) => name !== action),
    })),
  };
};

describe("replication fails as on AWS", () => {
  it("when the role does not exist in the source account", async () => {
    const { source, destination } = await buckets();
    const role = `arn:aws:iam::${ACCOUNT_A}:role/no-such-role`;
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await expectFailedForGood(source, destination, `role ${role} does not exist`);
  });

  it("when its trust policy does not let s3.amazonaws.com assume it", async () => {
    const { source, destination } = await buckets();
    const trustEc2 = { ...trustS3, Statement: [{ ...trustS3.Statement[0], Principal: { Service: "ec2.amazonaws.com" } }] };
    const name = `ec2-${source}`.slice(0, 64);
    const role = await createRole(clients(), ACCOUNT_A, name, trustEc2, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await expectFailedForGood(source, destination, `role ${name}'s trust policy does not let s3.amazonaws.com assume it`);
  });

  it("when the role lacks s3:GetObjectVersionForReplication on the source objects", async () => {
    const { source, destination } = await buckets();
    const role = await createRole(clients(), ACCOUNT_A, `noget-${source}`.slice(0, 64), trustS3, policyWithout(source, destination, "s3:GetObjectVersionForReplication"));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await expectFailedForGood(source, destination, `role lacks s3:GetObjectVersionForReplication on arn:aws:s3:::${source}/*`);
  });

  it("when the role lacks s3:ReplicateObject on the destination", async () => {
    const { source, destination } = await buckets();
    const role = await createRole(clients(), ACCOUNT_A, `norep-${source}`.slice(0, 64), trustS3, policyWithout(source, destination, "s3:ReplicateObject"));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await expectFailedForGood(source, destination, `role lacks s3:ReplicateObject on arn:aws:s3:::${destination}/*`);
  });

  it("honours wildcards in Action and Resource", async () => {
    const { source, destination } = await buckets();
    const wildcard = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObjectVersion*", Resource: `arn:aws:s3:::${source.slice(0, 6)}*/*` },
        { Effect: "Allow", Action: "s3:Replicate*", Resource: "arn:aws:s3:::*" },
      ],
    };
    const role = await createRole(clients(), ACCOUNT_A, `wild-${source}`.slice(0, 64), trustS3, wildcard);
    await putReplication(east(), source, role, [ruleTo(destination)]);
    expect((await replicateOne(source)).status).toBe("COMPLETED");
  });

  it("when a tagged object meets a role without s3:ReplicateTags", async () => {
    const { source, destination } = await buckets();
    const role = await createRole(clients(), ACCOUNT_A, `notags-${source}`.slice(0, 64), trustS3, policyWithout(source, destination, "s3:ReplicateTags"));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await east().send(new PutObjectCommand({ Bucket: source, Key: "untagged.csv", Body: "x" }));
    expect(await finalStatus(east(), source, "untagged.csv")).toBe("COMPLETED");
    await east().send(new PutObjectCommand({ Bucket: source, Key: "tagged.csv", Body: "x", Tagging: "a=b" }));
    expect(await finalStatus(east(), source, "tagged.csv")).toBe("FAILED");
  });

  it("when the destination bucket is gone", async () => {
    const { source, destination } = await buckets();
    const role = await createRole(clients(), ACCOUNT_A, `gone-${source}`.slice(0, 64), trustS3, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await west().send(new DeleteBucketCommand({ Bucket: destination }));
    const outcome = await replicateOne(source);
    expect(outcome).toEqual({ status: "FAILED", reason: `destination bucket ${destination} does not exist` });
  });

  it("when the destination's versioning is suspended", async () => {
    const { source, destination } = await buckets();
    const role = await createRole(clients(), ACCOUNT_A, `susp-${source}`.slice(0, 64), trustS3, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    await west().send(new PutBucketVersioningCommand({ Bucket: destination, VersioningConfiguration: { Status: "Suspended" } }));
    await expectFailedForGood(source, destination, `destination bucket ${destination} has versioning suspended`);
  });

  it("to another account's bucket unless its bucket policy grants the role", async () => {
    const { source, destination } = await buckets(ACCOUNT_B);
    const role = await createRole(clients(), ACCOUNT_A, `xacct-${source}`.slice(0, 64), trustS3, replicationPolicy(source, [destination]));
    await putReplication(east(), source, role, [ruleTo(destination)]);
    expect(await replicateOne(source, "first.csv")).toEqual({
      status: "FAILED",
      reason: `destination bucket ${destination} (account ${ACCOUNT_B}) does not grant ${role} s3:ReplicateObject in its bucket policy`,
    });

    await west(ACCOUNT_B).send(
      new PutBucketPolicyCommand({
        Bucket: destination,
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: role },
              Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
              Resource: `arn:aws:s3:::${destination}/*`,
            },
          ],
        }),
      }),
    );
    expect((await replicateOne(source, "second.csv")).status).toBe("COMPLETED");
    expect((await west(ACCOUNT_B).send(new HeadObjectCommand({ Bucket: destination, Key: "second.csv" }))).ReplicationStatus).toBe("REPLICA");
  });
});
