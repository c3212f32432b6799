import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandsOn } from "../../src/content/schema/lesson";
import { missingCapabilities } from "../../src/handson/needs";
import { actionsOf, plannedCalls, runCleanup, runPhase, runStepPhases, type RunContext } from "../../src/handson/runner";
import { targetVariables } from "../../src/handson/variables";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import { TargetError, type PlannedCall } from "../../src/targets/target";
import { stubTarget } from "./stub-target";

const target = sandboxTarget({ prefix: "run" });
let context: RunContext;

beforeAll(async () => {
  context = { target, variables: await targetVariables(target) };
});
afterAll(() => target.close());

const claim: HandsOn = {
  title: "Claim a name",
  goal: "Create {{prefix}}-data in {{region}}.",
  solve: [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } }],
  check: [{ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, expect: { BucketRegion: "{{region}}" } }],
  cleanup: [
    { call: "s3:DeleteObject", input: { Bucket: "{{prefix}}-data", Key: "never-written.txt" } },
    { call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-data" } },
  ],
};

describe("phases", () => {
  it("runs setup, solve and check of a step and reports each phase", async () => {
    const phases = await runStepPhases(claim, context);
    expect(phases.map((phase) => [phase.phase, phase.pass, phase.actions.length])).toEqual([
      ["setup", true, 0],
      ["solve", true, 1],
      ["check", true, 1],
    ]);
    expect(phases[2]?.actions[0]?.items).toMatchObject([{ label: "BucketRegion is eu-west-1", pass: true }]);
  });

  it("check defaults to solve's actions and their expectations", async () => {
    const other: HandsOn = {
      title: "Another account tries the same name",
      goal: "See the name is taken.",
      as: "other",
      solve: [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data" }, expectError: { code: "BucketAlreadyExists", status: 409 } }],
    };
    expect(actionsOf(other, "check")).toBe(other.solve);
    const phases = await runStepPhases(other, context, ["check"]);
    expect(phases).toHaveLength(1);
    expect(phases[0]?.actions[0]).toMatchObject({ identity: "other", pass: true, items: [{ label: "fails with BucketAlreadyExists (409)", pass: true }] });
  });

  it("stops a phase at the first failure and marks the rest not run", async () => {
    const phase = await runPhase(
      "solve",
      [
        { call: "s3:PutObject", input: { Bucket: "{{prefix}}-nowhere", Key: "a.txt", Body: "a" }, save: { version: "VersionId" } },
        { call: "s3:GetObject", input: { Bucket: "{{prefix}}-nowhere", Key: "a.txt", VersionId: "{{version}}" } },
        { call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" } },
      ],
      context,
    );
    expect(phase.pass).toBe(false);
    expect(phase.actions.map((action) => [action.operation, action.pass, action.notRun ?? false, action.attempts])).toEqual([
      ["PutObject", false, false, 1],
      ["GetObject", false, true, 0],
      ["HeadBucket", false, true, 0],
    ]);
    expect(phase.actions[0]?.items[0]?.reason).toBe("failed with NoSuchBucket (404): The specified bucket does not exist");
    // A not-run action is shown as far as it can be templated.
    expect(phase.actions[1]?.action.input).toEqual({ Bucket: "run-nowhere", Key: "a.txt", VersionId: "{{version}}" });
  });

  it("a failed phase leaves the step's later phases not run", async () => {
    const broken: HandsOn = { ...claim, setup: [{ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-missing" } }] };
    const phases = await runStepPhases(broken, context);
    expect(phases.map((phase) => [phase.phase, phase.pass, phase.actions.map((action) => action.notRun ?? false)])).toEqual([
      ["setup", false, [false]],
      ["solve", false, [true]],
      ["check", false, [true]],
    ]);
    expect(phases[0]?.actions[0]?.items[0]?.reason).toBe("failed with NotFound (404): Not Found");
  });

  it("tolerate: lets setup run twice", async () => {
    const create = { call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-prereq", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } };
    const setup = [{ ...create, tolerate: ["BucketAlreadyOwnedByYou"] }];
    expect((await runPhase("setup", setup, context)).pass).toBe(true);
    const again = await runPhase("setup", setup, context);
    expect(again.pass).toBe(true);
    expect(again.actions[0]?.items).toEqual([{ label: "CreateBucket: BucketAlreadyOwnedByYou, which is fine here", pass: true, reason: "" }]);
    // Without tolerate, the same call is a failure the learner should see.
    expect((await runPhase("setup", [create], context)).actions[0]?.items[0]?.reason).toMatch(/^failed with BucketAlreadyOwnedByYou \(409\)/);
  });
});

describe("confirming writes first", () => {
  const step: HandsOn = {
    title: "Versions",
    goal: "g",
    setup: [
      { call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-confirm" }, tolerate: ["BucketAlreadyOwnedByYou"] },
      { call: "s3:PutBucketVersioning", input: { Bucket: "{{prefix}}-confirm", VersioningConfiguration: { Status: "Enabled" } } },
    ],
    solve: [
      { call: "s3:PutObject", input: { Bucket: "{{prefix}}-confirm", Key: "a.txt", Body: "a" }, save: { version: "VersionId" } },
      { call: "s3:GetObject", as: "other", input: { Bucket: "{{prefix}}-confirm", Key: "a.txt", VersionId: "{{version}}" }, expectError: { code: "AccessDenied" } },
    ],
  };

  it("lists every call of the step, saved values still as placeholders", () => {
    expect(plannedCalls(step, context, ["setup", "solve"])).toEqual([
      { service: "s3", operation: "CreateBucket", input: { Bucket: "run-confirm" }, identity: "default", region: "eu-west-1", expectsError: false },
      { service: "s3", operation: "PutBucketVersioning", input: { Bucket: "run-confirm", VersioningConfiguration: { Status: "Enabled" } }, identity: "default", region: "eu-west-1", expectsError: false },
      { service: "s3", operation: "PutObject", input: { Bucket: "run-confirm", Key: "a.txt", Body: "a" }, identity: "default", region: "eu-west-1", expectsError: false },
      { service: "s3", operation: "GetObject", input: { Bucket: "run-confirm", Key: "a.txt", VersionId: "{{version}}" }, identity: "other", region: "eu-west-1", expectsError: true },
    ]);
  });

  it("asks the target once before running, and runs nothing when declined", async () => {
    const asked: PlannedCall[][] = [];
    const declining = {
      ...target,
      confirmWrites: async (calls: readonly PlannedCall[]) => {
        asked.push([...calls]);
        throw new TargetError("Nothing was created: you declined.", "Run again and answer yes, or use --target sandbox.");
      },
    };
    const phases = await runStepPhases(step, { ...context, target: declining });
    expect(asked.map((calls) => calls.map((call) => call.operation))).toEqual([["CreateBucket", "PutBucketVersioning", "PutObject", "GetObject", "PutObject", "GetObject"]]);
    expect(phases.map((phase) => phase.actions.map((action) => (action.notRun ? "not run" : action.items[0]?.reason)))).toEqual([
      ["Nothing was created: you declined. (Run again and answer yes, or use --target sandbox.)", "not run"],
      ["not run", "not run"],
      ["not run", "not run"],
    ]);
    const confirming = { ...target, confirmWrites: async () => undefined };
    expect((await runStepPhases(step, { ...context, target: confirming })).map((phase) => phase.pass)).toEqual([true, true, true]);
  });
});

describe("save", () => {
  it("saves output values by path for later actions, keeping their type", async () => {
    const phase = await runPhase(
      "solve",
      [
        { call: "s3:PutBucketVersioning", input: { Bucket: "{{prefix}}-data", VersioningConfiguration: { Status: "Enabled" } } },
        { call: "s3:PutObject", input: { Bucket: "{{prefix}}-data", Key: "v.txt", Body: "first" }, save: { firstVersion: "VersionId" } },
        { call: "s3:PutObject", input: { Bucket: "{{prefix}}-data", Key: "v.txt", Body: "second" } },
        { call: "s3:GetObject", input: { Bucket: "{{prefix}}-data", Key: "v.txt", VersionId: "{{firstVersion}}" }, expect: { Body: "first", VersionId: "{{firstVersion}}" }, save: { size: "ContentLength" } },
        { call: "s3:ListBuckets", save: { firstBucket: "Buckets.0.Name", alsoFirst: "Buckets[0].Name" } },
      ],
      context,
    );
    expect(phase.actions.map((action) => action.items.filter((item) => !item.pass).map((item) => item.reason))).toEqual([[], [], [], [], []]);
    const firstVersion = phase.actions[1]?.saved?.firstVersion;
    expect(typeof firstVersion).toBe("string");
    expect(phase.actions[1]?.headers["x-amz-version-id"]).toBe(firstVersion);
    const firstBucket = (phase.actions[4]?.output as { Buckets: { Name: string }[] }).Buckets[0]?.Name;
    expect(firstBucket).toMatch(/^run-/);
    expect(context.variables).toMatchObject({ firstVersion, size: 5, firstBucket, alsoFirst: firstBucket });
  });

  it("a path that is not in the output fails the action", async () => {
    const phase = await runPhase("solve", [{ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-data" }, save: { version: "VersionId" } }], context);
    expect(phase.actions[0]?.items).toEqual([
      { label: "HeadBucket succeeds", pass: true, reason: "" },
      { label: "saves VersionId as version", pass: false, reason: "VersionId is not in the output" },
    ]);
  });
});

describe("cleanup", () => {
  it("tries every action, and 'already gone' counts as done", async () => {
    const versioned = await runPhase(
      "cleanup",
      [
        { call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-data" } },
        { call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-prereq" } },
      ],
      context,
    );
    // The versioned bucket still holds objects; cleanup goes on to the next action anyway.
    expect(versioned.actions.map((action) => [action.pass, action.error?.code])).toEqual([
      [false, "BucketNotEmpty"],
      [true, undefined],
    ]);

    const step: HandsOn = { ...claim, cleanup: [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-prereq" } }, { call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-prereq" } }] };
    const result = await runCleanup(step, context);
    expect(result.pass).toBe(true);
    expect(result.actions.map((action) => action.items[0]?.label)).toEqual(["DeleteBucket succeeds", "DeleteBucket: already gone (NoSuchBucket)"]);
  });

  it("removes a bucket the learner made in another region than the step's, following the 301 there", async () => {
    const made = await runPhase(
      "setup",
      [
        { call: "s3:CreateBucket", region: "{{otherRegion}}", input: { Bucket: "{{prefix}}-astray", CreateBucketConfiguration: { LocationConstraint: "{{otherRegion}}" } } },
        { call: "s3:PutObject", region: "{{otherRegion}}", input: { Bucket: "{{prefix}}-astray", Key: "a.txt", Body: "one" } },
      ],
      context,
    );
    expect(made.pass).toBe(true);
    // The step asked for the bucket in {{region}}: its cleanup is signed for that region.
    const cleanup = await runPhase("cleanup", [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-astray" }, emptyFirst: true }], context);
    expect(cleanup.pass).toBe(true);
    const gone = await runPhase("check", [{ call: "s3:HeadBucket", region: "{{otherRegion}}", input: { Bucket: "{{prefix}}-astray" }, expectError: { code: "NotFound", status: 404 } }], context);
    expect(gone.pass).toBe(true);
  });
});

describe("emptyFirst", () => {
  it("deletes a versioned bucket with old versions and delete markers, which a bare DeleteBucket cannot", async () => {
    const made = await runPhase(
      "setup",
      [
        { call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-full", CreateBucketConfiguration: { LocationConstraint: "{{region}}" } } },
        { call: "s3:PutBucketVersioning", input: { Bucket: "{{prefix}}-full", VersioningConfiguration: { Status: "Enabled" } } },
        { call: "s3:PutObject", input: { Bucket: "{{prefix}}-full", Key: "a.txt", Body: "one" } },
        { call: "s3:PutObject", input: { Bucket: "{{prefix}}-full", Key: "a.txt", Body: "two" } },
        { call: "s3:DeleteObject", input: { Bucket: "{{prefix}}-full", Key: "a.txt" } },
      ],
      context,
    );
    expect(made.pass).toBe(true);
    const bare = await runPhase("cleanup", [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-full" } }], context);
    expect(bare.actions[0]?.error?.code).toBe("BucketNotEmpty");

    const emptied = await runPhase("cleanup", [{ call: "s3:DeleteBucket", input: { Bucket: "{{prefix}}-full" }, emptyFirst: true }], context);
    expect(emptied.pass).toBe(true);
    const gone = await runPhase("check", [{ call: "s3:HeadBucket", input: { Bucket: "{{prefix}}-full" }, expectError: { code: "NotFound", status: 404 } }], context);
    expect(gone.pass).toBe(true);
  });

  it("is refused on anything but s3:DeleteBucket", async () => {
    const phase = await runPhase("cleanup", [{ call: "s3:DeleteObject", input: { Bucket: "{{prefix}}-full", Key: "a.txt" }, emptyFirst: true }], context);
    expect(phase.pass).toBe(false);
    expect(JSON.stringify(phase.actions[0])).toContain("emptyFirst works only on s3:DeleteBucket");
  });
});

describe("needs", () => {
  it("names the capabilities a target lacks, including a second account for as: other", () => {
    const localstackLike = stubTarget({ name: "localstack", capabilities: new Set(["secondAccount"]), identities: ["default", "other"] });
    const awsLike = stubTarget({ name: "aws", capabilities: new Set(["replication", "regionRedirect"]), identities: ["default"] });
    const replication: HandsOn = { title: "t", goal: "g", needs: ["replication"], solve: [{ call: "sts:GetCallerIdentity" }] };
    const otherAccount: HandsOn = { title: "t", goal: "g", solve: [{ call: "sts:GetCallerIdentity", as: "other" }] };
    expect(missingCapabilities(replication, localstackLike)).toEqual(["replication"]);
    expect(missingCapabilities(replication, awsLike)).toEqual([]);
    expect(missingCapabilities(otherAccount, awsLike)).toEqual(["secondAccount"]);
    expect(missingCapabilities(otherAccount, target)).toEqual([]);
  });
});
