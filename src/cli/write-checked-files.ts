import { readFile, writeFile } from "node:fs/promises";
import { relative, sep } from "node:path";
import { shippedContentFolders, shippedWorkshopsFolder } from "../content/catalog";
import { checkedFileEntry, type CheckedFilesJson } from "../content/checked-files";
import { dataOf, loadContentFile } from "../content/content-file";
import { yamlFilesAt } from "../content/content-files";
import { packageRoot } from "../content/package-root";

/**
 * For the build (scripts/build-content.ts), after the shipped content passed `validate --strict`:
 * writes each shipped file with nothing wrong on its own, by its SHA-256, with the data the schema
 * gave (see src/content/checked-files.ts), for the bundle whose file-checking chunk is `code`.
 * `validate` and every command that loads the shipped content then skip parsing and checking the
 * files nobody changed. Resolves with how many files it wrote.
 */
export const writeCheckedFiles = async (path: string, code: string): Promise<number> => {
  const root = packageRoot();
  const found = await Promise.all([...shippedContentFolders(), shippedWorkshopsFolder()].map(yamlFilesAt));
  const files: CheckedFilesJson["files"] = {};
  for (const file of found.flatMap((f) => f.files)) {
    const bytes = await readFile(file);
    const loaded = await loadContentFile(file);
    const data = dataOf(loaded);
    if (loaded.problems.length > 0 || data === undefined) continue;
    files[relative(root, file).split(sep).join("/")] = checkedFileEntry(bytes, { kind: loaded.kind, data });
  }
  const json: CheckedFilesJson = { code, files };
  await writeFile(path, JSON.stringify(json));
  return Object.keys(files).length;
};
