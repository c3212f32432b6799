import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "s3-tutor";

const isOurPackage = (folder: string) => {
  const manifest = join(folder, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
};

let cached: string | undefined;

/**
 * The folder holding our package.json, found by walking up from this module. The module lives
 * in src/content/ under tsx and in dist/ or dist/chunks/ once bundled, so no fixed "../.." works.
 */
export const packageRoot = (from: string = import.meta.url): string => {
  if (from === import.meta.url && cached) return cached;
  let folder = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  while (!isOurPackage(folder)) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the ${PACKAGE_NAME} package folder above ${from}`);
    folder = parent;
  }
  if (from === import.meta.url) cached = folder;
  return folder;
};
