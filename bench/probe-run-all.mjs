// One whole-process run of the curriculum on the sandbox, timed from outside. Prints JSON.
import { spawnSync } from "node:child_process";

const [mode = "run"] = process.argv.slice(2);
const args = mode === "floor" ? ["dist/cli.js", "--version"] : ["dist/cli.js", "run", "all", "--auto"];
const started = performance.now();
const result = spawnSync(process.execPath, args, { encoding: "utf8" });
const wallMs = performance.now() - started;
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
console.log(JSON.stringify({ wallMs }));
