import { ListBucketsCommand, PutBucketPolicyCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import type { Target } from "../../src/targets/target";
import { LEARNER_ACCOUNT, planned, REGION, sendGuarded, useAwsOnSandbox } from "./helpers/aws-on-sandbox";
import { closedPort } from "./helpers/closed-port";

const PREFIX = "s3t-test01";
const { awsTarget, endpoint, stateDir } = useAwsOnSandbox();

const cli = (args: string[]) =>
  finished(
    spawnCli(args, {
      [STATE_DIR_VARIABLE]: stateDir(),
      AWS_ACCESS_KEY_ID: LEARNER_ACCOUNT,
      AWS_SECRET_ACCESS_KEY: "test",
    }),
  );

const createBucket = (target: Target, bucket: string) =>
  sendGuarded(target, planned("s3", "CreateBucket", { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: REGION } }));

const prefixedBuckets = async (target: Target) => {
  const s3 = (await target.client("s3", "default", REGION)) as S3Client;
  return ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name).filter((name) => name?.startsWith(PREFIX));
};

describe("s3-tutor cleanup", () => {
  it("removes what the journal lists, prints each resource and exits 0; then has nothing to do", async () => {
    const target = await awsTarget();
    await createBucket(target, `${PREFIX}-data`);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    await s3.send(new PutObjectCommand({ Bucket: `${PREFIX}-data`, Key: "hello.txt", Body: "hello" }));
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    await sendGuarded(target, planned("iam", "CreateRole", { RoleName: `${PREFIX}-role`, AssumeRolePolicyDocument: JSON.stringify(trust) }));

    const result = await cli(["cleanup", "--target", "aws", "--endpoint", endpoint(), "--region", REGION]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removing what s3-tutor created on aws (account ${LEARNER_ACCOUNT}):`);
    expect(result.stdout).toContain(`  ✓ bucket ${PREFIX}-data (${REGION}): removed with 1 object version or delete marker`);
    expect(result.stdout).toContain(`  ✓ role ${PREFIX}-role: removed`);
    expect(result.stdout).toContain("Done: nothing is left in the cleanup journal.");
    expect(result.stdout).not.toMatch(/SECRET|secretAccessKey/i);
    expect(await prefixedBuckets(target)).toEqual([]);

    const again = await cli(["cleanup", "--target", "aws", "--endpoint", endpoint(), "--region", REGION]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Nothing to clean up on aws: its cleanup journal is empty.\n");
  });

  it("exits 1 and says what could not be removed and why", async () => {
    const target = await awsTarget();
    await createBucket(target, `${PREFIX}-kept`);
    await createBucket(target, `${PREFIX}-going`);
    const s3 = (await target.client("s3", "default", REGION)) as S3Client;
    const deny = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: `arn:aws:s3:::${PREFIX}-kept` }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: `${PREFIX}-kept`, Policy: JSON.stringify(deny) }));

    const result = await cli(["cleanup", "--target", "aws", "--endpoint", endpoint(), "--region", REGION]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`  ✗ bucket ${PREFIX}-kept (${REGION}): not removed: AccessDenied: User: arn:aws:iam::${LEARNER_ACCOUNT}:root is not authorized`);
    expect(result.stdout).toContain(`  ✓ bucket ${PREFIX}-going (${REGION}): removed (it was empty)`);
    expect(result.stdout).toMatch(/1 resource\(s\) remain in the cleanup journal \(.*journal\.jsonl\)\. Fix what is said above, then run s3-tutor cleanup again\./);
    expect(await prefixedBuckets(target)).toEqual([`${PREFIX}-kept`]);
  });

  it("says plainly when the endpoint does not answer, without a stack trace", async () => {
    const target = await awsTarget();
    await createBucket(target, `${PREFIX}-stranded`);
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await cli(["cleanup", "--target", "aws", "--endpoint", url, "--region", REGION]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`s3-tutor: Nothing answers at ${url}.\n  Check the URL given with --endpoint.\n`);
    expect(result.stdout).toBe("");
  });

  it("moves an unreadable journal aside, says what to do and exits 1", async () => {
    await mkdir(join(stateDir(), "targets", "aws"), { recursive: true });
    await writeFile(join(stateDir(), "targets", "aws", "journal.json"), "{ torn");
    const result = await cli(["cleanup", "--target", "aws", "--region", REGION]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The cleanup journal could not be read, so it was moved to .*journal\.json\.corrupt-.*"s3-tutor" tag/);
    expect(result.stdout).toBe("Nothing else is journaled on aws; what the unreadable journal listed must be removed by hand (see above).\n");
  });

  it("has nothing to do for the sandbox", async () => {
    const result = await cli(["cleanup"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Nothing to clean up: the sandbox starts empty on every run and keeps nothing afterwards.\n");
  });
});
