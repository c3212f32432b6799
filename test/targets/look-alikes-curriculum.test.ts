import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { inTeachingOrder } from "../../src/content/teaching-order";
import { autoRunLesson, type LessonRun } from "../../src/handson/auto-run";
import { cleanupJournaled, formatCleanupLine } from "../../src/targets/cleanup";
import { CleanupJournal } from "../../src/targets/journal";
import { cleanupLines, stepLine } from "../../src/cli/run-report";
import { LEARNER_ACCOUNT, REGION, useAwsOnSandbox } from "./helpers/aws-on-sandbox";
import { lessonLookAlikes, lookAlikeState, makeLookAlikes, untouched } from "./helpers/look-alikes";

/**
 * The whole curriculum on the aws target (the sandbox standing in for the account) while the
 * account holds look-alikes of the lessons' own names: made by the learner in another shell
 * once the prefix was claimed, so the pre-flight refusal cannot catch them and the guard must.
 * The lessons that need those names fail, saying the look-alike was left alone; everything else
 * runs; cleanup removes all that s3-tutor made and nothing else.
 */

const PREFIX = "s3t-test01";
const { awsTarget, endpoint } = useAwsOnSandbox();

const { buckets: BUCKETS, roles: ROLES } = lessonLookAlikes(PREFIX);

const credentials = { accessKeyId: LEARNER_ACCOUNT, secretAccessKey: "test" };

const prefixedNames = async (): Promise<string[]> => {
  const s3 = new S3Client({ endpoint: endpoint(), region: REGION, forcePathStyle: true, credentials });
  const iam = new IAMClient({ endpoint: endpoint(), region: "us-east-1", credentials });
  const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => `bucket ${bucket.Name}`);
  const roles = ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((role) => `role ${role.RoleName}`);
  s3.destroy();
  iam.destroy();
  return [...buckets, ...roles].filter((name) => name.includes(PREFIX)).sort();
};

describe("run all --auto on the aws target with look-alikes in the account", () => {
  it("leaves every look-alike as it was, through the lessons and through cleanup", { timeout: 240_000 }, async () => {
    const notices: string[] = [];
    const target = await awsTarget({ onNotice: (message) => notices.push(message) });
    await target.preflight();
    await makeLookAlikes(endpoint(), BUCKETS, ROLES);
    // As on AWS, a stranger owns commoncrawl (the real-account variant of "another account tries").
    const stranger = new S3Client({ endpoint: endpoint(), region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "444455556666", secretAccessKey: "test" } });
    await stranger.send(new CreateBucketCommand({ Bucket: "commoncrawl" }));
    stranger.destroy();

    const runs: LessonRun[] = [];
    for (const lesson of inTeachingOrder((await shippedCatalog()).lessons.map((loaded) => loaded.lesson))) runs.push(await autoRunLesson(lesson, target));
    const report = runs.flatMap((run) => [...run.steps.map(stepLine), ...cleanupLines(run)]).join("\n");

    expect(await lookAlikeState(endpoint(), BUCKETS, ROLES)).toEqual(untouched(BUCKETS, ROLES));
    for (const lookAlike of [...BUCKETS.map((bucket) => `bucket "${bucket.name}"`), `role "${ROLES[0]}"`]) {
      expect(report).toContain(`on ${lookAlike}: that ${lookAlike.split(" ")[0]} already exists in your account ${LEARNER_ACCOUNT}`);
    }
    expect(report).toContain("It was left alone.");
    // Lessons whose names are free still pass.
    expect(report).toMatch(/✓ Make a bucket and put an object/);

    const cleanup = await cleanupJournaled(target, CleanupJournal.forTarget("aws", (message) => notices.push(message)));
    expect(cleanup.lines.filter((line) => line.outcome !== "removed" && line.outcome !== "gone").map(formatCleanupLine)).toEqual([]);
    expect(cleanup.remaining).toEqual([]);
    expect(await lookAlikeState(endpoint(), BUCKETS, ROLES)).toEqual(untouched(BUCKETS, ROLES));
    expect(await prefixedNames()).toEqual([...BUCKETS.map((bucket) => `bucket ${bucket.name}`), ...ROLES.map((role) => `role ${role}`)].sort());
    expect(notices).toEqual([]);
  });
});
