import { describe, expect, it } from "vitest";
import { fixture, problemLines } from "./fixtures";

// Mistakes that take more than one field or file to see: ids, references, calls, variables, answers.

const lesson = (name: string) => fixture("bad", "lessons", `${name}.yaml`);

describe("checks across fields and files", () => {
  it("accepts the good fixtures: every step kind and action feature, references resolved", async () => {
    expect(await problemLines(fixture("good"))).toEqual([]);
  });

  it("reports a duplicate lesson id and a duplicate question id at the second one, naming the first", async () => {
    const first = fixture("duplicates", "lessons", "first.yaml");
    const second = fixture("duplicates", "lessons", "second.yaml");
    const quiz = fixture("duplicates", "quizzes", "dup.yaml");
    expect(await problemLines(fixture("duplicates"))).toEqual([
      `${second}:2:5: lesson id "same-lesson" is already used (first at ${first}:2:5)`,
      `${quiz}:11:9: question id "dup.same-question" is already used (first at ${quiz}:5:9)`,
    ]);
  });

  it("reports requires and quiz steps that name nothing known", async () => {
    const file = lesson("unknown-references");
    // Checked together with the good fixtures, so "fixture-basic" has a near miss to suggest.
    expect(await problemLines(file, fixture("good"))).toEqual([
      `${file}:6:12: unknown lesson "fixture-basic" (did you mean "fixture-basics"?)`,
      `${file}:6:27: a lesson cannot require itself`,
      `${file}:8:11: unknown question "fixture.no-such-question"`,
    ]);
  });

  it("reports check fields written where they cannot judge anything, and step or question ids used twice", async () => {
    const file = lesson("misplaced-checks");
    expect(await problemLines(file)).toEqual([
      `${file}:14:11: "ask" belongs in check: the learner answers when they press check, not in solve`,
      `${file}:18:11: "expectDecision" judges the answer of iam:SimulatePrincipalPolicy or iam:SimulateCustomPolicy, not s3:HeadBucket`,
      `${file}:20:11: "expectTrust" judges the answer of iam:GetRole, not iam:ListRoles`,
      `${file}:22:11: "expectLifecycle" judges the answer of s3:GetBucketLifecycleConfiguration, not s3:GetBucketVersioning`,
      `${file}:28:22: another question of this step is already "same"`,
      `${file}:30:11: another hands-on step of this lesson is already "first"`,
      `${file}:37:11: "3" would read as a step number; give the step a name`,
    ]);
  });

  it("reports calls outside S3/IAM/STS and operations the SDK does not have", async () => {
    const file = lesson("bad-calls");
    expect(await problemLines(file)).toEqual([
      `${file}:11:17: "ec2" is not a service lessons may call: use "s3", "iam", "sts" or "s3control"`,
      `${file}:12:17: the S3 SDK has no operation "CreateBuckets" (did you mean "CreateBucket"?)`,
      `${file}:13:17: the S3 SDK has no operation "createBucket" (did you mean "CreateBucket"?)`,
      `${file}:14:17: the S3 SDK has no operation "PutObjectCommand" (did you mean "PutObject"?)`,
      `${file}:15:17: "s3CreateBucket" is not service:Operation, such as "s3:CreateBucket"`,
      `${file}:16:17: "S3" is not a service lessons may call: use "s3", "iam", "sts" or "s3control" (did you mean "s3"?)`,
    ]);
  });

  it("points at each {{variable}} that is not built in or not saved by an earlier action", async () => {
    const file = lesson("undefined-variables");
    expect(await problemLines(file)).toEqual([
      `${file}:9:22: unknown variable {{bucket}}: neither built in nor saved by an earlier action`,
      `${file}:10:28: {{firstVersion}} is used before the action that saves it`,
      `${file}:13:71: {{firstVersion}} is used before the action that saves it`,
      `${file}:18:20: unknown variable {{otherRegoin}}: neither built in nor saved by an earlier action (did you mean {{otherRegion}}?)`,
      `${file}:23:41: unknown variable {{acount}}: neither built in nor saved by an earlier action (did you mean {{account}}?)`,
      `${file}:24:26: unknown variable {{who}}: neither built in nor saved by an earlier action`,
    ]);
  });

  it("refuses an action that expects both a result and an error", async () => {
    const file = lesson("expect-and-error");
    expect(await problemLines(file)).toEqual([
      `${file}:14:11: an action expects either a result ("expect") or an error ("expectError"), not both`,
    ]);
  });

  it("points at a $ field in expect or retryWhile that is not $only alone over a list", async () => {
    const file = lesson("expect-markers");
    expect(await problemLines(file)).toEqual([
      `${file}:15:32: "$exactly" is no marker expect knows: "$only: [...]" is a list that holds nothing more`,
      `${file}:16:32: "$only" stands alone in its map: it takes the place of the list`,
      `${file}:17:39: "$only" takes a list: the elements the list holds, and nothing more`,
      `${file}:19:71: "$any" is no marker expect knows: "$only: [...]" is a list that holds nothing more`,
    ]);
  });

  it("reports questions that cannot be answered right and ids outside the file's topic", async () => {
    const file = fixture("bad", "quizzes", "answers.yaml");
    expect(await problemLines(file)).toEqual([
      `${file}:8:5: no choice is marked "correct: true"`,
      `${file}:20:9: a "single" question has one correct choice; use "type: multi" for more`,
      `${file}:26:5: no choice is marked "correct: true"`,
      `${file}:31:9: question id "naming.wrong-topic" must start with "answers.", the topic of this file`,
    ]);
  });
});
