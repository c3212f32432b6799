import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";

const root = join(import.meta.dirname, "..", "..");
let folder = "";
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Reports every read of the global fetch, and at exit whether undici was loaded. */
const FETCH_WATCH = `
const own = Object.getOwnPropertyDescriptor(globalThis, "fetch");
Object.defineProperty(globalThis, "fetch", { configurable: true, get() { console.log("fetch read"); return own.get ? own.get.call(this) : own.value; } });
process.on("exit", () => console.log("undici loaded: " + process.moduleLoadList.some((name) => name.includes("undici"))));
`;

describe("Ink's layout engine (yoga) in the bundle", () => {
  it("starts without reading the global fetch, so undici is not loaded for it", async () => {
    folder = await mkdtemp(join(tmpdir(), "s3-tutor-yoga-"));
    await writeFile(join(folder, "entry.mjs"), 'import Yoga from "yoga-layout";\nconst node = Yoga.Node.create();\nnode.setWidth(7);\nnode.calculateLayout();\nconsole.log("width " + node.getComputedWidth());\n');
    await writeFile(join(folder, "watch.mjs"), FETCH_WATCH);
    await build({ ...(buildOptions("test") as object), absWorkingDir: root, entryPoints: { yoga: join(folder, "entry.mjs") }, outdir: join(folder, "out"), nodePaths: [join(root, "node_modules")], logLevel: "silent" });
    const run = spawnSync(process.execPath, ["--import", join(folder, "watch.mjs"), join(folder, "out", "yoga.js")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(["width 7", "undici loaded: false"]);
  }, 60_000);
});
