// Shared helpers for the bench scripts: percentiles, child processes, formatting.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0], p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
};

export const ms = (value) => `${value.toFixed(2)} ms`;

/**
 * Runs `node script` once and resolves with the JSON it prints on its last line. Asynchronous on
 * purpose: servers started by this process keep having their output drained meanwhile.
 */
export const runNodeJson = (script, args = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${script} failed: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)));
    });
  });

/** Builds dist/ when it is older than its sources (scripts/build-if-stale.mjs): a bench never measures a stale build. */
export const ensureBuilt = () => {
  const build = spawnSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
};

/** Starts a long-running child; resolves with it and what it printed once `ready` matches (within `timeoutMs`). */
export const startServer = (command, args, ready, env = {}, timeoutMs = 60_000) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${command} did not start: ${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        // Keep draining its output: a server blocked on a full pipe would stall the benchmark.
        child.stdout.off("data", onData).on("data", () => undefined);
        child.stderr.off("data", onData).on("data", () => undefined);
        resolve({ child, output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}: ${output}`));
    });
  });
