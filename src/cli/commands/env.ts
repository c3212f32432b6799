import { learnerSandboxEndpoint } from "../../targets/learner-sandbox";
import { LOCALSTACK_ENDPOINT, localstackCredentials } from "../../targets/localstack-target";
import { EMULATOR_REGION, resolveAwsRegion, US_EAST_1 } from "../../targets/regions";
import { loadSandbox } from "../../targets/sandbox-loader";
import { sandboxCredentials } from "../../targets/sandbox-target";
import { DEFAULT_IDENTITY, OTHER_IDENTITY, TargetError, type TargetName } from "../../targets/target";
import { UserError } from "../errors";
import { chooseJoinedRoom } from "../joined-room";
import { applyHint, shellScript, type EnvChange, type ShellKind } from "../shell-env";

export interface EnvCommandOptions {
  target: TargetName;
  endpoint?: string;
  region?: string;
  profile?: string;
  /** "default" (the learner) or "other" (the lessons' second account). */
  as: string;
  shell: ShellKind;
  /** A workshop room this computer joined (true: the only one): its sandbox, as the participant's own account. */
  room?: string | true;
}

interface EnvPlan {
  /** Says in the script what it points at. */
  comment: string;
  changes: EnvChange[];
}

const say = (message: string) => process.stderr.write(`${message}\n`);

/** Credentials an earlier `eval "$(s3-tutor env)"` for an emulator left: a 12-digit account id or "test". */
const isEmulatorKey = (accessKeyId: string | undefined): boolean => accessKeyId !== undefined && /^(\d{12}|test)$/.test(accessKeyId);

const emulatorChanges = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, region: string): EnvChange[] => [
  { name: "AWS_ENDPOINT_URL", value: endpoint },
  { name: "AWS_ACCESS_KEY_ID", value: credentials.accessKeyId },
  { name: "AWS_SECRET_ACCESS_KEY", value: credentials.secretAccessKey },
  // A real session token would be sent along with the emulator's test keys.
  { name: "AWS_SESSION_TOKEN" },
  { name: "AWS_REGION", value: region },
  { name: "AWS_DEFAULT_REGION", value: region },
];

const sandboxPlan = async (options: EnvCommandOptions, identity: string): Promise<EnvPlan> => {
  const credentials = sandboxCredentials(identity);
  const region = options.region ?? EMULATOR_REGION;
  let endpoint = options.endpoint;
  if (endpoint) {
    const probe = await (await loadSandbox()).probeSandbox(endpoint);
    if (probe.kind !== "sandbox") say(`Note: no s3-tutor sandbox answers at ${endpoint} now; these settings reach it once one does.`);
  } else {
    const learner = await learnerSandboxEndpoint(say);
    endpoint = learner.endpoint;
    if (!learner.running) {
      say(
        `Nothing serves your sandbox yet. Keep the s3-tutor app open (it serves it while it runs), or run "s3-tutor sandbox" in another terminal; these settings reach it at ${endpoint} then.`,
      );
    }
  }
  return {
    comment: `s3-tutor env: the sandbox at ${endpoint}, account ${credentials.accessKeyId}, region ${region}`,
    changes: emulatorChanges(endpoint, credentials, region),
  };
};

const localstackPlan = (options: EnvCommandOptions, identity: string): EnvPlan => {
  const endpoint = options.endpoint ?? LOCALSTACK_ENDPOINT;
  const region = options.region ?? EMULATOR_REGION;
  const credentials = localstackCredentials(identity);
  return {
    comment: `s3-tutor env: LocalStack at ${endpoint}, access key ${credentials.accessKeyId}, region ${region}`,
    changes: emulatorChanges(endpoint, credentials, region),
  };
};

/** The room sandbox of a workshop this computer joined, as the participant (or their second account). */
const roomPlan = async (room: string | true, identity: string): Promise<EnvPlan> => {
  const { session } = await chooseJoinedRoom(room === true ? undefined : room, "there is no room sandbox to point at");
  const { target } = session;
  if (target.kind !== "room") {
    throw new UserError(
      `the workshop at ${session.address} runs its hands-on steps on ${target.kind === "own" ? "your own sandbox" : target.kind === "aws" ? "an AWS account" : "LocalStack"}, not in the room: use s3-tutor env${target.kind === "own" ? "" : ` --target ${target.kind}`} instead.`,
    );
  }
  const credentials = identity === OTHER_IDENTITY ? target.identities.other : target.identities.default;
  return {
    comment: `s3-tutor env: the room sandbox at ${session.baseUrl}, ${session.name}'s ${identity === OTHER_IDENTITY ? "second " : ""}account ${credentials.account}, region ${target.region}`,
    changes: emulatorChanges(session.baseUrl, credentials, target.region),
  };
};

/** A real account: no secret is ever printed; the shell's own credentials (or --profile) are used. */
const awsPlan = async (options: EnvCommandOptions, identity: string): Promise<EnvPlan> => {
  if (identity !== DEFAULT_IDENTITY) {
    throw new UserError(
      `a real AWS account has only your own identity here, so --as ${identity} has nothing to act as. It works with --target sandbox or --target localstack.`,
    );
  }
  const changes: EnvChange[] = [{ name: "AWS_ENDPOINT_URL", ...(options.endpoint ? { value: options.endpoint } : {}) }];
  // Test keys from an earlier eval would win over --profile and the shell's real credentials.
  if (isEmulatorKey(process.env.AWS_ACCESS_KEY_ID)) {
    changes.push({ name: "AWS_ACCESS_KEY_ID" }, { name: "AWS_SECRET_ACCESS_KEY" }, { name: "AWS_SESSION_TOKEN" });
  }
  if (options.profile) changes.push({ name: "AWS_PROFILE", value: options.profile });
  // The region the lessons use on AWS: us-east-1 is not a home region (its CreateBucket rules differ).
  const configured = options.region ?? (await resolveAwsRegion(options.profile ? { profile: options.profile } : {}));
  const region = !options.region && configured === US_EAST_1 ? EMULATOR_REGION : configured;
  if (region) changes.push({ name: "AWS_REGION", value: region }, { name: "AWS_DEFAULT_REGION", value: region });
  else say('No AWS region is set, so none is printed: pass --region (e.g. --region eu-west-1) or add "region = ..." to your profile.');
  const who = options.profile ? `profile ${options.profile}` : "your own credentials";
  return { comment: `s3-tutor env: AWS with ${who}${region ? `, region ${region}` : ""} (no secret is printed)`, changes };
};

/**
 * `s3-tutor env`: prints lines that point the learner's own shell (AWS CLI, boto3, SDKs) at the
 * same target and account as the lessons; `eval "$(s3-tutor env)"` applies them.
 */
export const runEnvCommand = async (options: EnvCommandOptions): Promise<number> => {
  const identity = options.as;
  if (identity !== DEFAULT_IDENTITY && identity !== OTHER_IDENTITY) {
    throw new UserError(`--as takes "${DEFAULT_IDENTITY}" (you) or "${OTHER_IDENTITY}" (the lessons' second account), not "${identity}".`);
  }
  let plan: EnvPlan;
  try {
    plan =
      options.room !== undefined
        ? await roomPlan(options.room, identity)
        : options.target === "sandbox"
        ? await sandboxPlan(options, identity)
        : options.target === "localstack"
          ? localstackPlan(options, identity)
          : await awsPlan(options, identity);
  } catch (error) {
    if (error instanceof TargetError) throw new UserError(`${error.message} ${error.fix}`);
    throw error;
  }
  process.stdout.write(shellScript(options.shell, plan.changes, plan.comment));
  // Printed to a terminal, the lines change nothing yet: say how to apply them.
  if (process.stdout.isTTY) say(`To apply them to this shell: ${applyHint(options.shell, ["s3-tutor", ...process.argv.slice(2)].join(" "))}`);
  return 0;
};
