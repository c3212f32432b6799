import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { SandboxOptions } from "../../src/sandbox/index";

const SCRIPT = fileURLToPath(new URL("../sandbox/fixtures/sandbox-process.ts", import.meta.url));

/**
 * The fixture bundled as dist/ is (plain JavaScript, no TypeScript loader in the process), so
 * the child's memory is the sandbox's as a learner runs it: tsx alone would add some 45 MiB.
 */
const bundledScript = async (): Promise<{ file: string; remove: () => void }> => {
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-sandbox-process-"));
  const file = join(dir, "sandbox-process.mjs");
  await build({
    entryPoints: [SCRIPT],
    outfile: file,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export interface Usage {
  peakRss: number;
  rss: number;
}

/** A sandbox in a child process of its own: its memory figures are the sandbox's, nothing else's. */
export class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {}

  static async start(options: Omit<SandboxOptions, "onRequest" | "onInternalError" | "onReplication" | "onStorageError" | "now"> = {}): Promise<SandboxProcess> {
    const script = await bundledScript();
    const child = fork(script.file, [JSON.stringify(options)], {
      execArgv: [],
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    child.once("exit", script.remove);
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split("\n").find((text) => text.startsWith("{"));
        if (line) resolve((JSON.parse(line) as { endpoint: string }).endpoint);
      });
      child.once("exit", (code) => reject(new Error(`the sandbox process exited (${code}) before it started`)));
    });
    return new SandboxProcess(child, endpoint);
  }

  usage(): Promise<Usage> {
    return new Promise((resolve) => {
      this.child.once("message", (message) => resolve(message as Usage));
      this.child.send("usage");
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send("close");
    await exited;
  }
}
