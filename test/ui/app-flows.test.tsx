import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { shippedQuestion, shippedStepCount } from "../helpers/seeded-shuffles";
import { answerOnScreen } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// The real flows of the app, on the shipped lessons with the sandbox as target.
let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the app", () => {
  it("opens on the home screen with a welcome, and navigates to the lessons and back", async () => {
    app = await renderApp();
    const home = await app.waitFor("Start: S3 in one picture");
    expect(home).toContain("Welcome!");
    expect(home).toContain("nothing to install, no account");
    expect(home).toContain("--target localstack or --target aws");
    expect(home).toContain("sandbox · eu-west-1 · not started");
    await app.press(KEYS.down, KEYS.enter);
    const lessons = await app.waitFor("Lessons");
    expect(lessons).toMatch(/· S3 in one picture +s3-basics +9 min/);
    expect(lessons).toMatch(/· Global service, regional buckets +regions-and-buckets +10 min/);
    // Thirteen lessons and the chosen one's detail do not all fit: the legend says so, and ↑ from
    // the first row reaches the last lesson, the interview drill.
    expect(lessons).toMatch(/\d+ of \d+ shown, ↑\/↓ for more/);
    expect(lessons).not.toContain("interview-drill");
    await app.press(KEYS.up);
    expect(await app.waitFor("s3-tutor lesson interview-drill")).toMatch(/· Interview drill +interview-drill +15 min/);
    await app.press(KEYS.escape);
    await app.waitFor("Practice quiz");
    expect(app.frame()).not.toContain("Welcome!");
  });

  it("answers a question in a lesson and shows the explanation and its source", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "regions-and-buckets" } });
    await app.waitFor("One list, many regions");
    await app.press("n");
    await app.waitFor("Where is the file stored?");
    // The options are shuffled: the right one is found on screen.
    await answerOnScreen(app, shippedQuestion("regions.home-region"), true);
    const feedback = await app.waitFor("✓ Correct.");
    expect(feedback).toContain("A bucket lives in exactly one Region");
    expect(feedback).toContain("Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingBucket.html");
  });

  it("a wrong answer says so and gives the right one", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "regions-and-buckets" } });
    await app.press("n");
    await app.waitFor("Where is the file stored?");
    await answerOnScreen(app, shippedQuestion("regions.home-region"), false);
    const feedback = await app.waitFor("✗ Not quite.");
    expect(feedback).toContain("The answer: In eu-west-1 only, unless you copy or replicate it elsewhere");
  });

  it("runs a hands-on step for the learner, checks it, and shows ✓ with the response details", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "regions-and-buckets" } });
    await app.press("n");
    await app.waitFor("Where is the file stored?");
    await app.press(KEYS.enter, "n");
    await app.waitFor("▶ Buckets in two regions");
    await app.waitFor("Do it yourself");
    // The goal is markdown, with the lesson's variables filled in.
    await app.waitFor("Create s3t-home in eu-west-1 and s3t-away in us-west-2");
    await app.press("s");
    const solved = await app.waitFor("Now press c to check.");
    expect(solved).toContain("✓ s3:CreateBucket");
    await app.press("c");
    const checked = await app.waitFor("✓ Step passed.");
    expect(checked).toContain("✓ ListBuckets from sa-east-1 lists both buckets with their regions");
    expect(checked).toContain("x-amz-bucket-region: us-west-2");
    expect(checked).toContain("sandbox · eu-west-1 · account 111122223333");
  });

  it("a check before doing the work fails, with the reason in words", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "global-namespace" } });
    await app.press("n");
    await app.waitFor("Can you create");
    await app.press(KEYS.down, KEYS.down, KEYS.enter, "n");
    await app.waitFor("▶ Claim a name");
    await app.waitFor("Do it yourself");
    await app.press("c");
    const failed = await app.waitFor("✗ s3t-claim is yours, in eu-west-1");
    expect(failed).toMatch(/failed with NotFound \(404\)/);
    expect(failed).toContain("Fix it and press c again");
  });

  it("shows the code to do the step yourself: SDK and AWS CLI", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "global-namespace" } });
    await app.press("n", KEYS.down, KEYS.down, KEYS.enter, "n");
    await app.waitFor("Do it yourself");
    await app.press("v");
    const sdk = await app.waitFor("CreateBucketCommand");
    expect(sdk).toContain('import { S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";');
    await app.press(KEYS.tab);
    const cli = await app.waitFor("aws s3api create-bucket");
    // Split before its options with line continuations, so it pastes as one command.
    expect(cli).toContain("AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api create-bucket \\");
    expect(cli).toContain("    --bucket s3t-claim \\");
    expect(cli).toContain("    --create-bucket-configuration LocationConstraint=eu-west-1 \\");
    expect(cli).toMatch(/ {4}--endpoint-url http:\/\/127\.0\.0\.1:\d+ \\\n {5}--region eu-west-1/);
  });

  it("quits, then resumes at the step where the learner left", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "regions-and-buckets" } });
    await app.press("n");
    await app.waitFor("Where is the file stored?");
    await app.press(KEYS.enter, "n");
    await app.waitFor("▶ Buckets in two regions");
    await app.press("q");
    expect(await app.waitForExit()).toEqual({ cleanup: false });
    const stateDir = app.stateDir;
    await app.unmount();

    app = await renderApp({ stateDir });
    const home = await app.waitFor("Continue: Global service, regional buckets");
    const steps = shippedStepCount("regions-and-buckets");
    expect(home).toContain(`step 3 of ${steps}`);
    await app.press(KEYS.enter);
    await app.waitFor("▶ Buckets in two regions");
    expect(app.frame()).toContain(`step 3 of ${steps}  ✓✓▸`);
  });

  it("a corrupt progress file is moved aside, the learner is told, and the app starts fresh", async () => {
    const first = await renderApp();
    const stateDir = first.stateDir;
    await first.unmount();
    writeFileSync(join(stateDir, "progress.json"), "{ not json");
    app = await renderApp({ stateDir });
    const home = await app.waitFor("Your progress file could not be read");
    expect(home).toContain("you start fresh");
    expect(home).toContain("Start: S3 in one picture");
  });

  it("? shows every key from the key table, and any key closes it", async () => {
    app = await renderApp();
    await app.press("?");
    const help = await app.waitFor("Keys on this screen (Home)");
    expect(help).toContain("show the hint (lesson)");
    // Page down until the key table's later rows come (how many pages depends on how many keys there are).
    for (let page = 0; page < 5 && !app.frame().includes("reset every lesson (asks first)"); page++) {
      const before = app.frame();
      await app.press("\u001B[6~");
      await app.waitFor((frame) => frame !== before);
    }
    await app.waitFor("reset every lesson (asks first)");
    await app.press("x");
    await app.waitFor("Practice quiz");
  });

  it("resetting a lesson asks first", async () => {
    app = await renderApp({ initialView: { screen: "lessons" } });
    await app.waitFor("Lessons");
    await app.press("r");
    await app.waitFor('Reset "S3 in one picture"?');
    await app.press("n");
    expect(app.frame()).not.toContain("starts afresh");
    await app.press("r");
    await app.waitFor("Reset");
    await app.press("y");
    await app.waitFor('"S3 in one picture" starts afresh.');
  });
});
