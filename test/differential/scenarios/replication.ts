import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  GetBucketReplicationCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { freshName, outcomeOf, sleep, type Scratch } from "../scenario-kit";
import { ELSEWHERE, HOME, type Scenario } from "../scenario";

const GROUP = "Replication";

const trustS3 = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };

/** The role and permissions the user guide shows for replication from `source` to `destination`. */
export const replicationRole = async (scratch: Scratch, source: string, destination: string): Promise<string> => {
  const iam = scratch.subject.iam("me");
  const name = freshName("repl");
  scratch.trackRole(name);
  const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
  const policy = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: `arn:aws:s3:::${source}` },
      { Effect: "Allow", Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: `arn:aws:s3:::${source}/*` },
      { Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], Resource: `arn:aws:s3:::${destination}/*` },
    ],
  };
  await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "replication", PolicyDocument: JSON.stringify(policy) }));
  return created.Role?.Arn ?? "";
};

const bucketVersioned = async (scratch: Scratch, region: string, versioned: boolean): Promise<string> => {
  const bucket = await scratch.bucket(freshName("repl"), region);
  if (versioned) {
    await scratch.subject.s3("me", region).send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  }
  return bucket;
};

/** PutBucketReplication from a source to a destination in ELSEWHERE, one V2 rule for every object. */
const configure = async (scratch: Scratch, versions: { source: boolean; destination: boolean }) => {
  const source = await bucketVersioned(scratch, HOME, versions.source);
  const destination = await bucketVersioned(scratch, ELSEWHERE, versions.destination);
  const role = await replicationRole(scratch, source, destination);
  const outcome = await outcomeOf(() =>
    scratch.subject.s3("me", HOME).send(
      new PutBucketReplicationCommand({
        Bucket: source,
        ReplicationConfiguration: {
          Role: role,
          Rules: [
            {
              ID: "everything",
              Priority: 1,
              Status: "Enabled",
              Filter: { Prefix: "" },
              DeleteMarkerReplication: { Status: "Disabled" },
              Destination: { Bucket: `arn:aws:s3:::${destination}` },
            },
          ],
        },
      }),
    ),
  );
  return { source, destination, outcome };
};

/** ReplicationStatus of the source object over time: each new value, until COMPLETED or FAILED (or 4 s of none). */
const statusesOf = async (scratch: Scratch, bucket: string, key: string): Promise<string[]> => {
  const s3 = scratch.subject.s3("me", HOME);
  const seen: string[] = [];
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    const status = (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ReplicationStatus;
    if (status && seen[seen.length - 1] !== status) seen.push(status);
    if (status === "COMPLETED" || status === "FAILED") break;
    if (!status && Date.now() - started > 4_000) break;
    await sleep(250);
  }
  return seen;
};

export const replicationScenarios: Scenario[] = [
  {
    id: "replication.unversioned-source",
    group: GROUP,
    title: "PutBucketReplication on a source without versioning",
    run: async (scratch) => (await configure(scratch, { source: false, destination: true })).outcome,
    expected: { aws: "400 InvalidRequest", localstack: "400 InvalidRequest", moto: "400 InvalidRequest" },
  },
  {
    id: "replication.unversioned-destination",
    group: GROUP,
    title: "PutBucketReplication to a destination without versioning",
    run: async (scratch) => (await configure(scratch, { source: true, destination: false })).outcome,
    expected: { aws: "400 InvalidRequest", localstack: "400 InvalidRequest", moto: "200" },
  },
  {
    id: "replication.none",
    group: GROUP,
    title: "GetBucketReplication on a bucket without any",
    run: async (scratch) => {
      const bucket = await bucketVersioned(scratch, HOME, true);
      return outcomeOf(() => scratch.subject.s3("me", HOME).send(new GetBucketReplicationCommand({ Bucket: bucket })));
    },
    expected: {
      aws: "404 ReplicationConfigurationNotFoundError",
      localstack: "404 ReplicationConfigurationNotFoundError",
      moto: "404 ReplicationConfigurationNotFoundError",
    },
  },
  {
    id: "replication.kept",
    group: GROUP,
    title: "The configuration is kept (GetBucketReplication)",
    run: async (scratch) => {
      const { source, outcome } = await configure(scratch, { source: true, destination: true });
      if (!/^2/.test(outcome)) return `PutBucketReplication ${outcome}`;
      const rules = (await scratch.subject.s3("me", HOME).send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
      return `${rules.length} rule, ${rules[0]?.Status ?? "no status"}`;
    },
    expected: { aws: "1 rule, Enabled", localstack: "1 rule, Enabled", moto: "1 rule, Enabled" },
  },
  {
    id: "replication.copies",
    group: GROUP,
    title: `A new object is copied to ${ELSEWHERE}`,
    capability: "replication",
    run: async (scratch) => {
      const { source, destination, outcome } = await configure(scratch, { source: true, destination: true });
      if (!/^2/.test(outcome)) return `PutBucketReplication ${outcome}`;
      const put = await scratch.subject.s3("me", HOME).send(new PutObjectCommand({ Bucket: source, Key: "report.csv", Body: "a,b\n" }));
      const statuses = await statusesOf(scratch, source, "report.csv");
      let copy = "no copy";
      try {
        const replica = await scratch.subject.s3("me", ELSEWHERE).send(new HeadObjectCommand({ Bucket: destination, Key: "report.csv" }));
        copy = `copy ${replica.ReplicationStatus ?? "without ReplicationStatus"}${replica.VersionId === put.VersionId ? ", same version id" : ""}`;
      } catch {
        // no copy
      }
      return `${statuses.length > 0 ? statuses.join(" → ") : "no ReplicationStatus"}; ${copy}`;
    },
    expected: { aws: "PENDING → COMPLETED; copy REPLICA, same version id", localstack: "no ReplicationStatus; no copy", moto: "no ReplicationStatus; no copy" },
  },
];
