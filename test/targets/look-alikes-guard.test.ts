import { CreateBucketCommand, DeleteBucketTaggingCommand, HeadBucketCommand, PutBucketPolicyCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { cleanupJournaled, formatCleanupLine } from "../../src/targets/cleanup";
import { CleanupJournal } from "../../src/targets/journal";
import { TargetError } from "../../src/targets/target";
import { LEARNER_ACCOUNT, planned, REGION, sendGuarded, useAwsOnSandbox } from "./helpers/aws-on-sandbox";
import { lessonLookAlikes, lookAlikeState, makeLookAlikes, untouched } from "./helpers/look-alikes";

/**
 * Buckets and roles whose names start with the prefix but that s3-tutor did not create: made by
 * the learner in another shell after the prefix was claimed (pre-flight), so only the guard's
 * per-call check stands between them and the lessons.
 */

const PREFIX = "s3t-test01";
const { awsTarget, endpoint } = useAwsOnSandbox();

const { buckets: BUCKETS, roles: ROLES } = lessonLookAlikes(PREFIX);

const journal = () => CleanupJournal.forTarget("aws", (message) => expect.fail(message));

const refusal = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TargetError);
  return (error as TargetError).message;
};

const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] });

describe("look-alikes of the prefix on a real account", () => {
  it("refuses every create, write and delete on them, and they keep their objects, tags and policies", async () => {
    const target = await awsTarget();
    await target.preflight();
    await makeLookAlikes(endpoint(), BUCKETS, ROLES);

    const inEu = { CreateBucketConfiguration: { LocationConstraint: REGION } };
    expect(await refusal(sendGuarded(target, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-claim`, ...inEu })))).toBe(
      `Refused s3:CreateBucket on bucket "${PREFIX}-claim": that bucket already exists in your account ${LEARNER_ACCOUNT} (${REGION}), ` +
        `and s3-tutor does not touch what it did not create (s3-tutor's cleanup journal does not list it, so s3-tutor did not create it). It was left alone.`,
    );
    // In us-east-1 this CreateBucket would answer 200, and the bucket's tags would be replaced by s3-tutor's.
    expect(await refusal(sendGuarded(target, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-virginia` }, { region: "us-east-1" })))).toContain(
      "It was left alone.",
    );
    const src = `${PREFIX}-src`;
    const writes = [
      planned("s3", "PutBucketTagging", { Bucket: src, Tagging: { TagSet: [{ Key: "s3-tutor", Value: PREFIX }] } }),
      planned("s3", "PutObject", { Bucket: src, Key: "precious.txt", Body: "overwritten" }),
      planned("s3", "PutBucketVersioning", { Bucket: src, VersioningConfiguration: { Status: "Enabled" } }),
      planned("s3", "DeleteBucket", { Bucket: src }),
      planned("iam", "CreateRole", { RoleName: ROLES[0], AssumeRolePolicyDocument: trust }),
      planned("iam", "PutRolePolicy", { RoleName: ROLES[0], PolicyName: "read", PolicyDocument: "{}" }),
      planned("iam", "DeleteRole", { RoleName: ROLES[0] }),
    ];
    for (const call of writes) expect(await refusal(sendGuarded(target, call))).toMatch(/It was left alone\.$/);
    expect(await refusal(sendGuarded(target, writes[0]!))).toBe(
      `Refused s3:PutBucketTagging on bucket "${src}": it is in your account ${LEARNER_ACCOUNT}, but s3-tutor's cleanup journal does not list it, so s3-tutor did not create it. It was left alone.`,
    );

    expect(await journal().entries()).toEqual([]);
    expect(await lookAlikeState(endpoint(), BUCKETS, ROLES)).toEqual(untouched(BUCKETS, ROLES));
  });

  it("still lets the lesson change what s3-tutor created itself, in this run or an earlier one", async () => {
    const first = await awsTarget();
    await sendGuarded(first, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-mine`, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    await first.close();
    // A later run (another process): the journal and the tag vouch for it.
    const later = await awsTarget();
    await later.preflight();
    await sendGuarded(later, planned("s3", "PutObject", { Bucket: `${PREFIX}-mine`, Key: "a.txt", Body: "a" }));
    await sendGuarded(later, planned("s3", "DeleteObject", { Bucket: `${PREFIX}-mine`, Key: "a.txt" }));
    await sendGuarded(later, planned("s3", "DeleteBucket", { Bucket: `${PREFIX}-mine` }));
    expect(await journal().entries()).toEqual([]);
  });

  it("refuses to change a bucket it created once its s3-tutor tag is gone, and cleanup leaves it alone and says so", async () => {
    const first = await awsTarget();
    await sendGuarded(first, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-retagged`, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    await first.close();
    const later = await awsTarget();
    await later.preflight();
    // The learner replaces the bucket's tags by hand.
    const s3 = (await later.client("s3", "default", REGION)) as S3Client;
    await s3.send(new PutBucketTaggingCommand({ Bucket: `${PREFIX}-retagged`, Tagging: { TagSet: [{ Key: "team", Value: "payments" }] } }));
    expect(await refusal(sendGuarded(later, planned("s3", "DeleteBucket", { Bucket: `${PREFIX}-retagged` })))).toContain(
      `but it does not carry the tag s3-tutor=${PREFIX} that s3-tutor put on what it created. It was left alone.`,
    );
    const result = await cleanupJournaled(later, journal());
    expect(result.lines.map(formatCleanupLine)).toEqual([
      `– bucket ${PREFIX}-retagged (${REGION}): left alone: it is in your account, but it does not carry the tag s3-tutor=${PREFIX} that s3-tutor put on what it created`,
    ]);
    expect(result.remaining).toEqual([]);
    await s3.send(new HeadBucketCommand({ Bucket: `${PREFIX}-retagged` }));
  });

  it("removes what this very process created without reading its tag back (AWS may not show a new tag at once)", async () => {
    const target = await awsTarget();
    await sendGuarded(target, planned("s3", "CreateBucket", { Bucket: `${PREFIX}-fresh`, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    // As if the tag had not propagated yet.
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await s3.send(new DeleteBucketTaggingCommand({ Bucket: `${PREFIX}-fresh` }));
    const result = await cleanupJournaled(target, journal());
    expect(result.lines.map(formatCleanupLine)).toEqual([`✓ bucket ${PREFIX}-fresh (${REGION}): removed (it was empty)`]);
  });

  it("journals a create that is expected to fail before sending it, and resolves the entry after", async () => {
    const stranger = new S3Client({ endpoint: endpoint(), region: REGION, forcePathStyle: true, credentials: { accessKeyId: "444455556666", secretAccessKey: "test" } });
    await stranger.send(new CreateBucketCommand({ Bucket: "someone-elses-name", CreateBucketConfiguration: { LocationConstraint: REGION } }));
    stranger.destroy();
    const target = await awsTarget();
    const call = planned("s3", "CreateBucket", { Bucket: "someone-elses-name", CreateBucketConfiguration: { LocationConstraint: REGION } }, { expectsError: true });
    await target.beforeCall(call);
    expect(await journal().entries()).toMatchObject([{ kind: "bucket", name: "someone-elses-name", state: "creating", account: LEARNER_ACCOUNT }]);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await expect(s3.send(new CreateBucketCommand(call.input as never))).rejects.toMatchObject({ name: "BucketAlreadyExists" });
    await target.afterCall(call, { ok: false });
    expect(await journal().entries()).toEqual([]);
  });

  it("does not take a 403 from GetBucketLocation on the learner's own bucket for someone else's bucket", async () => {
    const target = await awsTarget();
    const s3East = (await target.client("s3", "default", "us-east-1")) as S3Client;
    await s3East.send(new CreateBucketCommand({ Bucket: "learners-locked" }));
    const denyLocation = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:GetBucketLocation", Resource: "arn:aws:s3:::learners-locked" }] };
    await s3East.send(new PutBucketPolicyCommand({ Bucket: "learners-locked", Policy: JSON.stringify(denyLocation) }));

    // Expected to fail, so it may name anything; in us-east-1 it would answer 200, and undoing that would delete the learner's bucket.
    const call = planned("s3", "CreateBucket", { Bucket: "learners-locked" }, { region: "us-east-1", expectsError: true });
    expect(await refusal(sendGuarded(target, call))).toBe(
      `Refused s3:CreateBucket on bucket "learners-locked": that bucket already exists in your account ${LEARNER_ACCOUNT}, ` +
        `and s3-tutor does not touch what it did not create (s3-tutor's cleanup journal does not list it, so s3-tutor did not create it). It was left alone.`,
    );
    await s3East.send(new HeadBucketCommand({ Bucket: "learners-locked" }));
    expect(await journal().entries()).toEqual([]);
  });
});
