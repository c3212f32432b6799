import { DeleteBucketCommand, DeleteObjectCommand, ListBucketsCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { ListRolesCommand, PutRolePolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanupJournaled, formatCleanupLine } from "../../src/targets/cleanup";
import { CleanupJournal } from "../../src/targets/journal";
import type { Target } from "../../src/targets/target";
import { LEARNER_ACCOUNT, planned, REGION, sendGuarded, useAwsOnSandbox } from "./helpers/aws-on-sandbox";

const PREFIX = "s3t-test01";
const OTHER_REGION = "us-west-2";
const { awsTarget, stateDir } = useAwsOnSandbox();

const trustS3 = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const replicationPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: "arn:aws:s3:::*" }],
});

const s3In = async (target: Target, region: string) => (await target.client("s3", "default", region)) as S3Client;
const iamOf = async (target: Target) => (await target.client("iam", "default", REGION)) as IAMClient;

/** Creates a versioned bucket through the guard and fills it with versions and delete markers. */
const versionedBucket = async (target: Target, bucket: string, region: string, keys: number, versionsPerKey: number) => {
  await sendGuarded(
    target,
    planned("s3", "CreateBucket", { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: region } }, { region }),
  );
  const s3 = await s3In(target, region);
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  const writes: (() => Promise<unknown>)[] = [];
  for (let key = 0; key < keys; key++) {
    for (let version = 0; version < versionsPerKey; version++) {
      writes.push(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: `key-${key}`, Body: `version ${version}` })));
    }
  }
  for (let start = 0; start < writes.length; start += 50) await Promise.all(writes.slice(start, start + 50).map((write) => write()));
  // A delete marker on every other key.
  for (let key = 0; key < keys; key += 2) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `key-${key}` }));
};

const roleWithPolicies = async (target: Target, roleName: string, policies: number) => {
  await sendGuarded(target, planned("iam", "CreateRole", { RoleName: roleName, AssumeRolePolicyDocument: trustS3 }));
  const iam = await iamOf(target);
  for (let index = 0; index < policies; index++) {
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: `policy-${index}`, PolicyDocument: replicationPolicy }));
  }
};

/** What the account holds with the prefix, by listing. */
const leftovers = async (target: Target) => {
  const buckets = (await (await s3In(target, REGION)).send(new ListBucketsCommand({}))).Buckets ?? [];
  const roles = (await (await iamOf(target)).send(new ListRolesCommand({}))).Roles ?? [];
  return [...buckets.map((bucket) => bucket.Name ?? ""), ...roles.map((role) => role.RoleName ?? "")].filter((name) => name.startsWith(PREFIX));
};

const journalOf = () => CleanupJournal.forTarget("aws", (message) => expect.fail(message));

describe("cleanup of the aws target, pointed at the sandbox", () => {
  it("removes versioned buckets with every version and delete marker, and roles with their inline policies", async () => {
    const target = await awsTarget();
    await versionedBucket(target, `${PREFIX}-source`, REGION, 40, 28); // 1120 versions + 20 markers: more than a page
    await versionedBucket(target, `${PREFIX}-replica`, OTHER_REGION, 3, 2);
    await sendGuarded(target, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-empty`, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    await roleWithPolicies(target, `${PREFIX}-replication`, 2);
    await roleWithPolicies(target, `${PREFIX}-bare`, 0);
    expect((await leftovers(target)).sort()).toHaveLength(5);

    const result = await cleanupJournaled(target, journalOf());
    expect(result.lines.map(formatCleanupLine)).toEqual([
      `✓ bucket ${PREFIX}-source (${REGION}): removed with 1140 object versions and delete markers`,
      `✓ bucket ${PREFIX}-replica (${OTHER_REGION}): removed with 8 object versions and delete markers`,
      `✓ bucket ${PREFIX}-empty (${REGION}): removed (it was empty)`,
      `✓ role ${PREFIX}-replication: removed with 2 inline policies`,
      `✓ role ${PREFIX}-bare: removed`,
    ]);
    expect(result.remaining).toEqual([]);
    expect(await leftovers(target)).toEqual([]);
  });

  it("counts resources that are already gone as done", async () => {
    const target = await awsTarget();
    await sendGuarded(target, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-short-lived`, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    // Deleted by hand, behind the journal's back.
    await (await s3In(target, REGION)).send(new DeleteBucketCommand({ Bucket: `${PREFIX}-short-lived` }));
    const journal = journalOf();
    await journal.record({ state: "created", kind: "role", name: `${PREFIX}-never-made`, account: LEARNER_ACCOUNT, endpoint: target.endpoint, prefix: PREFIX, journaledAt: new Date().toISOString() });

    const result = await cleanupJournaled(target, journal);
    expect(result.lines.map(formatCleanupLine)).toEqual([
      `✓ bucket ${PREFIX}-short-lived (${REGION}): already gone`,
      `✓ role ${PREFIX}-never-made: already gone`,
    ]);
    expect(result.remaining).toEqual([]);
  });

  it("finds a bucket in its real region when the journal names another", async () => {
    const target = await awsTarget();
    await sendGuarded(
      target,
      planned("s3", "CreateBucket", { Bucket: `${PREFIX}-moved`, CreateBucketConfiguration: { LocationConstraint: OTHER_REGION } }, { region: OTHER_REGION }),
    );
    const journal = journalOf();
    const [entry] = await journal.entries();
    await journal.record({ ...entry!, region: REGION });
    const result = await cleanupJournaled(target, journal);
    expect(result.lines.map(formatCleanupLine)).toEqual([`✓ bucket ${PREFIX}-moved (${REGION}): removed (it was empty)`]);
    expect(await leftovers(target)).toEqual([]);
  });

  it("leaves another account's entries alone and says why", async () => {
    const target = await awsTarget();
    const journal = journalOf();
    const foreign = { state: "created" as const, kind: "bucket" as const, name: `${PREFIX}-theirs`, account: "999988887777", region: REGION, endpoint: target.endpoint, prefix: PREFIX, journaledAt: new Date().toISOString() };
    await journal.record(foreign);
    const result = await cleanupJournaled(target, journal);
    expect(result.lines.map(formatCleanupLine)).toEqual([
      `✗ bucket ${PREFIX}-theirs (${REGION}): not removed: belongs to account 999988887777 at ${target.endpoint}, not account ${LEARNER_ACCOUNT} at ${target.endpoint}: run cleanup with credentials for that account`,
    ]);
    expect(result.remaining).toEqual([foreign]);
  });

  it("moves a corrupt journal aside and says so", async () => {
    const path = join(stateDir(), "targets", "aws", "journal.json");
    await mkdir(join(stateDir(), "targets", "aws"), { recursive: true });
    await writeFile(path, "{ not json");
    const notices: string[] = [];
    expect(await CleanupJournal.forTarget("aws", (message) => notices.push(message)).entries()).toEqual([]);
    expect(notices[0]).toMatch(/^The cleanup journal could not be read, so it was moved to .*journal\.json\.corrupt-/);
    const movedTo = /moved to (\S+)\. /.exec(notices[0] ?? "")?.[1] ?? "";
    expect(await readFile(movedTo, "utf8")).toBe("{ not json");
  });
});
