import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";

/**
 * Loads dist/chunks/*.js, which the build turned into classic scripts (scripts/script-chunks.mjs),
 * and keeps V8's code cache of each one. Why not Node's own loader: its compile cache (Node 22+)
 * stores a module's code as it stands once compiled, before anything runs, so every start
 * compiles again every function the first frame calls; Node 20 has no cache at all. A classic
 * script can give its cache at any time: this one takes it at exit, with everything the run compiled.
 */

/** What a chunk's script evaluates to: its code wrapped in a function (async when it awaits at the top). */
type ChunkFunction = (
  require: NodeJS.Require,
  module: { exports: unknown },
  importMetaUrl: string,
  load: (specifier: string) => unknown,
  importChunk: (specifier: string) => Promise<unknown>,
) => unknown;

export interface CodeCacheOptions {
  /** The folder that holds a subfolder per Node version and build (and maybe Node's own compile cache). */
  folder: string;
  /** Names this build's chunks (16 hex digits): a cache is only ever read for the exact text it was made from. */
  build: string;
}

export interface ChunkLoader {
  /** The chunk's exports; a promise of them when it, or what it imports, awaits at the top. */
  load: (file: string) => unknown;
  /** Writes the code cache of every chunk compiled without one (done at exit too). */
  saveCodeCache: () => void;
  /** How many chunks were compiled from their code cache, and how many without one (so far). */
  codeCacheUse: () => { fromCache: number; compiled: number };
}

const nodeRequire = createRequire(import.meta.url);

/** A built-in as `import()` gives it: its named exports, and itself as the default. */
const importBuiltin = (specifier: string): unknown => {
  const builtin = nodeRequire(specifier) as object;
  return { ...builtin, default: builtin };
};

const readCache = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/** A subfolder of the loader's own: `${process.version}-${process.arch}-${build}`. */
const BUILD_FOLDER = /^v\d+\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{16}$/;

/** Another build's caches can never be read again: they go when this build makes its own (nothing else in the folder does). */
const removeOtherBuilds = ({ folder, build }: CodeCacheOptions): void => {
  for (const entry of readdirSync(folder)) {
    if (BUILD_FOLDER.test(entry) && !entry.endsWith(`-${build}`)) rmSync(join(folder, entry), { recursive: true, force: true });
  }
};

/** A chunk loaded: its module, the promise of its exports when it is async, what it threw when it failed. */
interface ChunkRecord {
  module: { exports: unknown };
  ready?: Promise<unknown>;
  failed?: { error: unknown };
}

export const chunkLoader = ({ codeCache }: { codeCache?: CodeCacheOptions } = {}): ChunkLoader => {
  const cacheFolder = codeCache && join(codeCache.folder, `${process.version}-${process.arch}-${codeCache.build}`);
  const chunks = new Map<string, ChunkRecord>();
  const uncached: { file: string; script: Script }[] = [];
  let fromCache = 0;

  const load = (file: string): unknown => {
    const known = chunks.get(file);
    // As an ES module does, a chunk that failed fails again for every later importer.
    if (known?.failed) throw known.failed.error;
    if (known) return known.ready ?? known.module.exports;
    const record: ChunkRecord = { module: { exports: {} } };
    chunks.set(file, record);
    const cachedData = cacheFolder ? readCache(join(cacheFolder, basename(file))) : undefined;
    const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
    if (cachedData && !script.cachedDataRejected) fromCache++;
    else uncached.push({ file, script });
    const folder = dirname(file);
    const loadSibling = (specifier: string): unknown => load(resolve(folder, specifier));
    const importChunk = async (specifier: string): Promise<unknown> => (specifier.startsWith(".") ? loadSibling(specifier) : importBuiltin(specifier));
    const run = script.runInThisContext() as ChunkFunction;
    let result: unknown;
    try {
      result = run.call(undefined, nodeRequire, record.module, pathToFileURL(file).href, loadSibling, importChunk);
    } catch (error) {
      record.failed = { error };
      throw error;
    }
    if (result instanceof Promise) record.ready = result.then(() => record.module.exports);
    return record.ready ?? record.module.exports;
  };

  const saveCodeCache = (): void => {
    if (!codeCache || !cacheFolder || uncached.length === 0) return;
    try {
      if (mkdirSync(cacheFolder, { recursive: true }) !== undefined) removeOtherBuilds(codeCache);
      for (const { file, script } of uncached.splice(0)) {
        const target = join(cacheFolder, basename(file));
        const partial = `${target}.${process.pid}.partial`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, target);
      }
    } catch {
      // A cache folder that cannot be written: the next start compiles again, as it did without one.
    }
  };
  if (codeCache) process.on("exit", saveCodeCache);

  return { load, saveCodeCache, codeCacheUse: () => ({ fromCache, compiled: chunks.size - fromCache }) };
};
