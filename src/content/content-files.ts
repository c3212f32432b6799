import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Problem } from "./problem";

const isYaml = (name: string) => [".yaml", ".yml"].includes(extname(name).toLowerCase());

const yamlFilesUnder = async (folder: string): Promise<string[]> => {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules")
      .map((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return yamlFilesUnder(path);
        return Promise.resolve(isYaml(entry.name) ? [path] : []);
      }),
  );
  return nested.flat();
};

/**
 * The YAML files a path names: the file itself (whatever its extension: it was asked for),
 * or every .yaml/.yml file in a folder and its subfolders, sorted so output is stable.
 * A path that does not exist, or a folder without YAML, is a problem.
 */
export const yamlFilesAt = async (path: string): Promise<{ files: string[]; problems: Problem[] }> => {
  try {
    if (!(await stat(path)).isDirectory()) return { files: [path], problems: [] };
    const files = (await yamlFilesUnder(path)).sort();
    return files.length > 0 ? { files, problems: [] } : { files, problems: [{ file: path, message: "no .yaml files in this folder" }] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "no such file or folder" : `cannot read this path (${code ?? String(error)})`;
    return { files: [], problems: [{ file: path, message }] };
  }
};
