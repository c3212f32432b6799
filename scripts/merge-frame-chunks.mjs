import { build } from "esbuild";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";

// esbuild's code splitting gives every set of entry points that share code a chunk of its own: the
// home screen's first frame loaded 45 modules, most of them a few hundred bytes, and Node pays for
// each (resolving, reading, linking: ~0.45 ms a module on Node 20) before anything is drawn. This
// step, run on dist/ after the build, merges the chunks that path loads into a few modules:
//  - the chunks only the screens load (Ink, React, the app, home) into one;
//  - the chunks that commands without the screens load too, by the set of those commands that load
//    them, so that no command loads code it did not load before; groups smaller than SMALL_GROUP
//    bytes (the app's small modules: errors, versions, the state files' readers) into one, which a
//    command without the screens may load a few kilobytes more of.
// Every merged chunk stays, as a one-line module re-exporting its names from the merged one: code
// that imports it (a command, a screen loaded later) gets the same module instance as before.
// open-app's chunk (the bare start, with a top-level await that runs the whole app) is not merged:
// it is rebuilt to import from the merged modules directly.

/** Groups of chunks, each smaller than this, go into one module. */
export const SMALL_GROUP = 8 * 1024;

/** The sources where the first frame's path starts: the bare start, then what it imports in turn. */
const FRAME_PATH = ["src/cli/open-app.ts", "src/store/move-former-state.ts", "src/cli/commands/app.ts", "src/ui/start-app.tsx"];
const BARE_START = "src/cli/open-app.ts";
const INK = /node_modules\/ink\/build\/ink\.js$/;

const jsOutputs = (metafile) => Object.entries(metafile.outputs).filter(([name]) => name.endsWith(".js"));

const outputOf = (metafile, matches) => {
  const found = jsOutputs(metafile).find(([, output]) => Object.keys(output.inputs).some(matches))?.[0];
  if (!found) throw new Error(`merge-frame-chunks: no output holds ${matches}`);
  return found;
};

/** `output` and every output it imports statically, transitively. */
const closure = (metafile, output, seen = new Set()) => {
  if (seen.has(output)) return seen;
  seen.add(output);
  for (const imported of metafile.outputs[output].imports) if (imported.kind === "import-statement" && !imported.external) closure(metafile, imported.path, seen);
  return seen;
};

/**
 * Which chunks go together, from the build's metafile: { groups: [{ name, chunks, signature }], bareStart }
 * (output paths as the metafile names them; a group's signature: the entry points without the
 * screens that load its chunks).
 */
export const planFrameChunks = (metafile) => {
  const bareStart = outputOf(metafile, (input) => input === BARE_START);
  const entryOf = (source) => {
    const found = jsOutputs(metafile).find(([, output]) => output.entryPoint === source)?.[0];
    if (!found) throw new Error(`merge-frame-chunks: no entry point ${source}`);
    return found;
  };
  const entry = entryOf("src/cli/start.ts");
  const onPath = new Set();
  for (const source of FRAME_PATH) closure(metafile, entryOf(source), onPath);
  // What the first chunk (start.ts) imports stays as it is, and so does the bare start.
  for (const output of closure(metafile, entry)) onPath.delete(output);
  onPath.delete(bareStart);

  // The entry points (commands, the sandbox, what they import() later) whose code does not include the screens.
  const ink = outputOf(metafile, (input) => INK.test(input));
  const others = jsOutputs(metafile)
    .filter(([name, output]) => output.entryPoint && name !== entry)
    .map(([name]) => [name, closure(metafile, name)])
    .filter(([, loaded]) => !loaded.has(ink));
  const signatureOf = (chunk) => new Set(others.filter(([, loaded]) => loaded.has(chunk)).map(([name]) => name));

  const bySignature = new Map();
  for (const chunk of onPath) {
    const signature = signatureOf(chunk);
    const key = [...signature].sort().join(" ");
    if (!bySignature.has(key)) bySignature.set(key, { signature, chunks: [] });
    bySignature.get(key).chunks.push(chunk);
  }
  const bytes = (chunks) => chunks.reduce((sum, chunk) => sum + metafile.outputs[chunk].bytes, 0);
  const groups = [...bySignature.values()];
  // The small groups go into one, except those it would make load more than they did: a group the
  // merged one imports must be loaded already by every entry point that loads the merged one.
  let small = groups.filter((group) => group.signature.size > 0 && bytes(group.chunks) < SMALL_GROUP);
  for (;;) {
    const merged = new Set(small.flatMap((group) => group.chunks));
    const loaders = new Set(small.flatMap((group) => [...group.signature]));
    const missing = new Set();
    for (const chunk of merged) {
      for (const imported of metafile.outputs[chunk].imports) {
        if (imported.kind !== "import-statement" || !onPath.has(imported.path) || merged.has(imported.path)) continue;
        const signature = signatureOf(imported.path);
        for (const name of loaders) if (!signature.has(name)) missing.add(name);
      }
    }
    if (missing.size === 0) break;
    small = small.filter((group) => ![...group.signature].some((name) => missing.has(name)));
  }
  const named = [];
  const screens = groups.find((group) => group.signature.size === 0);
  if (screens) named.push({ name: "frame-screens.js", ...screens });
  for (const group of groups) if (group !== screens && !small.includes(group)) named.push({ name: `frame-part-${named.length}.js`, ...group });
  if (small.length > 0) named.push({ name: "frame-shared.js", signature: new Set(small.flatMap((group) => [...group.signature])), chunks: small.flatMap((group) => group.chunks) });
  assertAcyclic(metafile, named);
  return { groups: named, bareStart };
};

/** Merged modules that import each other in a circle would run one before what it needs. */
const assertAcyclic = (metafile, groups) => {
  const groupOf = new Map(groups.flatMap((group) => group.chunks.map((chunk) => [chunk, group.name])));
  const edges = new Map(groups.map((group) => [group.name, new Set()]));
  for (const group of groups) {
    for (const chunk of group.chunks) {
      for (const imported of metafile.outputs[chunk].imports) {
        const target = groupOf.get(imported.path);
        if (imported.kind === "import-statement" && target && target !== group.name) edges.get(group.name).add(target);
      }
    }
  }
  const state = new Map();
  const visit = (name, trail) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`merge-frame-chunks: merged modules would import each other: ${[...trail, name].join(" → ")}`);
    state.set(name, "visiting");
    for (const next of edges.get(name)) visit(next, [...trail, name]);
    state.set(name, "done");
  };
  for (const name of edges.keys()) visit(name, []);
};

/** The name a chunk's export has in its merged module: the chunk's place in its group, then the name. */
const mergedName = (index, name) => `c${index}_${name}`;

/**
 * Merges the chunks of `planFrameChunks` where the build wrote them (see the top of this file); `root`
 * is the build's working folder, which the metafile's paths are relative to. Returns the plan.
 */
export const mergeFrameChunks = async (metafile, root) => {
  const plan = planFrameChunks(metafile);
  // Where the chunks are (the bare start is one of them): dist/chunks/, or a test's build.
  const chunksDir = dirname(join(root, plan.bareStart));
  const place = new Map(); // absolute chunk path → { group, index }
  for (const group of plan.groups) group.chunks.forEach((chunk, index) => place.set(join(root, chunk), { group, index }));
  const exportsOf = (path) => metafile.outputs[relative(root, path)].exports;
  /** A module that re-exports the chunk's names from its group's module under their own names (or only loads it). */
  const facade = (path) => {
    const { group, index } = place.get(path);
    const names = exportsOf(path);
    const source = `./${group.name}`;
    return names.length > 0 ? `export { ${names.map((name) => `${mergedName(index, name)} as ${name}`).join(", ")} } from ${JSON.stringify(source)};\n` : `import ${JSON.stringify(source)};\n`;
  };

  const bundle = async (options, inside) => {
    const result = await build({
      ...options,
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      minify: true,
      legalComments: "none",
      logLevel: "warning",
      plugins: [
        {
          name: "merged-chunks",
          setup(b) {
            b.onResolve({ filter: /^\.\.?\// }, (args) => {
              if (args.namespace === "merged-facade") return { path: args.path, external: true };
              const path = join(args.resolveDir, args.path);
              if (inside(path)) return undefined;
              // Another group's chunk, imported statically: straight from that group's module.
              if (place.has(path) && args.kind === "import-statement") return { path, namespace: "merged-facade" };
              // Anything else (a chunk loaded with import(), a chunk not merged) as it was, by its path.
              return { path: `./${relative(chunksDir, path)}`, external: true };
            });
            b.onLoad({ filter: /.*/, namespace: "merged-facade" }, ({ path }) => ({ contents: facade(path), resolveDir: chunksDir, loader: "js" }));
          },
        },
      ],
    });
    for (const file of result.outputFiles) await writeFile(file.path, file.contents);
  };

  for (const group of plan.groups) {
    const members = new Set(group.chunks.map((chunk) => join(root, chunk)));
    const contents = group.chunks
      .map((chunk, index) => {
        const names = metafile.outputs[chunk].exports;
        const from = JSON.stringify(`./${basename(chunk)}`);
        return names.length > 0 ? `export { ${names.map((name) => `${name} as ${mergedName(index, name)}`).join(", ")} } from ${from};` : `import ${from};`;
      })
      .join("\n");
    await bundle({ stdin: { contents, resolveDir: chunksDir, sourcefile: group.name, loader: "js" }, outfile: join(chunksDir, group.name) }, (path) => members.has(path));
  }
  // The bare start, rebuilt from itself: its imports go straight to the merged modules.
  const bareStart = join(root, plan.bareStart);
  await bundle({ entryPoints: [bareStart], outfile: bareStart, allowOverwrite: true }, () => false);
  // Every merged chunk becomes its facade, for whatever else imports it.
  for (const path of place.keys()) await writeFile(path, facade(path));
  return plan;
};
