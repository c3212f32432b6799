import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { finished, spawnCli } from "../helpers/cli";
import { LEARNER_ACCOUNT, REGION, useAwsOnSandbox } from "./helpers/aws-on-sandbox";
import { lessonLookAlikes, lookAlikeState, makeLookAlikes, untouched } from "./helpers/look-alikes";

/**
 * The drill of issue 13: four acme-* buckets and a role already in the account, objects and tags
 * on them, then `run all --auto --target aws --prefix acme` and `s3-tutor cleanup`, with the
 * sandbox standing in for the account.
 */

const { awsTarget, endpoint, stateDir } = useAwsOnSandbox();

const { buckets: BUCKETS, roles: ROLES } = lessonLookAlikes("acme");

const cli = (args: string[]) =>
  finished(spawnCli(args, { AWS_ACCESS_KEY_ID: LEARNER_ACCOUNT, AWS_SECRET_ACCESS_KEY: "test", [STATE_DIR_VARIABLE]: stateDir() }));

const awsArgs = () => ["--target", "aws", "--endpoint", endpoint(), "--region", REGION];

describe("a prefix the account already uses", () => {
  it("refuses run all --auto --prefix acme before the first write, and cleanup leaves the look-alikes alone", { timeout: 60_000 }, async () => {
    await makeLookAlikes(endpoint(), BUCKETS, ROLES);
    // The journal an older s3-tutor left: it kept two buckets after a BucketAlreadyOwnedByYou, and the role.
    await mkdir(join(stateDir(), "targets", "aws"), { recursive: true });
    const legacy = ["acme-claim", "acme-tiers"].map((name) => ({ kind: "bucket", name, account: LEARNER_ACCOUNT, region: REGION, endpoint: endpoint(), prefix: "acme", journaledAt: "2026-11-01T10:00:00.000Z" }));
    const legacyRole = { kind: "role", name: "acme-replication", account: LEARNER_ACCOUNT, endpoint: endpoint(), prefix: "acme", journaledAt: "2026-11-01T10:00:00.000Z" };
    await writeFile(join(stateDir(), "targets", "aws", "journal.json"), JSON.stringify({ version: 1, resources: [...legacy, legacyRole] }));

    const run = await cli(["run", "all", "--auto", ...awsArgs(), "--prefix", "acme", "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `The prefix "acme" is already used in AWS account ${LEARNER_ACCOUNT}: bucket acme-claim, bucket acme-src, bucket acme-tiers, bucket acme-virginia and role acme-replication are not s3-tutor's`,
    );
    expect(run.stderr).toContain("so it will not use this prefix; nothing was changed.");
    expect(run.stderr).toMatch(/Pick a prefix nothing in the account starts with, e\.g\. --prefix s3t-[a-z0-9]{6}, or leave out --prefix/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await lookAlikeState(endpoint(), BUCKETS, ROLES)).toEqual(untouched(BUCKETS, ROLES));

    const cleanup = await cli(["cleanup", ...awsArgs()]);
    expect(cleanup.stderr).toBe("");
    expect(cleanup.code).toBe(0);
    expect(cleanup.stdout).toContain(
      `  – bucket acme-claim (${REGION}): left alone: it is in your account, but it does not carry the tag s3-tutor=acme that s3-tutor put on what it created`,
    );
    expect(cleanup.stdout).toContain(`  – bucket acme-tiers (${REGION}): left alone:`);
    expect(cleanup.stdout).toContain("  – role acme-replication: left alone: it is in your account, but it does not carry the tag s3-tutor=acme");
    expect(cleanup.stdout).toContain("3 resource(s) were left alone: s3-tutor cannot prove it created them");
    expect(cleanup.stdout).toContain("Done: nothing is left in the cleanup journal.");
    expect(await lookAlikeState(endpoint(), BUCKETS, ROLES)).toEqual(untouched(BUCKETS, ROLES));
    // journal.json was read once and carried over.
    await expect(readFile(join(stateDir(), "targets", "aws", "journal.json"), "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("gives way to a free prefix when s3-tutor chose the one in use, and remembers it", { timeout: 120_000 }, async () => {
    await mkdir(join(stateDir(), "targets", "aws"), { recursive: true });
    await writeFile(join(stateDir(), "targets", "aws", "session.json"), JSON.stringify({ prefix: "s3t-taken1" }));
    const taken = [{ name: "s3t-taken1-data", region: REGION }];
    await makeLookAlikes(endpoint(), taken, []);

    const run = await cli(["run", "s3-basics", "--auto", ...awsArgs(), "--yes"]);
    expect(run.stderr).toMatch(/^s3-tutor: The prefix s3t-taken1 is already used in your account by bucket s3t-taken1-data, which s3-tutor did not create; using s3t-[a-z0-9]{6} instead\.\n$/);
    expect(run.code, run.stdout).toBe(0);
    const chosen = /using (s3t-[a-z0-9]{6}) instead/.exec(run.stderr)?.[1];
    expect(run.stdout).toContain(`prefix ${chosen}`);
    expect(JSON.parse(await readFile(join(stateDir(), "targets", "aws", "session.json"), "utf8"))).toEqual({ prefix: chosen });
    expect(await lookAlikeState(endpoint(), taken, [])).toEqual(untouched(taken, []));
    const s3 = new S3Client({ endpoint: endpoint(), region: REGION, forcePathStyle: true, credentials: { accessKeyId: LEARNER_ACCOUNT, secretAccessKey: "test" } });
    expect(((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name)).toEqual(["s3t-taken1-data"]);
    s3.destroy();
  });

  it("checks a prefix once per account: what the learner makes under it afterwards does not take it away", async () => {
    const first = await awsTarget({ prefix: undefined });
    await first.preflight();
    const prefix = first.prefix;
    // The learner does a lesson's step by hand in their own shell.
    const byHand = [{ name: `${prefix}-claim`, region: REGION }];
    await makeLookAlikes(endpoint(), byHand, []);

    const notices: string[] = [];
    const later = await awsTarget({ prefix: undefined, onNotice: (message) => notices.push(message) });
    await later.preflight();
    expect(later.prefix).toBe(prefix);
    expect(notices).toEqual([]);
    // Still not s3-tutor's to change.
    await expect(later.beforeCall({ service: "s3", operation: "DeleteBucket", input: { Bucket: `${prefix}-claim` }, identity: "default", region: REGION, expectsError: false })).rejects.toThrow(
      /It was left alone\./,
    );
    expect(await lookAlikeState(endpoint(), byHand, [])).toEqual(untouched(byHand, []));
  });
});
