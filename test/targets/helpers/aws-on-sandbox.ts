import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { startSandbox, type Sandbox } from "../../../src/sandbox/index";
import { createTarget } from "../../../src/targets/create-target";
import type { TargetOptions } from "../../../src/targets/options";
import type { PlannedCall, Target } from "../../../src/targets/target";
import { STATE_DIR_VARIABLE } from "../../../src/store/state-dir";

/** The learner's account when the aws target signs with access key 111122223333 at the sandbox. */
export const LEARNER_ACCOUNT = "111122223333";
export const REGION = "eu-west-1";

/** Sets environment variables for each test and puts the old values back afterwards. */
export const useEnvironment = (values: Record<string, string | undefined>): void => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const [name, value] of Object.entries(values)) {
      saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
};

/** A fresh state folder per test, through S3_TUTOR_STATE_DIR. */
export const useStateDir = (): (() => string) => {
  let folder = "";
  const previous = process.env[STATE_DIR_VARIABLE];
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "s3-tutor-state-"));
    process.env[STATE_DIR_VARIABLE] = folder;
  });
  afterEach(async () => {
    if (previous === undefined) delete process.env[STATE_DIR_VARIABLE];
    else process.env[STATE_DIR_VARIABLE] = previous;
    await rm(folder, { recursive: true, force: true });
  });
  return () => folder;
};

/**
 * A sandbox and a state folder per test, and the aws target's credentials in the
 * environment (as the default credential chain reads them): the aws code path, pointed at the
 * sandbox.
 */
export const useAwsOnSandbox = () => {
  let sandbox: Sandbox | undefined;
  const targets: Target[] = [];
  // A fresh account per test: the guard refuses a prefix that an earlier test's leftovers already use.
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterEach(async () => {
    await sandbox?.close();
  });
  useEnvironment({ AWS_ACCESS_KEY_ID: LEARNER_ACCOUNT, AWS_SECRET_ACCESS_KEY: "test", AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
  const stateDir = useStateDir();
  afterEach(async () => {
    for (const target of targets.splice(0)) await target.close();
  });
  const endpoint = () => {
    if (!sandbox) throw new Error("the sandbox has not started");
    return sandbox.endpoint;
  };
  const awsTarget = async (options: Partial<TargetOptions> = {}): Promise<Target> => {
    const target = await createTarget({ target: "aws", endpoint: endpoint(), region: REGION, prefix: "s3t-test01", yes: true, ...options });
    targets.push(target);
    return target;
  };
  return { endpoint, stateDir, awsTarget };
};

/** A planned call as the runner would build it. */
export const planned = (
  service: PlannedCall["service"],
  operation: string,
  input: Record<string, unknown>,
  extra: Partial<PlannedCall> = {},
): PlannedCall => ({ service, operation, input, identity: "default", region: REGION, expectsError: false, ...extra });

const SDK_MODULES = {
  s3: () => import("@aws-sdk/client-s3"),
  iam: () => import("@aws-sdk/client-iam"),
  sts: () => import("@aws-sdk/client-sts"),
  s3control: () => import("@aws-sdk/client-s3-control"),
};

const loadCommand = async (call: PlannedCall): Promise<new (input: unknown) => unknown> => {
  const module = (await SDK_MODULES[call.service]()) as unknown as Record<string, new (input: unknown) => unknown>;
  const Command = module[`${call.operation}Command`];
  if (!Command) throw new Error(`no ${call.operation}Command in the ${call.service} SDK`);
  return Command;
};

/** What the runner does around a call: guard, send, tell the guard how it went. */
export const sendGuarded = async (target: Target, call: PlannedCall): Promise<unknown> => {
  const client = await target.client(call.service, call.identity, call.region);
  await target.beforeCall(call);
  try {
    const output = await client.send(new (await loadCommand(call))(call.input));
    await target.afterCall(call, { ok: true });
    return output;
  } catch (error) {
    await target.afterCall(call, { ok: false });
    throw error;
  }
};
