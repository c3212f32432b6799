import { spawn, type ChildProcess } from "node:child_process";
import { root, terminalEnv } from "./pty-app";

export interface BuiltRoom {
  child: ChildProcess;
  /** The match of the line waited for. */
  line: RegExpExecArray;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/**
 * The built `s3-tutor room <workshop>` (dist/cli.js) as its own process without a terminal, resolved
 * once its output has a line matching `waitFor` (it prints the join command and the projector page's
 * address, then serves until stopped). Killed if it does not get there within 30 s.
 */
export const startBuiltRoom = async (options: {
  workshop: string;
  roomDir: string;
  stateDir: string;
  port?: number;
  waitFor: RegExp;
}): Promise<BuiltRoom> => {
  const child = spawn(process.execPath, ["dist/cli.js", "room", options.workshop, "--port", String(options.port ?? 0), "--data-dir", options.roomDir], {
    cwd: root,
    env: terminalEnv(options.stateDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const line = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill("SIGKILL");
      reject(new Error(`the room did not start:\n${output}`));
    }, 30_000);
    const poll = setInterval(() => {
      const match = options.waitFor.exec(output);
      if (match) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match);
      }
    }, 20);
    child.once("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`the room exited with ${code}:\n${output}`));
    });
  });
  return { child, line, output: () => output };
};
