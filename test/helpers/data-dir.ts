import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Fresh temporary folders for the file, removed after it. */
export const useTempDirs = (stem: string): (() => string) => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `s3-tutor-${stem}-`));
    made.push(dir);
    return dir;
  };
};

export interface ServingChild {
  child: ChildProcessWithoutNullStreams;
  endpoint: string;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
}

/** Starts a sandbox on `dataDir` in another process (test/helpers/serve-data-dir.ts). */
export const serveInChild = (dataDir: string, replicationDelayMs = 1000): Promise<ServingChild> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/serve-data-dir.ts", dataDir, String(replicationDelayMs)], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    let output = "";
    let errors = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the sandbox child did not start; it printed:\n${output}${errors}`));
    }, 15_000);
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const endpoint = /ENDPOINT (\S+)/.exec(output)?.[1];
      if (endpoint) {
        clearTimeout(timer);
        resolve({ child, endpoint, exited });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox child exited (${code}) before it listened:\n${output}${errors}`));
    });
  });
