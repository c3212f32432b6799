import { afterAll, describe, expect, it } from "vitest";
import type { Lesson } from "../../src/content/schema/lesson";
import { inTeachingOrder } from "../../src/content/teaching-order";
import { autoRunLesson } from "../../src/handson/auto-run";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import type { Target } from "../../src/targets/target";

const target = sandboxTarget({ prefix: "autorun" });
afterAll(() => target.close());

const lesson = (steps: Lesson["steps"], id = "demo"): Lesson => ({ id, title: "Demo", summary: "A test lesson.", minutes: 5, steps });

describe("run --auto on one lesson", () => {
  it("solves and checks each hands-on step through the lesson session, and cleans up after", async () => {
    const run = await autoRunLesson(
      lesson([
        { read: "Hello." },
        { quiz: "buckets.home-region" },
        {
          handsOn: {
            title: "Make a bucket",
            goal: "Create {{prefix}}-made.",
            solve: [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-made", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } }],
            check: [{ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-made" }, expect: { BucketRegion: "{{region}}" } }],
            cleanup: [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-made" } }],
          },
        },
      ]),
      target,
    );
    expect(run.steps.map((step) => [step.title, step.outcome])).toEqual([["Make a bucket", "passed"]]);
    expect(run.passed).toBe(true);
    expect(run.complete).toBe(true);
    // The quiz was passed over, not answered: only the hands-on step counts, and it was done for the learner.
    expect(run.score).toEqual({ earned: 0, possible: 2, percent: 0 });
    expect(run.cleanup[0]?.pass).toBe(true);
    const gone = await autoRunLesson(
      lesson([{ handsOn: { title: "Gone?", goal: "-", solve: [{ call: "s3:HeadBucket", input: { Bucket: "autorun-made" }, expectError: { code: "NotFound", status: 404 } }] } }]),
      target,
    );
    expect(gone.passed).toBe(true);
  });

  it("a failing check fails the step with the reason in words, and the run", async () => {
    const run = await autoRunLesson(
      lesson([
        {
          handsOn: {
            title: "Wrong region expected",
            goal: "-",
            solve: [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-wrong", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } }],
            check: [{ call: "s3:HeadBucket", label: "the bucket is in us-west-2", input: { Bucket: "{{prefix}}-wrong" }, expect: { BucketRegion: "us-west-2" } }],
            cleanup: [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-wrong" } }],
          },
        },
      ]),
      target,
    );
    expect(run.passed).toBe(false);
    expect(run.steps[0]?.outcome).toBe("failed");
    expect(run.steps[0]?.reason).toBe("check · the bucket is in us-west-2: BucketRegion is eu-west-1, expected us-west-2");
    expect(run.cleanup[0]?.pass).toBe(true);
  });

  it("a step needing what the target lacks is not applicable, with the reason and what AWS would show", async () => {
    const withoutSecondAccount: Target = Object.assign(Object.create(target) as Target, {
      capabilities: new Set(["regionRedirect"]),
      identities: ["default"],
    });
    const run = await autoRunLesson(
      lesson([
        {
          handsOn: {
            title: "Another account",
            goal: "-",
            needs: ["secondAccount"],
            as: "other",
            otherwise: "On AWS another account gets BucketAlreadyExists for {{prefix}}-data.",
            solve: [{ call: "s3:ListBuckets" }],
          },
        },
      ]),
      withoutSecondAccount,
    );
    expect(run.steps[0]).toMatchObject({ outcome: "notApplicable", missing: ["secondAccount"] });
    expect(run.steps[0]?.reason).toBe(
      "needs a second account, which the sandbox cannot provide here. On AWS another account gets BucketAlreadyExists for autorun-data.",
    );
    expect(run.passed).toBe(true);
  });

  it("orders lessons after the lessons they require", () => {
    const a = lesson([{ read: "a" }], "a-first");
    const b = { ...lesson([{ read: "b" }], "b-second"), requires: ["c-third"] };
    const c = lesson([{ read: "c" }], "c-third");
    expect(inTeachingOrder([b, a, c]).map((l) => l.id)).toEqual(["a-first", "c-third", "b-second"]);
  });

  it("breaks ties by id in the order localeCompare gives ids of words and hyphens", () => {
    const ids = ["ab", "a0", "a-b", "a", "b-2", "b10", "b-10", "a-b-c", "9z"];
    const ordered = inTeachingOrder(ids.map((id) => lesson([{ read: id }], id))).map((l) => l.id);
    expect(ordered).toEqual([...ids].sort((x, y) => x.localeCompare(y)));
    expect(ordered).toEqual(["9z", "a", "a-b", "a-b-c", "a0", "ab", "b-10", "b-2", "b10"]);
  });
});
