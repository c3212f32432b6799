import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The AWS CLI and boto3 that scripts/python-clients.mjs installs into a venv outside the clone.
 * The same place is looked up here: $S3_TUTOR_CLIENTS_VENV, else the cache directory.
 */
const venv =
  process.env.S3_TUTOR_CLIENTS_VENV ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "s3-tutor", "venv-clients");
/** The venv's programs (`aws` among them), for a PATH a learner's shell would have. */
export const clientsBin = join(venv, process.platform === "win32" ? "Scripts" : "bin");
const python = join(clientsBin, process.platform === "win32" ? "python.exe" : "python");

/** The account the clients act as (a 12-digit access key id is that account). */
export const CLI_ACCOUNT = "111122223333";

/** Whether the clients are there, and if not, why the suites that need them are skipped. */
export const pythonClients = (() => {
  if (existsSync(python) && existsSync(join(venv, "s3-tutor-pins.txt"))) return { available: true as const, reason: "" };
  const reason = `skipped: no AWS CLI/boto3 venv at ${venv}; run \`npm run python-clients\` to install it (.ci/run does)`;
  // .ci/run sets this: there the clients must have been installed, so their absence is a failure.
  if (process.env.S3_TUTOR_REQUIRE_PYTHON_CLIENTS === "1") throw new Error(reason.replace("skipped: ", ""));
  console.warn(`[python clients] ${reason}`);
  return { available: false as const, reason };
})();

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ClientEnvironment {
  endpoint: string;
  region?: string;
  accessKeyId?: string;
}

/**
 * The environment a learner would paste: endpoint, keys and region. Config and credentials files
 * point at empty files so a developer's own ~/.aws never leaks in.
 */
const clientEnv = ({ endpoint, region = "us-east-1", accessKeyId = CLI_ACCOUNT }: ClientEnvironment): NodeJS.ProcessEnv => {
  const empty = join(mkdtempSync(join(tmpdir(), "s3-tutor-aws-")), "empty");
  writeFileSync(empty, "");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("AWS_")) delete env[name];
  return {
    ...env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: "true",
    PYTHONIOENCODING: "utf-8",
  };
};

/** Runs the venv's python; never rejects, so a test can assert on a failing command's output. */
const runPython = (args: string[], environment: ClientEnvironment, cwd?: string): Promise<Run> =>
  new Promise((resolve) => {
    // Asynchronous on purpose: the sandbox answering these requests runs in this same process.
    execFile(
      python,
      args,
      { env: clientEnv(environment), cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

/** `aws <args>` (the CLI run as `python -m awscli`, which works on every platform). */
export const aws = (environment: ClientEnvironment, args: string[], cwd?: string): Promise<Run> =>
  runPython(["-m", "awscli", ...args], environment, cwd);

const scenarios = fileURLToPath(new URL("../../fixtures/python/boto3_scenarios.py", import.meta.url));

/** Runs one scenario of test/fixtures/python/boto3_scenarios.py and returns what it printed. */
export const boto3Scenario = async <T>(environment: ClientEnvironment, name: string, ...args: string[]): Promise<T> => {
  const run = await runPython([scenarios, name, ...args], environment);
  if (run.code !== 0) throw new Error(`boto3 scenario ${name} failed (${run.code}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
};
