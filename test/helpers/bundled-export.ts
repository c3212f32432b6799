import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
// @ts-expect-error: a plain .mjs module without types
import { buildOptions } from "../../scripts/build-options.mjs";

const root = join(import.meta.dirname, "..", "..");

/**
 * `names` from `specifier` as dist/ bundles them (the same esbuild options and plugins, unminified so the
 * code reads), built into a temporary folder; `remove` deletes that folder.
 */
export const bundledExports = async <T extends Record<string, unknown>>(specifier: string, names: (keyof T & string)[]): Promise<{ values: T; remove: () => Promise<void> }> => {
  const folder = await mkdtemp(join(tmpdir(), "s3-tutor-bundled-"));
  await writeFile(join(folder, "entry.mjs"), `export { ${names.join(", ")} } from ${JSON.stringify(specifier)};\n`);
  await build({ ...(buildOptions("test") as object), absWorkingDir: root, entryPoints: { bundled: join(folder, "entry.mjs") }, outdir: join(folder, "out"), nodePaths: [join(root, "node_modules")], splitting: false, minify: false, logLevel: "silent" });
  const values = (await import(pathToFileURL(join(folder, "out", "bundled.js")).href)) as T;
  return { values, remove: () => rm(folder, { recursive: true, force: true }) };
};
