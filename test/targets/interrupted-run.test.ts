import { IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { CleanupJournal } from "../../src/targets/journal";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";
import { LEARNER_ACCOUNT, REGION, useAwsOnSandbox } from "./helpers/aws-on-sandbox";

/**
 * Ctrl-C in the middle of a hands-on step on the aws code path (pointed at a started sandbox,
 * credentials in the environment as the default chain reads them), then `s3-tutor cleanup`.
 */

const PREFIX = "s3t-intr01";
const LESSON = fileURLToPath(new URL("fixtures/interrupted-run.yaml", import.meta.url));
const { endpoint, stateDir } = useAwsOnSandbox();

const credentials = { accessKeyId: LEARNER_ACCOUNT, secretAccessKey: "test" };
const environment = () => ({ [STATE_DIR_VARIABLE]: stateDir(), AWS_ACCESS_KEY_ID: LEARNER_ACCOUNT, AWS_SECRET_ACCESS_KEY: "test" });

/** What the learner's account holds with the session prefix, listed through the SDK. */
const leftovers = async () => {
  const s3 = new S3Client({ endpoint: endpoint(), region: REGION, credentials, forcePathStyle: true });
  const iam = new IAMClient({ endpoint: endpoint(), region: REGION, credentials });
  try {
    const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name ?? "");
    const roles = ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((role) => role.RoleName ?? "");
    return { buckets: buckets.filter((name) => name.startsWith(PREFIX)).sort(), roles: roles.filter((name) => name.startsWith(PREFIX)) };
  } finally {
    s3.destroy();
    iam.destroy();
  }
};

const until = async (condition: () => Promise<boolean>, timeoutMs = 15_000) => {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe("Ctrl-C during run --auto on the aws target, then cleanup", () => {
  it("stops with exit 130, keeps the journal, and cleanup leaves no bucket or role behind", { timeout: 60_000 }, async () => {
    const child = spawnCli(
      ["run", LESSON, "--auto", "--target", "aws", "--endpoint", endpoint(), "--region", REGION, "--prefix", PREFIX, "--yes"],
      environment(),
    );
    const result = finished(child);
    await waitForOutput(child, /✓ Make a bucket and a role/, 30_000);
    // The second step is under way once its bucket exists: it now polls for an object that never comes.
    await until(async () => (await leftovers()).buckets.includes(`${PREFIX}-logs`));
    child.kill("SIGINT");

    const stopped = await result;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(
      `s3-tutor: interrupted; nothing more will be created. What this run created is in the cleanup journal: remove it with s3-tutor cleanup --target aws --region ${REGION} --endpoint ${endpoint()}`,
    );
    expect(stopped.stdout).not.toContain("Wait for what never comes");
    expect(await leftovers()).toEqual({ buckets: [`${PREFIX}-data`, `${PREFIX}-logs`], roles: [`${PREFIX}-role`] });
    const journal = await CleanupJournal.forTarget("aws", (message) => expect.fail(message)).entries();
    expect(journal.map(({ kind, name }) => `${kind} ${name}`).sort()).toEqual([`bucket ${PREFIX}-data`, `bucket ${PREFIX}-logs`, `role ${PREFIX}-role`]);

    const cleanup = await finished(spawnCli(["cleanup", "--target", "aws", "--endpoint", endpoint(), "--region", REGION], environment()));
    expect(cleanup.stderr).toBe("");
    expect(cleanup.code).toBe(0);
    expect(cleanup.stdout).toContain(`✓ bucket ${PREFIX}-data (${REGION}): removed with 1 object version or delete marker`);
    expect(cleanup.stdout).toContain("Done: nothing is left in the cleanup journal.");
    expect(await leftovers()).toEqual({ buckets: [], roles: [] });
  });
});
