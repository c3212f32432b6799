import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The built binary (the global setup bundles the sources as they are into dist/ before any test runs). */
export const CLI = "dist/cli.js";

/** A copy filter for dist/: npm leaves source maps out (the build writes none; an older one may have). */
export const notSourceMap = (source: string): boolean => !source.endsWith(".map");

/**
 * The sandboxes the CLI starts replicate in a fraction of a second (the learner's default is 1–3 s),
 * still random so PENDING comes first; a test about the delay sets its own.
 */
const TEST_REPLICATION_DELAY = { S3_TUTOR_REPLICATION_DELAY: "50ms-200ms" };

/** Runs the built CLI as a user runs the binary. */
export const spawnCli = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams => spawnCliOf(root, args, env);

/** What npm packs: package.json and the package's "files" (its "!" exclusions, the source maps, are notSourceMap's). */
const packagedEntries = (): string[] => {
  const { files } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
  return ["package.json", ...files.filter((entry) => !entry.startsWith("!"))];
};

/**
 * The installed package (package.json, dist/ without source maps, the schemas and content folders)
 * copied into `dir`, with the files' times kept, as npm installs it. dist/ is copied, not linked: a
 * link would resolve back to this repository and its shipped content.
 */
export const copyPackage = async (dir: string): Promise<void> => {
  for (const entry of packagedEntries()) {
    await cp(join(root, entry), join(dir, entry), { recursive: true, filter: notSourceMap, preserveTimestamps: true });
  }
};

/**
 * A copy of the package whose lessons were saved after the build, as a content author's are: the
 * build's content is then older than the YAML, so the app reads the YAML and keeps what it found
 * valid in its content cache. Removed with `remove()`.
 */
export const packageWithEditedContent = async (): Promise<{ dir: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), "s3-tutor-edited-package-"));
  await copyPackage(dir);
  const lesson = join(dir, "lessons", "s3-basics.yaml");
  const later = new Date(Date.now() + 60_000);
  await utimes(lesson, later, later);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
};

/** Runs the built CLI of a copy of the package (packageWithEditedContent) as a user runs the binary. */
export const spawnCliOf = (packageDir: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams => {
  const child = spawn(process.execPath, [join(packageDir, CLI), ...args], {
    cwd: packageDir,
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
