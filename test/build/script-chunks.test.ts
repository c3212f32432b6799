import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";
// @ts-expect-error: a plain .mjs module without types
import { toScriptChunks } from "../../scripts/script-chunks.mjs";
import { chunkLoader } from "../../src/bundle/chunk-loader";
import { useTempDirs } from "../helpers/data-dir";

/**
 * dist/chunks/ as classic scripts (scripts/script-chunks.mjs) run by the app's chunk loader
 * (src/bundle/chunk-loader.ts) must behave as the ES modules they were: the same order of
 * evaluation, top-level awaits waited for, imported names that follow their module's changes,
 * import() of chunks and built-ins. A small program bundled as dist/ is, run both ways.
 */

const root = join(import.meta.dirname, "..", "..");

const SOURCES: Record<string, string> = {
  // Awaits at the top, as yoga's WebAssembly does.
  "slow.mjs": `globalThis.__order.push("slow:start");\nexport let value = await new Promise((resolve) => setTimeout(() => resolve(42), 20));\nglobalThis.__order.push("slow:end");`,
  "counter.mjs": `export let count = 0;\nexport const bump = () => { count++; };`,
  // A CommonJS dependency that requires a built-in, as bundled packages do.
  "eol.cjs": `module.exports = require("node:os").EOL;`,
  "screen.mjs": `import { value } from "./slow.mjs";\nimport { count, bump } from "./counter.mjs";\nimport eol from "./eol.cjs";\nglobalThis.__order.push("screen");\nexport const read = () => [value, count, eol];\nexport { bump };`,
  "lazy.mjs": `globalThis.__order.push("lazy");\nexport const lazy = "loaded later";`,
  "broken.mjs": `globalThis.__order.push("broken");\nthrow new Error("broken at load");`,
  "entry.mjs": `import { read, bump } from "./screen.mjs";\nimport { kind } from "./module-kind.mjs";\nconst { join } = await import("node:path");\nglobalThis.__order.push("entry");\nexport const run = async () => { bump(); const { lazy } = await import("./lazy.mjs"); const broken = []; for (const attempt of [1, 2]) await import("./broken.mjs").catch((error) => broken.push(error.message)); return { read: read(), lazy, joined: join("a", "b"), url: import.meta.url, kind: kind(), broken }; };`,
  "other.mjs": `import { bump } from "./counter.mjs";\nexport const other = bump;`,
  // What an ES module sees: strict mode, no CommonJS module of its own.
  "module-kind.mjs": `export const kind = () => [(function () { return this === undefined; })(), typeof module, typeof exports];`,
};

const tempFolder = useTempDirs("script-chunks");
afterEach(() => {
  delete (globalThis as { __order?: string[] }).__order;
});

/** The sources bundled as dist/ is (split), into a fresh folder's chunks/. */
const bundled = async (): Promise<string> => {
  const folder = tempFolder();
  for (const [name, text] of Object.entries(SOURCES)) await writeFile(join(folder, name), text);
  await build({
    absWorkingDir: folder,
    entryPoints: { entry: "entry.mjs", other: "other.mjs" },
    outdir: join(folder, "chunks"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    minify: true,
    logLevel: "silent",
  });
  return join(folder, "chunks");
};

type Entry = { run: () => Promise<{ read: unknown[]; lazy: string; joined: string; url: string; kind: unknown[]; broken: string[] }> };

const runEntry = async (entry: Entry | Promise<Entry>) => {
  const order = (globalThis as { __order?: string[] }).__order!;
  const result = await (await entry).run();
  return { order: [...order], result };
};

describe("dist/'s chunks as classic scripts", () => {
  it("run as the ES modules did: order, top-level awaits, live imported names, import() of chunks and built-ins", async () => {
    const chunks = await bundled();
    (globalThis as { __order?: string[] }).__order = [];
    const asModules = await runEntry(import(join(chunks, "entry.js")) as Promise<Entry>);

    await toScriptChunks(chunks);
    (globalThis as { __order?: string[] }).__order = [];
    const asScripts = await runEntry(chunkLoader().load(join(chunks, "entry.js")) as Promise<Entry>);

    expect(asScripts.result.read).toEqual([42, 1, "\n"]);
    expect(asScripts.result.kind).toEqual([true, "undefined", "undefined"]);
    // A chunk that throws as it loads throws for every importer, evaluated once.
    expect(asScripts.result.broken).toEqual(["broken at load", "broken at load"]);
    // (Run by vitest, whose module runner gives modules a `module` of their own, the ES modules' kind differs from Node's.)
    expect(asScripts.result).toEqual({ ...asModules.result, url: asScripts.result.url, kind: asScripts.result.kind });
    expect(asScripts.result.url).toBe(`file://${join(chunks, "entry.js")}`);
    expect(asScripts.order).toEqual(["slow:start", "slow:end", "screen", "entry", "lazy", "broken"]);
    expect(asScripts.order).toEqual(asModules.order);
  });

  it("are classic scripts without source maps, and only those that wait for a top-level await are async", async () => {
    const chunks = await bundled();
    const { async: asyncChunks, build: name } = await toScriptChunks(chunks);
    const files = (await readdir(chunks)).sort();
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(name).toMatch(/^[0-9a-f]{16}$/);
    for (const file of files) {
      const text = await readFile(join(chunks, file), "utf8");
      expect(text).toMatch(/^\((async )?function\(require,__module,__importMetaUrl,__load,__import\)\{"use strict";/);
      expect(text).not.toContain("createRequire");
      expect(text.startsWith("(async "), file).toBe(asyncChunks.includes(file));
    }
    // entry.js awaits, and so does the chunk with slow.mjs; other.js imports only the counter.
    expect(asyncChunks).toContain("entry.js");
    expect(asyncChunks).not.toContain("other.js");
  });

  it("refuses two chunks that import each other and await at the top (each would wait for the other)", async () => {
    const folder = tempFolder();
    await mkdir(join(folder, "chunks"));
    await writeFile(join(folder, "chunks", "a.js"), `import "./b.js";\nawait Promise.resolve();\n`);
    await writeFile(join(folder, "chunks", "b.js"), `import "./a.js";\nexport const b = 1;\n`);
    await expect(toScriptChunks(join(folder, "chunks"))).rejects.toThrow(/a\.js awaits at the top inside an import cycle/);
  });
});

describe("dist/'s bundle, as the script chunks read it", () => {
  it("has an import( for each import() it makes and no require of a sibling: no string in it reads like one", { timeout: 60_000 }, async () => {
    // script-chunks.mjs finds both by their text (`import("` and, after esbuild's transform, `require("./`).
    const result = await build({ ...(buildOptions("test") as object), absWorkingDir: root, write: false, metafile: true });
    for (const file of result.outputFiles.filter((output) => output.path.endsWith(".js"))) {
      const output = Object.entries(result.metafile.outputs).find(([name]) => file.path.endsWith(name))![1];
      const made = output.imports.filter((imported) => imported.kind === "dynamic-import").length;
      expect(file.text.match(/(?<![\w$.])import\("/g)?.length ?? 0, file.path).toBe(made);
      expect(file.text, file.path).not.toMatch(/\brequire\("\.\.?\//);
    }
  });
});

describe("the chunk loader's code cache", () => {
  it("is written once, then read by every later start; a damaged one is compiled past and written again", { timeout: 60_000 }, async () => {
    const chunks = await bundled();
    await toScriptChunks(chunks);
    const folder = join(chunks, "..", "cache");
    // Each start in a process of its own: within one, V8 finds a script it compiled already in memory.
    const driver = join(chunks, "..", "driver.mjs");
    await writeFile(
      driver,
      `import { chunkLoader } from ${JSON.stringify(join(root, "src", "bundle", "chunk-loader.ts"))};
globalThis.__order = [];
const loader = chunkLoader({ codeCache: { folder: ${JSON.stringify(folder)}, build: "b1b1b1b1b1b1b1b1" } });
const { read } = await (await loader.load(${JSON.stringify(join(chunks, "entry.js"))})).run();
process.on("exit", () => console.log(JSON.stringify({ use: loader.codeCacheUse(), read })));`,
    );
    const run = () => {
      const started = spawnSync(process.execPath, ["--import", "tsx", driver], { cwd: root, encoding: "utf8" });
      if (started.status !== 0) throw new Error(started.stderr);
      return JSON.parse(started.stdout) as unknown;
    };
    // Every chunk but other.js, which the entry does not import.
    const loadedChunks = (await readdir(chunks)).filter((file) => file !== "other.js").sort();
    const loaded = loadedChunks.length;
    const read = [42, 1, "\n"];

    // An earlier build's folder, and what Node's own compile cache keeps in a folder it shares.
    await mkdir(join(folder, `${process.version}-${process.arch}-b0b0b0b0b0b0b0b0`), { recursive: true });
    await mkdir(join(folder, "v22.12.0-x64-7ac73f3e-0"), { recursive: true });
    expect(run()).toEqual({ use: { fromCache: 0, compiled: loaded }, read });
    const cacheFolder = join(folder, `${process.version}-${process.arch}-b1b1b1b1b1b1b1b1`);
    // Written at exit; the other build's folder went when this build made its own, Node's stayed.
    expect((await readdir(folder)).sort()).toEqual([`${process.version}-${process.arch}-b1b1b1b1b1b1b1b1`, "v22.12.0-x64-7ac73f3e-0"].sort());
    expect((await readdir(cacheFolder)).sort()).toEqual(loadedChunks);

    expect(run()).toEqual({ use: { fromCache: loaded, compiled: 0 }, read });

    await writeFile(join(cacheFolder, "entry.js"), "not V8's code cache");
    expect(run()).toEqual({ use: { fromCache: loaded - 1, compiled: 1 }, read });
    expect((await readFile(join(cacheFolder, "entry.js"))).toString("latin1")).not.toBe("not V8's code cache");
    expect(run()).toEqual({ use: { fromCache: loaded, compiled: 0 }, read });
  });
});
