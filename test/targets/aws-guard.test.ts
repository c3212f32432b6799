import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CreateBucketCommand, DeleteBucketPolicyCommand, GetBucketTaggingCommand, PutBucketPolicyCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it, vi } from "vitest";
import { CleanupJournal } from "../../src/targets/journal";
import { TargetError, type Target } from "../../src/targets/target";
import { LEARNER_ACCOUNT, planned, REGION, sendGuarded, useAwsOnSandbox } from "./helpers/aws-on-sandbox";

const PREFIX = "s3t-test01";
const { awsTarget, endpoint } = useAwsOnSandbox();

const createBucket = (bucket: string, extra = {}) =>
  planned("s3", "CreateBucket", { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: REGION } }, extra);

const journaled = () => CleanupJournal.forTarget("aws", (message) => expect.fail(message)).entries();

const bucketNames = async (target: Target): Promise<string[]> => {
  const s3 = (await target.client("s3", "default", REGION)) as S3Client;
  return ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name ?? "");
};

/** Another account of the sandbox, outside the target's control. */
const otherAccountS3 = () =>
  new S3Client({
    endpoint: endpoint(),
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: "444455556666", secretAccessKey: "test" },
  });

const refusal = async (promise: Promise<unknown>): Promise<TargetError> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
};

describe("the aws target pointed at the sandbox", () => {
  it("passes pre-flight, reads the account with STS and keeps keys out of the CLI environment", async () => {
    const target = await awsTarget();
    await target.preflight();
    expect(await target.account("default")).toBe(LEARNER_ACCOUNT);
    expect(target.name).toBe("aws");
    expect([...target.capabilities].sort()).toEqual(["blockPublicAccess", "lifecycleRules", "policySimulation", "regionRedirect", "replication", "requesterPays", "reservedNames"]);
    expect(target.identities).toEqual(["default"]);
    expect(target.otherRegion).not.toBe(target.region);
    expect(target.cliEnvironment("default")).toEqual({});
    expect(JSON.stringify(target.cliEnvironment("default"))).not.toMatch(/SECRET/);
  });

  it("names a rejected key's problem without printing the secret", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    process.env.AWS_SECRET_ACCESS_KEY = secret;
    const target = await awsTarget();
    const error = await refusal(target.preflight());
    expect(error.message).toBe("AWS does not accept these credentials (SignatureDoesNotMatch).");
    expect(`${error.message} ${error.fix} ${error.stack}`).not.toContain(secret);
  });

  it("refuses a CreateBucket outside the prefix and creates nothing", async () => {
    const target = await awsTarget();
    const error = await refusal(sendGuarded(target, createBucket("company-data")));
    expect(error.message).toBe(
      `Refused s3:CreateBucket on bucket "company-data": it does not start with this session's prefix "${PREFIX}", so s3-tutor did not create it.`,
    );
    expect(error.fix).toContain(`whose names start with "${PREFIX}"`);
    expect(await bucketNames(target)).not.toContain("company-data");
    expect(await journaled()).toEqual([]);
  });

  it("allows a CreateBucket inside the prefix, journals it and tags it", async () => {
    const target = await awsTarget();
    await sendGuarded(target, createBucket(`${PREFIX}-data`));
    expect(await bucketNames(target)).toContain(`${PREFIX}-data`);
    expect(await journaled()).toMatchObject([{ kind: "bucket", name: `${PREFIX}-data`, account: LEARNER_ACCOUNT, region: REGION }]);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: `${PREFIX}-data` }));
    expect(tags.TagSet).toEqual([{ Key: "s3-tutor", Value: PREFIX }]);
  });

  it("keeps the tags a CreateBucket carried when it adds its own", async () => {
    const target = await awsTarget();
    const call = planned("s3", "CreateBucket", {
      Bucket: `${PREFIX}-tagged`,
      CreateBucketConfiguration: { LocationConstraint: REGION, Tags: [{ Key: "team", Value: "learning" }] },
    });
    await sendGuarded(target, call);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: `${PREFIX}-tagged` }));
    expect(tags.TagSet).toEqual([
      { Key: "team", Value: "learning" },
      { Key: "s3-tutor", Value: PREFIX },
    ]);
  });

  it("writes the journal before the bucket exists", async () => {
    const target = await awsTarget();
    const call = createBucket(`${PREFIX}-early`);
    await target.beforeCall(call);
    expect(await journaled()).toMatchObject([{ kind: "bucket", name: `${PREFIX}-early` }]);
    expect(await bucketNames(target)).not.toContain(`${PREFIX}-early`);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await s3.send(new CreateBucketCommand(call.input as never));
    await target.afterCall(call, { ok: true });
    expect(await journaled()).toMatchObject([{ kind: "bucket", name: `${PREFIX}-early` }]);
  });

  it("takes a failed create's entry back, but keeps it when the bucket is ours anyway", async () => {
    const target = await awsTarget();
    // A constraint that is not the endpoint's region: IllegalLocationConstraintException, nothing created.
    const elsewhere = planned("s3", "CreateBucket", { Bucket: `${PREFIX}-nowhere`, CreateBucketConfiguration: { LocationConstraint: "us-west-2" } });
    await expect(sendGuarded(target, elsewhere)).rejects.toThrow(/location constraint is incompatible/);
    expect(await journaled()).toEqual([]);

    await sendGuarded(target, createBucket(`${PREFIX}-twice`));
    await expect(sendGuarded(target, createBucket(`${PREFIX}-twice`))).rejects.toThrow(/already own it/);
    expect(await journaled()).toMatchObject([{ name: `${PREFIX}-twice` }]);
  });

  it("allows a create outside the prefix that expects an error, and journals nothing when it fails", async () => {
    const target = await awsTarget();
    const other = otherAccountS3();
    await other.send(new CreateBucketCommand({ Bucket: "someone-elses-name", CreateBucketConfiguration: { LocationConstraint: REGION } }));
    const call = createBucket("someone-elses-name", { expectsError: true });
    await expect(sendGuarded(target, call)).rejects.toMatchObject({ name: "BucketAlreadyExists" });
    expect(await journaled()).toEqual([]);
    other.destroy();
  });

  it("journals and removes a bucket outside the prefix whose expected error did not come", async () => {
    const notices: string[] = [];
    const target = await awsTarget({ onNotice: (message) => notices.push(message) });
    const call = createBucket("free-name-after-all", { expectsError: true });
    await target.beforeCall(call);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await s3.send(new CreateBucketCommand(call.input as never));
    await target.afterCall(call, { ok: true });
    expect(await bucketNames(target)).not.toContain("free-name-after-all");
    expect(await journaled()).toEqual([]);
    expect(notices).toEqual(["s3:CreateBucket was expected to fail but created bucket free-name-after-all; s3-tutor removed it again."]);
  });

  it("refuses an expected-to-fail create of a bucket the learner already owns, so it never deletes their bucket", async () => {
    const target = await awsTarget();
    const s3East = (await target.client("s3", "default", "us-east-1")) as S3Client;
    // Made outside the tutorial. In us-east-1, CreateBucket on it again would answer 200.
    await s3East.send(new CreateBucketCommand({ Bucket: "learners-own-bucket" }));
    const call = planned("s3", "CreateBucket", { Bucket: "learners-own-bucket" }, { region: "us-east-1", expectsError: true });
    const error = await refusal(sendGuarded(target, call));
    expect(error.message).toBe(
      `Refused s3:CreateBucket on bucket "learners-own-bucket": that bucket already exists in your account ${LEARNER_ACCOUNT} (us-east-1), and s3-tutor does not touch what it did not create (s3-tutor's cleanup journal does not list it, so s3-tutor did not create it). It was left alone.`,
    );
    expect(await bucketNames(target)).toContain("learners-own-bucket");
    expect(await journaled()).toEqual([]);
  });

  it("keeps such a bucket in the journal when removing it fails, so cleanup can finish the job", async () => {
    const target = await awsTarget();
    const call = createBucket("undeletable-name", { expectsError: true });
    await target.beforeCall(call);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await s3.send(new CreateBucketCommand(call.input as never));
    const denyDelete = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::undeletable-name" }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: "undeletable-name", Policy: JSON.stringify(denyDelete) }));

    const error = await refusal(target.afterCall(call, { ok: true }));
    expect(error.message).toMatch(/^s3:CreateBucket was expected to fail but created bucket undeletable-name, and removing it failed: AccessDenied/);
    expect(error.fix).toBe("It is in the cleanup journal: run s3-tutor cleanup --target aws to remove it.");
    expect(await journaled()).toMatchObject([{ kind: "bucket", name: "undeletable-name", region: REGION }]);
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: "undeletable-name" }));
  });

  it("refuses writes outside the prefix that could not be undone, even when they expect an error", async () => {
    const target = await awsTarget();
    const put = planned("s3", "PutObject", { Bucket: "someone-elses-bucket", Key: "x", Body: "x" }, { expectsError: true });
    expect((await refusal(target.beforeCall(put))).message).toContain("if the call succeeded it could not be undone");
    const deleteBucket = planned("s3", "DeleteBucket", { Bucket: "prod-data" });
    expect((await refusal(target.beforeCall(deleteBucket))).message).toContain('Refused s3:DeleteBucket on bucket "prod-data"');
  });

  it("refuses replication into a bucket outside the prefix, and IAM writes that name no role", async () => {
    const target = await awsTarget();
    const replicate = planned("s3", "PutBucketReplication", {
      Bucket: `${PREFIX}-source`,
      ReplicationConfiguration: { Role: "arn:aws:iam::111122223333:role/x", Rules: [{ Destination: { Bucket: "arn:aws:s3:::prod-backup" } }] },
    });
    expect((await refusal(target.beforeCall(replicate))).message).toContain('bucket "prod-backup"');
    const user = planned("iam", "CreateUser", { UserName: `${PREFIX}-user` });
    expect((await refusal(target.beforeCall(user))).message).toContain("only changes buckets and roles");
  });

  it("lets reads through without asking", async () => {
    const confirm = vi.fn(async () => true);
    const target = await awsTarget({ yes: false, confirm });
    await sendGuarded(target, planned("s3", "ListBuckets", {}));
    await sendGuarded(target, planned("s3", "HeadBucket", { Bucket: "anything-at-all" })).catch(() => undefined);
    await sendGuarded(target, planned("sts", "GetCallerIdentity", {}));
    expect(confirm).not.toHaveBeenCalled();
  });

  it("lets the IAM policy simulator through as a read, on any role, without asking", async () => {
    const confirm = vi.fn(async () => true);
    const target = await awsTarget({ yes: false, confirm });
    // A role the tutorial did not make: simulating its policies changes nothing, so the prefix does not matter.
    const iam = new IAMClient({ endpoint: endpoint(), region: "us-east-1", credentials: { accessKeyId: LEARNER_ACCOUNT, secretAccessKey: "test" } });
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:Replicate*", Resource: "arn:aws:s3:::prod-backup/*" }] };
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    await iam.send(new CreateRoleCommand({ RoleName: "prod-replication", AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: "prod-replication", PolicyName: "replicate", PolicyDocument: JSON.stringify(policy) }));
    iam.destroy();

    const simulation = planned("iam", "SimulatePrincipalPolicy", {
      PolicySourceArn: `arn:aws:iam::${LEARNER_ACCOUNT}:role/prod-replication`,
      ActionNames: ["s3:ReplicateObject"],
      ResourceArns: ["arn:aws:s3:::prod-backup/report.csv"],
    });
    const simulated = (await sendGuarded(target, simulation)) as { EvaluationResults: { EvalDecision: string }[] };
    expect(simulated.EvaluationResults[0]?.EvalDecision).toBe("allowed");
    const custom = planned("iam", "SimulateCustomPolicy", { PolicyInputList: [JSON.stringify(policy)], ActionNames: ["s3:ReplicateDelete"] });
    const customSimulated = (await sendGuarded(target, custom)) as { EvaluationResults: { EvalDecision: string }[] };
    expect(customSimulated.EvaluationResults[0]?.EvalDecision).toBe("implicitDeny");
    await target.confirmWrites?.([simulation, custom]);
    expect(confirm).not.toHaveBeenCalled();
    expect(await journaled()).toEqual([]);
  });

  it("journals, tags and forgets roles", async () => {
    const target = await awsTarget();
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    await sendGuarded(target, planned("iam", "CreateRole", { RoleName: `${PREFIX}-replication`, AssumeRolePolicyDocument: trust }));
    expect(await journaled()).toMatchObject([{ kind: "role", name: `${PREFIX}-replication`, account: LEARNER_ACCOUNT }]);
    const role = (await sendGuarded(target, planned("iam", "GetRole", { RoleName: `${PREFIX}-replication` }))) as {
      Role: { Tags?: unknown[] };
    };
    expect(role.Role.Tags).toEqual([{ Key: "s3-tutor", Value: PREFIX }]);
    await sendGuarded(target, planned("iam", "DeleteRole", { RoleName: `${PREFIX}-replication` }));
    expect(await journaled()).toEqual([]);
  });
});

describe("confirmation before the first write to a real account", () => {
  it("asks once, listing what will be created", async () => {
    const confirm = vi.fn(async (_list: string[]) => true);
    const target = await awsTarget({ yes: false, confirm });
    await sendGuarded(target, createBucket(`${PREFIX}-first`));
    await sendGuarded(target, createBucket(`${PREFIX}-second`));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith([`bucket ${PREFIX}-first in ${REGION}`]);
  });

  it("lists every write of a lesson at once when the runner announces them", async () => {
    const confirm = vi.fn(async (_list: string[]) => true);
    const target = await awsTarget({ yes: false, confirm });
    const calls = [
      createBucket(`${PREFIX}-source`),
      planned("s3", "PutBucketVersioning", { Bucket: `${PREFIX}-source`, VersioningConfiguration: { Status: "Enabled" } }),
      planned("iam", "CreateRole", { RoleName: `${PREFIX}-role`, AssumeRolePolicyDocument: "{}" }),
      planned("s3", "HeadBucket", { Bucket: `${PREFIX}-source` }),
      createBucket("amzn-s3-demo-bucket", { expectsError: true }),
      planned("s3", "DeleteBucket", { Bucket: "prod-data" }), // refused when its turn comes, not listed
    ];
    await target.confirmWrites?.(calls);
    await sendGuarded(target, calls[0]!);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith([
      `bucket ${PREFIX}-source in ${REGION}`,
      `s3:PutBucketVersioning on bucket ${PREFIX}-source`,
      `IAM role ${PREFIX}-role`,
      "s3:CreateBucket of bucket amzn-s3-demo-bucket (expected to fail)",
    ]);
  });

  it("does not ask with --yes", async () => {
    const confirm = vi.fn(async () => true);
    const target = await awsTarget({ yes: true, confirm });
    await sendGuarded(target, createBucket(`${PREFIX}-scripted`));
    expect(confirm).not.toHaveBeenCalled();
    expect(await bucketNames(target)).toContain(`${PREFIX}-scripted`);
  });

  it("refuses without --yes and without a way to ask, creating and journaling nothing", async () => {
    const target = await awsTarget({ yes: false });
    const error = await refusal(sendGuarded(target, createBucket(`${PREFIX}-unasked`)));
    expect(error.message).toBe(
      `s3-tutor is about to create resources in AWS account ${LEARNER_ACCOUNT} (bucket ${PREFIX}-unasked in ${REGION}) and needs your go-ahead first.`,
    );
    expect(error.fix).toContain("--yes");
    expect(await bucketNames(target)).not.toContain(`${PREFIX}-unasked`);
    expect(await journaled()).toEqual([]);
  });

  it("refuses when the learner declines, and asks again next time", async () => {
    const confirm = vi.fn(async () => false);
    const target = await awsTarget({ yes: false, confirm });
    const error = await refusal(sendGuarded(target, createBucket(`${PREFIX}-declined`)));
    expect(error.message).toBe(`Nothing was created in AWS account ${LEARNER_ACCOUNT}: you chose not to go ahead.`);
    await refusal(sendGuarded(target, createBucket(`${PREFIX}-declined`)));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(await journaled()).toEqual([]);
  });
});
