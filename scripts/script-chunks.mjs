import { transform } from "esbuild";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

// Turns every ES module in dist/chunks/ into a classic script that src/bundle/chunk-loader.ts runs.
// A classic script, unlike an ES module, can hand V8's code cache over after it has run, with every
// function the run compiled in it. Each chunk becomes a strict-mode function of
// (require, __module, __importMetaUrl, __load, __import) around its code as CommonJS:
//  - esbuild's transform keeps imported names live (`x` becomes `import_y.x`, a getter);
//  - the exports go to `__module.exports`, so a free `module` or `exports` in the bundled code stays
//    undefined, as in the ES module; `require` is for built-ins only;
//  - `import("./c.js")` becomes `__import("./c.js")`, and `require("./c.js")` `__load("./c.js")`:
//    the loader's, which find the sibling chunk;
//  - a chunk that awaits at the top (yoga's WebAssembly, Ink's optional devtools), and every chunk
//    that imports one, becomes an async function that awaits what it imports, as ES modules wait.

const PARAMETERS = "require,__module,__importMetaUrl,__load,__import";
/** How esbuild's CommonJS gives the module its exports (once, in a chunk that has any). */
const EXPORTS = "module.exports=__toCommonJS(";
/**
 * Stands for a top-level `await` while esbuild transforms (it refuses one in CommonJS). Whatever
 * esbuild makes of `__tla__*x`, it prints the same tokens back, and they become `await x` again.
 */
const AWAIT_STAND_IN = "__tla__*";
const SIBLING_REQUIRE = /\brequire\("(\.\/[^"]+\.js)"\)/g;

/** The UTF-16 offset of esbuild's (line, byte column). */
const offsetOf = (code, { line, column }) => {
  let start = 0;
  for (let at = 1; at < line; at++) start = code.indexOf("\n", start) + 1;
  const end = code.indexOf("\n", start);
  const text = code.slice(start, end === -1 ? code.length : end);
  return start + Buffer.from(text).subarray(0, column).toString().length;
};

/** The chunk as CommonJS; `awaits`: whether it awaits at the top. */
const toCommonJs = async (name, esm) => {
  let code = esm.replace(/(?<![\w$.])import\("/g, '__import("');
  let awaits = 0;
  for (;;) {
    const result = await transform(code, { format: "cjs", platform: "node", define: { "import.meta.url": "__importMetaUrl" }, minifyWhitespace: true, logLevel: "silent" }).catch((error) => error);
    if (!(result instanceof Error)) {
      if (result.warnings.length > 0) throw new Error(`script-chunks: ${name}: ${result.warnings.map((warning) => warning.text).join("; ")}`);
      const stood = result.code.split(AWAIT_STAND_IN).length - 1;
      if (stood !== awaits) throw new Error(`script-chunks: ${name}: ${awaits} top-level awaits went in, ${stood} came out`);
      if (result.code.split(EXPORTS).length > 2) throw new Error(`script-chunks: ${name}: exports given twice`);
      return { code: result.code.replaceAll(AWAIT_STAND_IN, "await ").replace(EXPORTS, `__${EXPORTS}`), awaits: awaits > 0 };
    }
    const topLevel = (result.errors ?? []).filter((error) => /^Top-level await/.test(error.text));
    if (topLevel.length === 0 || topLevel.length !== result.errors.length) throw result;
    for (const at of topLevel.map((error) => offsetOf(code, error.location)).sort((a, b) => b - a)) {
      if (!code.startsWith("await", at)) throw new Error(`script-chunks: ${name}: no await where esbuild points`);
      code = code.slice(0, at) + AWAIT_STAND_IN + code.slice(at + "await".length).trimStart();
      awaits++;
    }
  }
};

/**
 * Rewrites every .js in `folder` (dist/chunks). Returns the
 * build's name for the code cache (a digest of every chunk) and the chunks that became async.
 */
export const toScriptChunks = async (folder) => {
  const names = (await readdir(folder)).sort();
  const chunks = new Map();
  for (const name of names.filter((name) => name.endsWith(".js"))) {
    const { code, awaits } = await toCommonJs(name, await readFile(join(folder, name), "utf8"));
    const imports = [...code.matchAll(SIBLING_REQUIRE)].map((match) => match[1].slice(2));
    for (const imported of imports) if (!names.includes(imported)) throw new Error(`script-chunks: ${name} imports ${imported}, which is not in ${folder}`);
    chunks.set(name, { code, imports, async: awaits });
  }
  // A chunk that imports an async one waits for it, so it is async too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const chunk of chunks.values()) {
      if (!chunk.async && chunk.imports.some((imported) => chunks.get(imported).async)) chunk.async = changed = true;
    }
  }
  // Async chunks that import each other in a ring would each wait for the next for ever.
  const asyncImports = (name) => chunks.get(name).imports.filter((imported) => chunks.get(imported).async);
  for (const [name, chunk] of chunks) {
    if (!chunk.async) continue;
    const seen = new Set();
    const waiting = asyncImports(name);
    while (waiting.length > 0) {
      const next = waiting.pop();
      if (next === name) throw new Error(`script-chunks: ${name} awaits at the top inside an import cycle`);
      if (seen.has(next)) continue;
      seen.add(next);
      waiting.push(...asyncImports(next));
    }
  }

  const digest = createHash("sha256");
  for (const [name, chunk] of chunks) {
    const body = chunk.code.replace(SIBLING_REQUIRE, (_, specifier) =>
      chunks.get(specifier.slice(2)).async ? `(await __load(${JSON.stringify(specifier)}))` : `__load(${JSON.stringify(specifier)})`,
    );
    const script = `(${chunk.async ? "async " : ""}function(${PARAMETERS}){"use strict";${body}\n})`;
    await writeFile(join(folder, name), script);
    digest.update(`${name}\0${script}\0`);
  }
  return { build: digest.digest("hex").slice(0, 16), async: [...chunks].filter(([, chunk]) => chunk.async).map(([name]) => name) };
};
