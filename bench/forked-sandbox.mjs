// A sandbox from dist/ in a process of its own (bench/big-objects-sandbox.mjs), so a bench measures
// its RSS apart from the client's: `usage()` asks it for its RSS and peak RSS, `stop()` closes it.
import { fork } from "node:child_process";
import { root } from "./lib.mjs";

export const forkSandbox = async (options = {}) => {
  const child = fork(new URL("./big-objects-sandbox.mjs", import.meta.url), [JSON.stringify(options)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n").find((text) => text.startsWith("{"));
      if (line) resolve(JSON.parse(line).endpoint);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited (${code})`)));
  });
  const usage = () =>
    new Promise((resolve) => {
      child.once("message", resolve);
      child.send("usage");
    });
  const stop = () =>
    new Promise((resolve) => {
      child.once("exit", resolve);
      child.send("close");
    });
  return { endpoint, usage, stop };
};
