import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it, onTestFinished } from "vitest";
import { shellScript } from "../../src/cli/shell-env";
import { STATE_DIR_VARIABLE } from "../../src/store/state-dir";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";
import { useTempDirs } from "../helpers/data-dir";
import { pythonClients, venvBin } from "../clients/helpers/python-clients";

// `s3-tutor env` points the learner's own shell at the lessons' target and account.
const tempDir = useTempDirs("env");
const LEARNER = "111122223333";
const OTHER = "444455556666";

/** The environment of a learner's shell: nothing of the developer's AWS settings, the venv's aws and python first on PATH. */
const learnerShellEnv = (): NodeJS.ProcessEnv => {
  const empty = join(tempDir(), "empty");
  writeFileSync(empty, "");
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("AWS_")) env[name] = value;
  return {
    ...env,
    PATH: `${venvBin}:${process.env.PATH ?? ""}`,
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: "true",
  };
};

/** Runs `script` in a real sh after `eval "$S3T_ENV"`, as a learner would after eval "$(s3-tutor env)". */
const inShell = (envLines: string, script: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile("sh", ["-c", `eval "$S3T_ENV"\n${script}`], { env: { ...learnerShellEnv(), S3T_ENV: envLines }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });

const envCommand = async (args: string[], stateDir: string) => finished(spawnCli(["env", ...args], { [STATE_DIR_VARIABLE]: stateDir }));

const skipShell = process.platform === "win32" ? "skipped: needs a POSIX sh" : !pythonClients.available ? pythonClients.reason : "";

describe.skipIf(skipShell !== "")(`eval "$(s3-tutor env)" in a real shell ${skipShell}`, () => {
  it("makes the AWS CLI and boto3 act as the learner on the learner's sandbox: what they create is there for the lessons", async () => {
    const stateDir = tempDir();
    const sandbox = spawnCli(["sandbox", "--port", "0"], { [STATE_DIR_VARIABLE]: stateDir });
    const stopped = finished(sandbox);
    onTestFinished(() => void sandbox.kill("SIGKILL"));
    const endpoint = /Endpoint\s+(\S+)/.exec(await waitForOutput(sandbox, /Press Ctrl-C to stop/))?.[1] ?? "";

    const env = await envCommand([], stateDir);
    expect(env.code).toBe(0);
    expect(env.stderr).toBe("");
    expect(env.stdout).toContain(`export AWS_ENDPOINT_URL='${endpoint}'`);

    const cli = await inShell(
      env.stdout,
      "aws s3api create-bucket --bucket env-made --create-bucket-configuration LocationConstraint=eu-west-1 >/dev/null && aws sts get-caller-identity --output json",
    );
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ Account: LEARNER });

    const boto3 = await inShell(env.stdout, `python -c "import boto3; print([b['Name'] for b in boto3.client('s3').list_buckets()['Buckets']])"`);
    expect(boto3.stdout.trim()).toBe("['env-made']");

    // The lessons' SDK clients see it: the learner's account, in the lessons' region.
    const s3 = new S3Client({ endpoint, region: "eu-west-1", forcePathStyle: true, credentials: { accessKeyId: LEARNER, secretAccessKey: "test" } });
    expect((await s3.send(new HeadBucketCommand({ Bucket: "env-made" }))).BucketRegion).toBe("eu-west-1");

    const asOther = await envCommand(["--as", "other"], stateDir);
    const other = await inShell(asOther.stdout, "aws sts get-caller-identity --output json && aws s3api list-buckets --output json");
    expect(other.code).toBe(0);
    const [identity, buckets] = other.stdout.split(/\n(?=\{)/).map((part) => JSON.parse(part) as Record<string, unknown>);
    expect(identity).toMatchObject({ Account: OTHER });
    expect(buckets?.Buckets).toEqual([]);

    sandbox.kill("SIGTERM");
    expect((await stopped).code).toBe(0);
  });

  it("quotes values so the shell keeps them exactly", async () => {
    const value = `it's $HOME \`id\` "q" \\ back\\\\slash\nnew line *`;
    const run = await inShell(shellScript("sh", [{ name: "S3T_VALUE", value }, { name: "S3T_GONE" }]), 'printf "%s|%s" "$S3T_VALUE" "${S3T_GONE-unset}"');
    expect(run.stdout).toBe(`${value}|unset`);
  });
});

describe("s3-tutor env", () => {
  it("says on stderr how to start the sandbox when nothing serves it yet, and prints where it will be", async () => {
    const env = await envCommand([], tempDir());
    expect(env.code).toBe(0);
    expect(env.stdout.split("\n")).toEqual([
      "# s3-tutor env: the sandbox at http://127.0.0.1:4567, account 111122223333, region eu-west-1",
      "export AWS_ENDPOINT_URL='http://127.0.0.1:4567'",
      "export AWS_ACCESS_KEY_ID='111122223333'",
      "export AWS_SECRET_ACCESS_KEY='test'",
      "unset AWS_SESSION_TOKEN",
      "export AWS_REGION='eu-west-1'",
      "export AWS_DEFAULT_REGION='eu-west-1'",
      "",
    ]);
    expect(env.stderr).toContain("Nothing serves your sandbox yet. Keep the s3-tutor app open");
    expect(env.stderr).toContain('run "s3-tutor sandbox" in another terminal');
  });

  it("writes fish and PowerShell too", async () => {
    const fish = await envCommand(["--shell", "fish", "--region", "us-west-2"], tempDir());
    expect(fish.stdout).toContain("set -gx AWS_ENDPOINT_URL 'http://127.0.0.1:4567'");
    expect(fish.stdout).toContain("set -gx AWS_REGION 'us-west-2'");
    expect(fish.stdout).toContain("set -e AWS_SESSION_TOKEN");
    const powershell = await envCommand(["--shell", "powershell", "--as", "other"], tempDir());
    expect(powershell.stdout).toContain("$env:AWS_ACCESS_KEY_ID = '444455556666'");
    expect(powershell.stdout).toContain("Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue");
    expect(shellScript("fish", [{ name: "X", value: "it's a \\" }])).toContain("set -gx X 'it\\'s a \\\\'");
    expect(shellScript("powershell", [{ name: "X", value: "it's ‘so’" }])).toContain("$env:X = 'it''s ‘‘so’’'");
  });

  it("points at LocalStack with its test keys, or the 12-digit key for the second account", async () => {
    const env = await envCommand(["--target", "localstack"], tempDir());
    expect(env.stdout).toContain("export AWS_ENDPOINT_URL='http://localhost:4566'");
    expect(env.stdout).toContain("export AWS_ACCESS_KEY_ID='test'");
    const other = await envCommand(["--target", "localstack", "--as", "other", "--endpoint", "http://127.0.0.1:4599"], tempDir());
    expect(other.stdout).toContain("export AWS_ENDPOINT_URL='http://127.0.0.1:4599'");
    expect(other.stdout).toContain(`export AWS_ACCESS_KEY_ID='${OTHER}'`);
  });

  it("for AWS prints no secret: it drops the emulator's endpoint and keys, and sets the profile and region", async () => {
    const env = await finished(
      spawnCli(["env", "--target", "aws", "--profile", "learner", "--region", "eu-central-1"], {
        [STATE_DIR_VARIABLE]: tempDir(),
        AWS_ACCESS_KEY_ID: LEARNER,
        AWS_SECRET_ACCESS_KEY: "test",
      }),
    );
    expect(env.code).toBe(0);
    expect(env.stdout.split("\n").slice(1)).toEqual([
      "unset AWS_ENDPOINT_URL",
      "unset AWS_ACCESS_KEY_ID",
      "unset AWS_SECRET_ACCESS_KEY",
      "unset AWS_SESSION_TOKEN",
      "export AWS_PROFILE='learner'",
      "export AWS_REGION='eu-central-1'",
      "export AWS_DEFAULT_REGION='eu-central-1'",
      "",
    ]);
    expect(env.stdout).not.toMatch(/SECRET_ACCESS_KEY=/);
  });

  it("--as other on AWS is a clear error", async () => {
    const env = await envCommand(["--target", "aws", "--as", "other"], tempDir());
    expect(env.code).toBe(1);
    expect(env.stdout).toBe("");
    expect(env.stderr).toContain("a real AWS account has only your own identity here");
    expect(env.stderr).not.toMatch(/\n\s+at /);
  });
});
