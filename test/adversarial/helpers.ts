import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteRoleCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { DeleteMultiRegionAccessPointCommand, ListMultiRegionAccessPointsCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import "@aws-sdk/signature-v4a";
import { dialSandbox } from "../../src/targets/sandbox-dialing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import type { Lesson } from "../../src/content/schema/lesson";
import type { Answers } from "../../src/handson/answers";
import { handsOnPlaces, prepareStep, type HandsOnPlace } from "../../src/handson/restore";
import type { PhaseResult } from "../../src/handson/results";
import { runCleanup, runStepPhases } from "../../src/handson/runner";
import type { Variables } from "../../src/handson/template";
import { targetVariables } from "../../src/handson/variables";
import type { ReplicationDelay } from "../../src/sandbox/index";
import { SHORT_REPLICATION_DELAY } from "../helpers/short-replication-delay";
import { sandboxCredentials, sandboxTarget } from "../../src/targets/sandbox-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, type Target } from "../../src/targets/target";
import { removeBucket } from "../../src/targets/bucket-removal";
import { removeRolePolicies } from "../../src/targets/role-removal";
import { finished, spawnCli } from "../helpers/cli";
import { aws, pythonClients, type Run } from "../clients/helpers/python-clients";
import { recordOutcome, writeTally } from "./tally";

/**
 * Adversarial checks: for each hands-on step, a learner's plausible wrong work must fail the
 * step's check with a reason they can act on, and right work done another way than the step's
 * `solve:` must pass. The work goes through real clients (the AWS SDK v3, or the AWS CLI from the
 * venv) with the learner's sandbox credentials; only the check runs through s3-tutor.
 */

export type Who = "default" | "other";

/** A sandbox brought up for one lesson, with real clients signed as the learner or the other account. */
export interface Lab {
  lesson: Lesson;
  target: Target;
  endpoint: string;
  prefix: string;
  region: string;
  otherRegion: string;
  account: string;
  otherAccount: string;
  /** The sandbox's replication delay: the longest it waits before a copy, in ms. */
  replicationDelayMaxMs: number;
  /** `${prefix}-${suffix}`, the lesson's names. */
  name(suffix: string): string;
  s3(options?: { region?: string; as?: Who; followRegionRedirects?: boolean }): S3Client;
  iam(as?: Who): IAMClient;
  sts(as?: Who): STSClient;
  /** S3 Control as the SDK addresses AWS (client Region us-west-2), dialed to the lab's sandbox. */
  s3control(as?: Who): S3ControlClient;
  /** S3 virtual-hosted, so a Multi-Region Access Point's ARN can be the bucket (signed with SigV4A). */
  s3ViaArn(as?: Who): S3Client;
  /** The real AWS CLI (v1, from the venv), signed as the learner (or the other account) for a region. */
  awsCli(args: string[], options?: { region?: string; as?: Who }): Promise<Run>;
  /** The same, and a non-zero exit fails the test with what the CLI printed. */
  awsCliOk(args: string[], options?: { region?: string; as?: Who }): Promise<string>;
  /** Writes a file the learner would have made (a policy, a body) and returns its path. */
  file(name: string, text: string): string;
}

/** The longest a delay waits (a per-bucket function is not used here). */
const longestDelay = (delay: ReplicationDelay): number => {
  if (typeof delay === "number") return delay;
  if (typeof delay === "function") throw new Error("a per-bucket replication delay has no single bound");
  return Math.max(...delay);
};

const identityOf = (who: Who) => (who === "other" ? OTHER_IDENTITY : DEFAULT_IDENTITY);
const credentialsOf = (who: Who) => sandboxCredentials(identityOf(who));

/** One fresh sandbox for a test file, started before its tests and closed after them (a short replication delay unless given). */
export const useLab = (lessonId: string, prefix: string, options: { replicationDelay?: ReplicationDelay } = {}): (() => Lab) => {
  const replicationDelay = options.replicationDelay ?? SHORT_REPLICATION_DELAY;
  let lab: Lab | undefined;
  const clients = new Map<string, { destroy(): void }>();
  let scratch: string | undefined;
  beforeAll(async () => {
    const catalog = await shippedCatalog();
    const lesson = catalog.lessons.map((loaded) => loaded.lesson).find((candidate) => candidate.id === lessonId);
    if (!lesson) throw new Error(`no shipped lesson ${lessonId}`);
    const target = sandboxTarget({ prefix, replicationDelay });
    await target.preflight(); // starts it, so its endpoint is known
    const endpoint = target.endpoint;
    if (!endpoint) throw new Error("the sandbox did not say where it listens");
    const dir = mkdtempSync(join(tmpdir(), `s3-tutor-adversarial-${lessonId}-`));
    scratch = dir;
    // One client per identity, region and variant, as a learner's program would keep them.
    const keep = <T extends { destroy(): void }>(key: string, make: () => T): T => {
      const known = clients.get(key);
      if (known) return known as T;
      const client = make();
      clients.set(key, client);
      return client;
    };
    const awsCli = (args: string[], options: { region?: string; as?: Who } = {}) =>
      aws({ endpoint, region: options.region ?? target.region, accessKeyId: credentialsOf(options.as ?? "default").accessKeyId }, args, dir);
    lab = {
      lesson,
      target,
      endpoint,
      prefix,
      region: target.region,
      otherRegion: target.otherRegion,
      account: await target.account(DEFAULT_IDENTITY),
      otherAccount: await target.account(OTHER_IDENTITY),
      replicationDelayMaxMs: longestDelay(replicationDelay),
      name: (suffix) => `${prefix}-${suffix}`,
      s3: ({ region = target.region, as = "default", followRegionRedirects = false } = {}) =>
        keep(
          `s3/${as}/${region}/${followRegionRedirects}`,
          () => new S3Client({ endpoint, region, credentials: credentialsOf(as), forcePathStyle: true, maxAttempts: 1, followRegionRedirects }),
        ),
      iam: (as = "default") => keep(`iam/${as}`, () => new IAMClient({ endpoint, region: target.region, credentials: credentialsOf(as), maxAttempts: 1 })),
      sts: (as = "default") => keep(`sts/${as}`, () => new STSClient({ endpoint, region: target.region, credentials: credentialsOf(as), maxAttempts: 1 })),
      s3control: (as = "default") =>
        keep(`s3control/${as}`, () => {
          const client = new S3ControlClient({ region: "us-west-2", credentials: credentialsOf(as), maxAttempts: 1 });
          dialSandbox(client, endpoint);
          return client;
        }),
      s3ViaArn: (as = "default") =>
        keep(`s3-arn/${as}`, () => {
          const client = new S3Client({ endpoint, region: target.region, credentials: credentialsOf(as), forcePathStyle: false, maxAttempts: 1 });
          dialSandbox(client, endpoint);
          return client;
        }),
      awsCli,
      awsCliOk: async (args, options) => {
        const run = await awsCli(args, options);
        if (run.code !== 0) throw new Error(`aws ${args.join(" ")} exited ${run.code}:\n${run.stderr}${run.stdout}`);
        return run.stdout;
      },
      file: (name, text) => {
        const path = join(dir, name);
        writeFileSync(path, text);
        return path;
      },
    };
  });
  afterAll(async () => {
    for (const client of clients.values()) client.destroy();
    await lab?.target.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  return () => {
    if (!lab) throw new Error("the lab has not started");
    return lab;
  };
};

export const placeOf = (lab: Lab, stepId: string): HandsOnPlace => {
  const place = handsOnPlaces(lab.lesson, lab.target).find((candidate) => candidate.step.id === stepId);
  if (!place) throw new Error(`${lab.lesson.id} has no hands-on step ${stepId}`);
  return place;
};

/** Where a step starts: the variables of this attempt (the check adds what it saves). */
export interface StepStart {
  place: HandsOnPlace;
  variables: Variables;
}

const failuresOf = (phases: readonly PhaseResult[]): string[] =>
  phases.flatMap((phase) =>
    phase.actions.flatMap((action) => action.items.filter((item) => !item.pass).map((item) => `${action.action.label ?? action.action.ask?.question ?? action.operation}: ${item.reason}`)),
  );

/** Brings the sandbox to where the step starts, from a clean slate (the lesson's cleanup first). */
export const startAt = async (lab: Lab, stepId: string): Promise<StepStart> => {
  const place = placeOf(lab, stepId);
  const variables = await targetVariables(lab.target);
  const prepared = await prepareStep(lab.lesson, place, { target: lab.target, variables }, { reset: true });
  const problems = [...prepared.cleanup, ...prepared.earlier.flatMap((step) => step.phases), ...(prepared.setup ? [prepared.setup] : [])];
  expect(prepared.pass, `${lab.lesson.id} ${stepId}: could not reach the step's start: ${failuresOf(problems).join("; ")}`).toBe(true);
  return { place, variables };
};

export interface Verdict {
  pass: boolean;
  /** "label: reason" for every checklist item that failed (or the CLI's checklist). */
  failures: string;
  /** How long the check took to give its verdict. */
  ms: number;
  /** When the verdict came (Date.now()), to time it from the learner's own action. */
  endedAt: number;
}

/** The step's check through the runner, as the app's "check" button runs it. */
export const checkStep = async (lab: Lab, start: StepStart, answers: Answers = {}): Promise<Verdict> => {
  const began = Date.now();
  const phases = await runStepPhases(start.place.step, { target: lab.target, variables: start.variables, answers }, ["check"]);
  const endedAt = Date.now();
  return { pass: phases.every((phase) => phase.pass), failures: failuresOf(phases).join("\n"), ms: endedAt - began, endedAt };
};

/** The step's check through `s3-tutor check <lesson> <step>` against this lab's sandbox: exit 0 passes. */
export const checkWithCommand = async (lab: Lab, start: StepStart, answers: Record<string, string> = {}): Promise<Verdict & { code: number | null; stdout: string }> => {
  const began = Date.now();
  const args = ["check", lab.lesson.id, start.place.step.id ?? String(start.place.number), "--endpoint", lab.endpoint, "--prefix", lab.prefix, "--region", lab.region];
  for (const [id, value] of Object.entries(answers)) args.push("--answer", `${id}=${value}`);
  const run = await finished(spawnCli(args));
  expect(run.stderr, "s3-tutor check printed errors").toBe("");
  const passed = run.stdout.includes("✓ The step passes.");
  // The exit code and the last line must agree: 0 with "passes", 1 with "Not yet".
  expect(run.code, run.stdout).toBe(passed ? 0 : 1);
  if (!passed) expect(run.stdout).toMatch(/✗ Not yet\./);
  const endedAt = Date.now();
  return { pass: passed, failures: run.stdout, ms: endedAt - began, endedAt, code: run.code, stdout: run.stdout };
};

/** One thing a learner might do at a step, with what the check must make of it. */
export interface StepCase {
  step: string;
  /** wrong: the check must fail, with `reason`; right: it must pass. */
  kind: "wrong" | "right";
  /** What the learner did, in words (the test's name). */
  what: string;
  /** The learner's work, through real clients. */
  work(lab: Lab, start: StepStart): Promise<void>;
  /** What the learner types for the check's questions. */
  answers?: Record<string, string> | ((lab: Lab, start: StepStart) => Record<string, string> | Promise<Record<string, string>>);
  /** For a wrong case: the reason the checklist must give. */
  reason?: RegExp;
  /** The work uses the AWS CLI: skipped, with the reason shown, where the venv is absent. */
  awsCli?: boolean;
  /** Check with the `s3-tutor check` command instead of the runner (exit code and --answer too). */
  viaCommand?: boolean;
  /**
   * A wrong case the check cannot catch yet, and why (a fix the checking engine would need). The
   * test asserts the gap is still there, so fixing it makes the test say to turn the case into a
   * plain wrong one; the tally counts it as tried and not caught.
   */
  knownGap?: string;
  /** Runs after the verdict, with it: extra assertions (timings, the sandbox's reason). */
  after?(verdict: Verdict, lab: Lab): void;
}

/** Defines a lesson's table of cases (typed, so a table reads as data). */
export const stepCases = (cases: StepCase[]): StepCase[] => cases;

/** Runs one case from a clean start, records whether the check judged it right, then asserts it. */
export const runCase = async (lab: Lab, stepCase: StepCase): Promise<Verdict> => {
  if (stepCase.kind === "wrong" && !stepCase.reason) throw new Error(`wrong case "${stepCase.what}" names no reason to expect`);
  const start = await startAt(lab, stepCase.step);
  await stepCase.work(lab, start);
  const answers = typeof stepCase.answers === "function" ? await stepCase.answers(lab, start) : (stepCase.answers ?? {});
  const verdict = stepCase.viaCommand ? await checkWithCommand(lab, start, answers) : await checkStep(lab, start, answers);
  const held = stepCase.kind === "right" ? verdict.pass : !verdict.pass && (stepCase.reason?.test(verdict.failures) ?? false);
  recordOutcome({ lesson: lab.lesson.id, step: stepCase.step, kind: stepCase.kind, what: stepCase.what, held });
  if (stepCase.knownGap) {
    console.log(`[adversarial] KNOWN GAP, passes its check: ${lab.lesson.id} ${stepCase.step}: ${stepCase.what} (${stepCase.knownGap})`);
    expect(verdict.pass, `the known gap "${stepCase.what}" is caught now: make it a plain wrong case`).toBe(true);
  } else if (stepCase.kind === "right") {
    expect(verdict.pass, `right work "${stepCase.what}" failed the check:\n${verdict.failures}`).toBe(true);
  } else {
    expect(verdict.pass, `wrong work "${stepCase.what}" passed the check`).toBe(false);
    expect(verdict.failures, `wrong work "${stepCase.what}" failed for another reason`).toMatch(stepCase.reason as RegExp);
  }
  stepCase.after?.(verdict, lab);
  return verdict;
};

/**
 * The lesson's cases as tests, one describe per step in the table's order, against one sandbox.
 * Cases that use the AWS CLI are skipped, with the reason in their name, where the venv is absent.
 */
export const adversarialSuite = (lessonId: string, prefix: string, cases: readonly StepCase[], options: { replicationDelay?: ReplicationDelay } = {}): (() => Lab) => {
  const lab = useLab(lessonId, prefix, options);
  afterAll(() => writeTally(lessonId, prefix));
  const steps = [...new Set(cases.map((stepCase) => stepCase.step))];
  for (const step of steps) {
    describe(step, () => {
      for (const stepCase of cases.filter((candidate) => candidate.step === step)) {
        const verdict = stepCase.knownGap ? "KNOWN GAP, passes though wrong" : stepCase.kind === "wrong" ? "fails" : "passes";
        const title = `${verdict}: ${stepCase.what}${stepCase.viaCommand ? " (s3-tutor check)" : ""}`;
        const skip = stepCase.awsCli && !pythonClients.available;
        it.skipIf(skip)(skip ? `${title} ${pythonClients.reason}` : title, { timeout: 60_000 }, async () => {
          await runCase(lab(), stepCase);
        });
      }
    });
  }
  return lab;
};

/**
 * A learner's whole path through the lesson done another way: each step's setup, then the
 * right case's work, then its check, in order, each building on the last.
 */
export const followRightPath = async (lab: Lab, path: readonly StepCase[]): Promise<void> => {
  const variables = await targetVariables(lab.target);
  const context = { target: lab.target, variables };
  // A clean slate first, as prepareStep's reset does.
  for (const place of [...handsOnPlaces(lab.lesson, lab.target)].reverse()) await runCleanup(place.step, context);
  for (const place of handsOnPlaces(lab.lesson, lab.target)) {
    const stepCase = path.find((candidate) => candidate.step === place.step.id);
    if (!stepCase || stepCase.kind !== "right") throw new Error(`the path has no right case for ${place.step.id}`);
    const setup = await runStepPhases(place.step, context, ["setup"]);
    expect(setup.every((phase) => phase.pass), `${place.step.id}: setup failed: ${failuresOf(setup).join("; ")}`).toBe(true);
    const start = { place, variables };
    await stepCase.work(lab, start);
    const answers = typeof stepCase.answers === "function" ? await stepCase.answers(lab, start) : (stepCase.answers ?? {});
    const verdict = await checkStep(lab, start, answers);
    expect(verdict.pass, `${place.step.id} on the learner's path ("${stepCase.what}"):\n${verdict.failures}`).toBe(true);
  }
};

/** The lesson's cleanup, as autoRunLesson runs it: every step's, last step first. */
export const cleanUpLesson = async (lab: Lab): Promise<PhaseResult[]> => {
  const context = { target: lab.target, variables: await targetVariables(lab.target) };
  const results: PhaseResult[] = [];
  for (const place of [...handsOnPlaces(lab.lesson, lab.target)].reverse()) results.push(await runCleanup(place.step, context));
  return results;
};

/** Buckets (of both accounts) and roles whose names carry the lab's prefix, as ListBuckets and ListRoles tell. */
export const leftovers = async (lab: Lab): Promise<{ buckets: string[]; roles: string[] }> => {
  const buckets: string[] = [];
  for (const who of ["default", "other"] as const) {
    const listed = await lab.s3({ as: who }).send(new ListBucketsCommand({}));
    buckets.push(...(listed.Buckets ?? []).map((bucket) => bucket.Name ?? "").filter((name) => name.includes(lab.prefix)));
  }
  const roles = ((await lab.iam().send(new ListRolesCommand({}))).Roles ?? []).map((role) => role.RoleName ?? "").filter((name) => name.includes(lab.prefix));
  return { buckets, roles };
};

/** A JSON document as the learner writes it into a file or a request. */
export const json = (value: unknown): string => JSON.stringify(value);

/** For the learner's path: each step's first right case that needs no AWS CLI, unless `chosen` names another. */
export const rightPath = (cases: readonly StepCase[], chosen: readonly string[] = []): StepCase[] => {
  const steps = [...new Set(cases.map((stepCase) => stepCase.step))];
  return steps.map((step) => {
    const rights = cases.filter((stepCase) => stepCase.step === step && stepCase.kind === "right");
    const picked = rights.find((stepCase) => chosen.includes(stepCase.what)) ?? rights.find((stepCase) => !stepCase.awsCli);
    if (!picked) throw new Error(`no right case for ${step}`);
    return picked;
  });
};

/**
 * The test every lesson file ends with: the learner's whole path done the other ways, then the
 * lesson's cleanup, after which no bucket (of either account) and no role with the prefix is left.
 */
export const cleanupLeavesNothing = (lab: () => Lab, path: () => readonly StepCase[]): void => {
  it("after a right path done other ways, the lesson's cleanup leaves no bucket or role with the prefix", { timeout: 60_000 }, async () => {
    // What the wrong cases left under names the lesson never uses (typos) is not the cleanup's to find.
    await wipePrefix(lab());
    await followRightPath(lab(), path());
    const before = await leftovers(lab());
    expect(before.buckets.length + before.roles.length, "the path made nothing to clean up").toBeGreaterThan(0);
    const cleanup = await cleanUpLesson(lab());
    expect(cleanup.every((phase) => phase.pass), failuresOf(cleanup).join("\n")).toBe(true);
    expect(await leftovers(lab())).toEqual({ buckets: [], roles: [] });
  });
};

/** The lesson's cleanup also removes what a learner's wrong work left under the lesson's own names. */
export const cleanupRemovesWrongWork = (lab: () => Lab, what: string, work: (lab: Lab) => Promise<void>): void => {
  it(`the lesson's cleanup also removes what wrong work left: ${what}`, { timeout: 60_000 }, async () => {
    await wipePrefix(lab());
    await work(lab());
    expect((await leftovers(lab())).buckets.length, "the wrong work made no bucket").toBeGreaterThan(0);
    const cleanup = await cleanUpLesson(lab());
    expect(cleanup.every((phase) => phase.pass), failuresOf(cleanup).join("\n")).toBe(true);
    expect(await leftovers(lab())).toEqual({ buckets: [], roles: [] });
  });
};

/** Removes every bucket and role with the lab's prefix, through the learner's clients (a clean slate). */
const wipePrefix = async (lab: Lab): Promise<void> => {
  await removePrefixedMraps(lab);
  for (const who of ["default", "other"] as const) {
    const s3 = lab.s3({ as: who, followRegionRedirects: true });
    const account = who === "other" ? lab.otherAccount : lab.account;
    for (const bucket of (await leftovers(lab)).buckets) await removeBucket(s3, bucket, account).catch(() => undefined);
  }
  for (const role of (await leftovers(lab)).roles) {
    await removeRolePolicies(lab.iam(), role);
    await lab.iam().send(new DeleteRoleCommand({ RoleName: role }));
  }
  expect(await leftovers(lab), "the slate is not clean").toEqual({ buckets: [], roles: [] });
};

/** Multi-Region Access Points under the prefix go first: a bucket that is part of one cannot be deleted. */
const removePrefixedMraps = async (lab: Lab): Promise<void> => {
  const control = lab.s3control();
  const listed = async () =>
    ((await control.send(new ListMultiRegionAccessPointsCommand({ AccountId: lab.account }))).AccessPoints ?? []).filter((point) =>
      point.Name?.startsWith(`${lab.prefix}-`),
    );
  for (const point of await listed()) {
    if (point.Status !== "DELETING") await control.send(new DeleteMultiRegionAccessPointCommand({ AccountId: lab.account, Details: { Name: point.Name } }));
  }
  for (let tries = 0; (await listed()).length > 0; tries++) {
    if (tries > 100) throw new Error("the lab's Multi-Region Access Points are still there after 10 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
