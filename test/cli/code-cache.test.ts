import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, spawnCli } from "../helpers/cli";
import { useTempDirs } from "../helpers/data-dir";

/**
 * The built command keeps V8's compiled code of its chunks (src/bundle/chunk-loader.ts): the first
 * start writes it at exit, a later start reads it and writes nothing, and a damaged file costs a
 * compile, never the start.
 */

const stateFolder = useTempDirs("code-cache");

/** `validate` in a state folder, with the cache where a learner's goes (the test run shares one: test/global/build-dist.ts). */
const validate = async (state: string, env: NodeJS.ProcessEnv = {}) => {
  const run = await finished(spawnCli(["validate"], { S3_TUTOR_STATE_DIR: state, NODE_COMPILE_CACHE: "", ...env }));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/lessons, quizzes and workshops are valid/);
  return run;
};

/** Each cache file with its last change. */
const cacheFiles = async (folder: string): Promise<Map<string, number>> =>
  new Map(await Promise.all((await readdir(folder)).map(async (name) => [name, (await stat(join(folder, name))).mtimeMs] as const)));

describe("the built command's compiled code", () => {
  it("is written by the first start, read by the next without writing, and a damaged file is compiled past and replaced", { timeout: 60_000 }, async () => {
    const state = stateFolder();
    await validate(state);
    const [build, ...others] = await readdir(join(state, "compile-cache"));
    expect(others).toEqual([]);
    expect(build).toMatch(new RegExp(`^${process.version}-${process.arch}-[0-9a-f]{16}$`));
    const folder = join(state, "compile-cache", build!);
    const first = await cacheFiles(folder);
    expect([...first.keys()]).toContain("start.js");
    expect([...first.keys()].some((name) => name.startsWith("validate-"))).toBe(true);

    await validate(state);
    expect(await cacheFiles(folder)).toEqual(first);

    await writeFile(join(folder, "start.js"), "damaged");
    await validate(state);
    expect((await readFile(join(folder, "start.js"))).toString("latin1")).not.toBe("damaged");
  });

  it("is neither read nor written with NODE_DISABLE_COMPILE_CACHE=1", { timeout: 30_000 }, async () => {
    const state = stateFolder();
    await validate(state, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(await readdir(state)).not.toContain("compile-cache");
  });

  it("goes into NODE_COMPILE_CACHE's folder, replacing an earlier build's and leaving what Node keeps there", { timeout: 30_000 }, async () => {
    const state = stateFolder();
    const shared = join(state, "shared");
    const former = join(shared, "v22.12.0-x64-0123456789abcdef");
    const nodes = join(shared, "v22.12.0-x64-7ac73f3e-0");
    for (const folder of [former, nodes]) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, "start.js"), "kept before");
    }
    await validate(state, { NODE_COMPILE_CACHE: shared });
    // This build's folder alone of the loader's (on Node 22 and later, Node keeps dist/cli.js's own cache there too).
    const entries = (await readdir(shared)).filter((entry) => /-[0-9a-f]{16}$/.test(entry));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(new RegExp(`^${process.version}-${process.arch}-[0-9a-f]{16}$`));
    expect(entries[0]).not.toBe("v22.12.0-x64-0123456789abcdef");
    expect(await readdir(join(shared, entries[0]!))).toContain("start.js");
    expect(await readFile(join(nodes, "start.js"), "utf8")).toBe("kept before");
    expect(await readdir(state)).not.toContain("compile-cache");
  });
});
