import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { finished, spawnCli } from "../helpers/cli";
import { LEARNER_ACCOUNT, REGION, useAwsOnSandbox } from "./helpers/aws-on-sandbox";

/**
 * The whole curriculum on the aws target, pointed at the sandbox: the code path a learner with a
 * real account takes. There is no second account, so steps that need one run their real-account
 * variant. The sandbox stands in for the world: a stranger's account owns `commoncrawl`, as on AWS.
 */

const STRANGER_ACCOUNT = "444455556666";

interface Report {
  passed: boolean;
  totals: { passed: number; failed: number; notApplicable: number };
  lessons: { lessonId: string; steps: { title: string; outcome: string; phases: { actions: { items: { label: string }[] }[] }[] }[] }[];
}

describe("run all --auto --target aws", () => {
  const { endpoint, stateDir } = useAwsOnSandbox();

  it("passes every step; steps that need a second account run their real-account variant", { timeout: 120_000 }, async () => {
    const stranger = new S3Client({
      region: "us-east-1",
      endpoint: endpoint(),
      forcePathStyle: true,
      credentials: { accessKeyId: STRANGER_ACCOUNT, secretAccessKey: "test" },
    });
    await stranger.send(new CreateBucketCommand({ Bucket: "commoncrawl" }));

    const result = await finished(
      spawnCli(["run", "all", "--auto", "--json", "--target", "aws", "--endpoint", endpoint(), "--region", REGION, "--yes"], {
        AWS_ACCESS_KEY_ID: LEARNER_ACCOUNT,
        AWS_SECRET_ACCESS_KEY: "test",
        [STATE_DIR_VARIABLE]: stateDir(),
      }),
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // The aws target withholds multiRegionAccessPoints (its guard and journal know no S3 Control resources).
    const notOnAws = (lessonId: string, outcome: string) => lessonId === "mrap" && outcome === "notApplicable";
    const failed = report.lessons.flatMap((lesson) =>
      lesson.steps.filter((step) => step.outcome !== "passed" && !notOnAws(lesson.lessonId, step.outcome)).map((step) => `${lesson.lessonId}: ${step.title} ${step.outcome}`),
    );
    expect(failed).toEqual([]);
    const mrapSteps = report.lessons.find((lesson) => lesson.lessonId === "mrap")?.steps.length ?? 0;
    expect(mrapSteps).toBeGreaterThan(0);
    expect(report.totals.notApplicable).toBe(mrapSteps);

    const labels = (lessonId: string, title: string) =>
      report.lessons
        .find((lesson) => lesson.lessonId === lessonId)
        ?.steps.find((step) => step.title === title)
        ?.phases.flatMap((phase) => phase.actions.flatMap((action) => action.items.map((item) => item.label))) ?? [];
    expect(labels("global-namespace", "Another account tries the same name")).toContain("fails with BucketAlreadyExists (409)");
    expect(labels("global-namespace", "A freed name is anyone's")).toContain("fails with NotFound (404)");
  });
});
