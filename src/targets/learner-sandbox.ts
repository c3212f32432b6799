import { join } from "node:path";
import type { Sandbox, SandboxOptions } from "../sandbox/index";
import { writeJsonAtomic } from "../store/atomic-write";
import { readJsonFile } from "../store/json-file";
import { dataDir } from "../store/state-dir";
import { loadSandbox } from "./sandbox-loader";
import { delayText, type PlainReplicationDelay } from "./sandbox-delays";
import { LEARNER_SANDBOX_PORT } from "./sandbox-port";
import { TargetError } from "./target";

/**
 * The learner's sandbox: one world kept in <data>/sandbox, served on a port that stays the
 * same from run to run (so code shown in a lesson, and `eval "$(s3-tutor env)"` in the
 * learner's own shell, keep working). Whichever s3-tutor process needs it first serves it;
 * the others use that one.
 */

export const learnerSandboxDir = (): string => join(dataDir(), "sandbox");

const portFile = () => join(learnerSandboxDir(), "port.json");

export const loopbackEndpoint = (port: number): string => `http://127.0.0.1:${port}`;

const readPort = (value: unknown): number => {
  const port = (value as { port?: unknown } | null)?.port;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error("no valid port in the file");
  return port;
};

const rememberedPort = async (notice: (message: string) => void): Promise<number | undefined> => {
  const stored = await readJsonFile(portFile(), readPort);
  if (stored.status === "corrupt") notice(`The sandbox's remembered port could not be read (${stored.reason}); the file was moved to ${stored.movedTo}.`);
  return stored.status === "ok" ? stored.value : undefined;
};

export interface RunningLearnerSandbox {
  endpoint: string;
  pid: number;
  /** The replication delay it was started with, as its health answer says. */
  replicationDelay?: number | readonly [number, number];
}

/**
 * The learner's sandbox as some process (perhaps this one) serves it now: its data folder is
 * locked by a live process, and that process answers at the endpoint the lock names.
 */
export const runningLearnerSandbox = async (): Promise<RunningLearnerSandbox | undefined> => {
  const { dataDirHolder, probeSandbox } = await loadSandbox();
  const holder = await dataDirHolder(learnerSandboxDir());
  if (!holder?.endpoint) return undefined;
  const probe = await probeSandbox(holder.endpoint);
  if (probe.kind !== "sandbox" || probe.health.pid !== holder.pid) return undefined;
  const { replicationDelay } = probe.health;
  return { endpoint: holder.endpoint, pid: holder.pid, ...(replicationDelay !== undefined ? { replicationDelay } : {}) };
};

/** Where the learner's sandbox is, or will be when it starts; starts nothing (for `s3-tutor env`). */
export const learnerSandboxEndpoint = async (
  notice: (message: string) => void = () => undefined,
): Promise<{ endpoint: string; running: boolean }> => {
  const running = await runningLearnerSandbox();
  if (running) return { endpoint: running.endpoint, running: true };
  return { endpoint: loopbackEndpoint((await rememberedPort(notice)) ?? LEARNER_SANDBOX_PORT), running: false };
};

export interface LearnerSandbox {
  endpoint: string;
  /** Started by this call, in this process: close() stops it. Otherwise close() leaves the serving process alone. */
  startedHere: boolean;
  /** Started here: its memory can be read directly (the world panel). */
  sandbox?: Pick<Sandbox, "view" | "mrapView">;
  close(): Promise<void>;
}

export interface OpenLearnerSandboxOptions {
  /** A port the learner chose (s3-tutor sandbox --port), remembered. Default: the remembered one, else 4567. */
  port?: number;
  /**
   * Use the sandbox another process already serves (default). False (s3-tutor sandbox) makes
   * that a SandboxDataDirInUseError instead.
   */
  reuseRunning?: boolean;
  onNotice?: (message: string) => void;
  /** Passed to startSandbox when the sandbox starts here. */
  sandbox?: Omit<SandboxOptions, "dataDir" | "port">;
}

const STARTING_GRACE_MS = 5000;

/** The learner's sandbox: the one already served, or one started in this process on the stable port. */
export const openLearnerSandbox = async (options: OpenLearnerSandboxOptions = {}): Promise<LearnerSandbox> => {
  const notice = options.onNotice ?? (() => undefined);
  const reuse = options.reuseRunning ?? true;
  if (reuse) {
    const running = await runningLearnerSandbox();
    if (running) return servedElsewhere(running, options);
  }
  const { startSandbox, SandboxDataDirInUseError, SandboxDataError } = await loadSandbox();
  const remembered = await rememberedPort(notice);
  const wanted = options.port ?? remembered ?? LEARNER_SANDBOX_PORT;
  const start = (port: number) => startSandbox({ ...options.sandbox, dataDir: learnerSandboxDir(), port });

  let sandbox: Sandbox;
  try {
    sandbox = await start(wanted).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || options.port !== undefined) throw error;
      const moved = await start(0);
      notice(
        remembered === undefined
          ? `Port ${wanted} is taken, so your sandbox listens on ${moved.endpoint} (remembered for next time).`
          : `Port ${wanted}, where your sandbox listened before, is taken by another program, so it now listens on ${moved.endpoint} ` +
              '(remembered for next time). Run eval "$(s3-tutor env)" again in your own shell.',
      );
      return moved;
    });
  } catch (error) {
    if (error instanceof SandboxDataDirInUseError && reuse) return servedElsewhere(await waitForHolder(error), options);
    if (error instanceof SandboxDataError) {
      throw new TargetError(error.message, `Move the folder aside to start with an empty sandbox (nothing in it is deleted): ${error.dataDir}`);
    }
    throw error;
  }
  if (sandbox.port !== remembered) await writeJsonAtomic(portFile(), { port: sandbox.port });
  return { endpoint: sandbox.endpoint, startedHere: true, sandbox, close: () => sandbox.close() };
};

/**
 * The sandbox another process serves. Its replication delay is that process's: asked for another
 * one, the learner is told where to give it rather than having the sandbox they share changed under them.
 */
const servedElsewhere = (running: RunningLearnerSandbox, options: OpenLearnerSandboxOptions): LearnerSandbox => {
  const wanted = options.sandbox?.replicationDelay;
  if (wanted !== undefined && typeof wanted !== "function" && !sameDelay(wanted, running.replicationDelay)) {
    options.onNotice?.(
      `Your sandbox is served by process ${running.pid}, whose replication delay is ${running.replicationDelay === undefined ? "its own" : delayText(running.replicationDelay)}, not ${delayText(wanted)}: ` +
        "the delay is set when a sandbox starts (stop that process, or give it --replication-delay).",
    );
  }
  return { endpoint: running.endpoint, startedHere: false, close: async () => undefined };
};

const sameDelay = (a: PlainReplicationDelay, b: PlainReplicationDelay | undefined): boolean =>
  b !== undefined && (typeof a === "number" || typeof b === "number" ? a === b : a[0] === b[0] && a[1] === b[1]);

/** Another process holds the folder but did not answer yet: it may be starting, so give it a moment. */
const waitForHolder = async (busy: { pid: number; lockFile: string; dataDir: string }): Promise<RunningLearnerSandbox> => {
  const deadline = Date.now() + STARTING_GRACE_MS;
  while (Date.now() < deadline) {
    const running = await runningLearnerSandbox();
    if (running) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new TargetError(
    `Your sandbox's data (${busy.dataDir}) is held by process ${busy.pid}, which does not answer as a sandbox.`,
    `Stop that process if it is a stuck s3-tutor; if no such process is yours, delete ${busy.lockFile} and try again.`,
  );
};
