import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The built binary (the global setup bundles the sources as they are into dist/ before any test runs). */
export const CLI = "dist/cli.js";

/** A copy filter for dist/: the source maps are large and nothing in a copied package reads them. */
export const notSourceMap = (source: string): boolean => !source.endsWith(".map");

/**
 * The sandboxes the CLI starts replicate in a fraction of a second (the learner's default is 1–3 s),
 * still random so PENDING comes first; a test about the delay sets its own.
 */
const TEST_REPLICATION_DELAY = { S3_TUTOR_REPLICATION_DELAY: "50ms-200ms" };

/** Runs the built CLI as a user runs the binary. */
export const spawnCli = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams => {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: root,
    env: { ...process.env, ...TEST_REPLICATION_DELAY, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  record(child);
  return child;
};

/**
 * Runs the CLI from source through tsx, for tests about what only a source run does: the content
 * cache, whose fingerprint names the code that wrote it, shared with the test's own process.
 */
export const spawnCliFromSource = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, ...TEST_REPLICATION_DELAY, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  record(child);
  return child;
};

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output until it exits. */
export const finished = (child: ChildProcessWithoutNullStreams): Promise<Finished> =>
  new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });

const recorded = new WeakMap<ChildProcessWithoutNullStreams, { text: string }>();

/** Everything the child printed on stdout since it started. */
const record = (child: ChildProcessWithoutNullStreams) => {
  let output = recorded.get(child);
  if (!output) {
    const fresh = { text: "" };
    child.stdout.on("data", (chunk: Buffer) => (fresh.text += chunk.toString()));
    recorded.set(child, fresh);
    output = fresh;
  }
  return output;
};

/** Resolves with everything printed since the start once stdout matches `pattern`. */
export const waitForOutput = (child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 30_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const output = record(child);
    const check = () => {
      if (!pattern.test(output.text)) return;
      clearTimeout(timer);
      child.stdout.off("data", check);
      resolve(output.text);
    };
    const timer = setTimeout(() => {
      child.stdout.off("data", check);
      reject(new Error(`timed out waiting for ${pattern}; saw:\n${output.text}`));
    }, timeoutMs);
    child.stdout.on("data", check);
    check();
  });
