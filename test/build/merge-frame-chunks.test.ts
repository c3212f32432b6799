import { build, type Metafile } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";
// @ts-expect-error: a plain .mjs module without types
import { mergeFrameChunks, planFrameChunks } from "../../scripts/merge-frame-chunks.mjs";

/**
 * The build merges the chunks the home screen's first frame loads into a few modules. These check
 * the plan against the build's metafile (no command loads code it did not load before, beyond the
 * small shared group) and what the merge writes.
 */

interface Group {
  name: string;
  chunks: string[];
  signature: Set<string>;
}

const root = join(import.meta.dirname, "..", "..");

const closure = (metafile: Metafile, output: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(output)) return seen;
  seen.add(output);
  for (const imported of metafile.outputs[output]!.imports) if (imported.kind === "import-statement" && !imported.external) closure(metafile, imported.path, seen);
  return seen;
};

describe("the first frame's chunks, merged", () => {
  let metafile: Metafile;
  let outdir: string;
  let groups: Group[];
  let bareStart: string;
  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), "s3-tutor-merge-"));
    const options = buildOptions("test") as object;
    metafile = (await build({ ...options, absWorkingDir: root, outdir: join(outdir, "dist"), metafile: true })).metafile;
    ({ groups, bareStart } = planFrameChunks(metafile) as { groups: Group[]; bareStart: string });
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const entries = () => Object.entries(metafile.outputs).filter(([name, output]) => name.endsWith(".js") && output.entryPoint);
  const ink = () => Object.entries(metafile.outputs).find(([, output]) => Object.keys(output.inputs).some((input) => /node_modules\/ink\/build\/ink\.js$/.test(input)))![0];

  it("puts the screens (Ink, React, home) in one module that only what shows the screens loads", () => {
    const screens = groups.find((group) => group.name === "frame-screens.js")!;
    expect(screens.chunks).toContain(ink());
    for (const [name] of entries()) {
      const loaded = closure(metafile, name);
      if (loaded.has(ink())) continue;
      expect(screens.chunks.filter((chunk) => loaded.has(chunk)), name).toEqual([]);
    }
  });

  it("makes nothing without the screens load a group it did not load whole before, but the small shared one", () => {
    for (const [name] of entries()) {
      const loaded = closure(metafile, name);
      if (loaded.has(ink())) continue;
      for (const group of groups) {
        if (group.name === "frame-shared.js") continue;
        const some = group.chunks.filter((chunk) => loaded.has(chunk));
        if (some.length > 0) expect(some.sort(), `${name} loads part of ${group.name}`).toEqual([...group.chunks].sort());
      }
    }
    const shared = groups.find((group) => group.name === "frame-shared.js")!;
    const bytes = shared.chunks.reduce((sum, chunk) => sum + metafile.outputs[chunk]!.bytes, 0);
    expect(bytes).toBeLessThan(64 * 1024);
  });

  it("leaves the entry's own imports and the bare start (its top-level await runs the app) out of the groups", () => {
    const entry = entries().find(([, output]) => output.entryPoint === "src/cli/start.ts")![0];
    const merged = groups.flatMap((group) => group.chunks);
    for (const chunk of closure(metafile, entry)) expect(merged).not.toContain(chunk);
    expect(merged).not.toContain(bareStart);
  });

  it("writes the groups, each merged chunk as a module re-exporting its names from its group, and the bare start importing the groups directly", async () => {
    await mergeFrameChunks(metafile, root);
    const chunks = join(outdir, "dist", "chunks");
    const files = readdirSync(chunks);
    for (const group of groups) expect(files).toContain(group.name);
    for (const group of groups) {
      for (const chunk of group.chunks) {
        const text = readFileSync(join(root, chunk), "utf8");
        expect(text, relative(root, chunk)).toMatch(new RegExp(`^(export \\{[^}]*\\} from|import) "\\./${group.name.replace(".", "\\.")}";\\n$`));
      }
    }
    const start = readFileSync(join(root, bareStart), "utf8");
    const imported = [...start.matchAll(/from"\.\/([^"]+)"/g)].map((match) => match[1]);
    const merged = new Set(groups.flatMap((group) => group.chunks.map((chunk) => chunk.split("/").pop())));
    expect(imported.filter((name) => merged.has(name))).toEqual([]);
    expect(imported.some((name) => name === "frame-shared.js")).toBe(true);
  });
});
