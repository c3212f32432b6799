import { resolve } from "node:path";
import type { SandboxOptions } from "../../sandbox/index";
import { learnerSandboxDir, openLearnerSandbox } from "../../targets/learner-sandbox";
import { EMULATOR_REGION } from "../../targets/regions";
import { sandboxDelays } from "../../targets/sandbox-delays";
import { SANDBOX_ACCOUNTS } from "../../targets/sandbox-target";
import { loadSandbox } from "../../targets/sandbox-loader";
import { LEARNER_SANDBOX_PORT } from "../../targets/sandbox-port";
import { DEFAULT_IDENTITY, TargetError } from "../../targets/target";
import { UserError } from "../errors";
import { replicationDelayFrom } from "../replication-delay";
import { exposedWarning, internalErrorText, isLoopback, replicationLine, requestLine, sandboxBanner, type BannerSettings } from "../sandbox-banner";

export interface SandboxCommandOptions {
  /** Default: the learner's sandbox's remembered port (else 4567); 4567 with --data-dir or --ephemeral. */
  port?: number;
  host: string;
  replicationDelay?: number | [number, number];
  /** Keep the world in this folder. */
  dataDir?: string;
  /** A fresh sandbox that keeps nothing (object bodies sit in a temporary folder until it stops). */
  ephemeral?: boolean;
  /** The cap on stored object bytes (--max-storage), as given: "50GiB". */
  maxStorage?: string;
}

export const DEFAULT_SANDBOX_PORT = LEARNER_SANDBOX_PORT;

/**
 * `s3-tutor sandbox`: runs the sandbox in the foreground until Ctrl-C or SIGTERM. By default it
 * serves the learner's sandbox, the one the app and lessons use; --data-dir another folder;
 * --ephemeral a fresh one that keeps nothing.
 */
export const runSandboxCommand = async (options: SandboxCommandOptions): Promise<void> => {
  if (options.dataDir !== undefined && options.ephemeral) {
    throw new UserError("--data-dir and --ephemeral contradict each other: give one or the other.");
  }
  const { startSandbox, SandboxDataDirInUseError, SandboxDataError, StorageCapError, parseByteSize } = await loadSandbox();
  const maxStoredBytes = options.maxStorage === undefined ? undefined : parseByteSize(options.maxStorage);
  if (options.maxStorage !== undefined && maxStoredBytes === undefined) {
    throw new UserError(`--max-storage "${options.maxStorage}" is not a size: give one such as "20GiB", "500MB" or a number of bytes.`);
  }
  const replicationDelay = replicationDelayFrom(options.replicationDelay);
  const learner = options.dataDir === undefined && !options.ephemeral;
  const dataDir = learner ? learnerSandboxDir() : options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const sandboxOptions: Omit<SandboxOptions, "dataDir" | "port"> = {
    host: options.host,
    onRequest: (entry) => process.stdout.write(`${requestLine(entry)}\n`),
    onReplication: (event) => process.stdout.write(`${replicationLine(event)}\n`),
    ...(replicationDelay !== undefined ? sandboxDelays(replicationDelay) : {}),
    ...(maxStoredBytes !== undefined ? { maxStoredBytes } : {}),
    onInternalError: (error, entry) => process.stderr.write(`${internalErrorText(error, entry)}\n`),
    onStorageError: (error) => process.stderr.write(`Could not write the sandbox's data (it is tried again): ${String(error)}\n`),
  };

  const started: Promise<{ endpoint: string; bodiesDir?: string; close(): Promise<void> }> = learner
    ? openLearnerSandbox({
        ...(options.port !== undefined ? { port: options.port } : {}),
        reuseRunning: false,
        onNotice: (message) => process.stderr.write(`${message}\n`),
        sandbox: sandboxOptions,
      })
    : startSandbox({ ...sandboxOptions, port: options.port ?? DEFAULT_SANDBOX_PORT, ...(dataDir ? { dataDir } : {}) });

  const sandbox = await started.catch((error: NodeJS.ErrnoException) => {
    if (error instanceof SandboxDataDirInUseError) {
      const hint = learner ? ' (eval "$(s3-tutor env)" points your shell at it)' : "";
      throw new UserError(
        `${error.dataDir} is already served by process ${error.pid}${error.endpoint ? ` at ${error.endpoint}` : ""}: use that endpoint${hint}, or stop that process first.`,
      );
    }
    if (error instanceof SandboxDataError) throw new UserError(`${error.message} Move the folder aside to start with an empty sandbox.`);
    if (error instanceof StorageCapError) throw new UserError(error.message);
    if (error instanceof TargetError) throw new UserError(`${error.message} ${error.fix}`);
    const port = options.port ?? DEFAULT_SANDBOX_PORT;
    if (error.code === "EADDRINUSE") {
      throw new UserError(
        `Port ${port} on ${options.host} is already in use (perhaps by another sandbox or LocalStack). ` +
          "Pass --port 0 to pick a free port, or --port N for another one.",
      );
    }
    if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
      throw new UserError(`Cannot listen on ${options.host}: no such address on this machine. Leave out --host to use 127.0.0.1.`);
    }
    if (error.code === "EACCES") {
      throw new UserError(`Not allowed to listen on port ${port}. Choose a port above 1024, or --port 0.`);
    }
    throw error;
  });

  const stopped = new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130); // a second Ctrl-C does not wait
      stopping = true;
      process.stdout.write("\nStopping the sandbox...\n");
      void sandbox.close().then(() => {
        process.stdout.write("Sandbox stopped.\n");
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

  // Printed once the signal handlers are in place, so whoever reads the banner can stop us.
  if (!isLoopback(options.host)) process.stderr.write(`${exposedWarning(options.host)}\n\n`);
  process.stdout.write(sandboxBanner(sandbox.endpoint, bannerSettings(learner, dataDir, sandbox.bodiesDir)));
  await stopped;
};

const bannerSettings = (learner: boolean, dataDir: string | undefined, bodiesDir: string | undefined): BannerSettings => ({
  ...(dataDir ? { keptIn: dataDir } : bodiesDir ? { bodiesIn: bodiesDir } : {}),
  // The learner's sandbox signs as the lessons' account, in the lessons' region, as s3-tutor env does.
  ...(learner ? { learner: true, accessKeyId: SANDBOX_ACCOUNTS[DEFAULT_IDENTITY], region: EMULATOR_REGION } : {}),
});
