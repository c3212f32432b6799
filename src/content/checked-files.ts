import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentKind } from "./content-kind";
import { packageRoot } from "./package-root";

/**
 * Files already read and found to have nothing wrong on their own (UTF-8, schema line, YAML, schema),
 * with the data the schema gave, so content loaded again skips the YAML parser and zod, most of the
 * cost of loading it. What a file holds on its own depends only on its path and its bytes; the
 * checks across files always run again on everything. Two sources:
 *
 * - this process: every file the module that checks files (content-file.ts) checked since it was
 *   loaded, taken while its bytes are the same;
 * - the bundle: the shipped files as the build checked them (dist/checked-files.json), each taken
 *   while its bytes hash to what the build checked, and only by the code that build bundled (the
 *   content-hashed name of the chunk that checks files, which changes with the schemas and checks).
 *
 * A file with a problem is never kept: its problems and their positions are worked out afresh.
 */

export interface CheckedFile {
  kind: ContentKind;
  /** What the schema gave: a Lesson, Quiz, Workshop or InterviewFile. */
  data: unknown;
}

export const CHECKED_FILES = "checked-files.json";

/** dist/checked-files.json: the code that may take it, and each shipped file by its path from the package root (with "/"). */
export interface CheckedFilesJson {
  code: string;
  files: Record<string, { sha256: string } & CheckedFile>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The file's path from the package root with "/", or undefined outside it. */
const inPackage = (file: string): string | undefined => {
  const path = relative(packageRoot(), file);
  return path.startsWith("..") || path === "" ? undefined : path.split(sep).join("/");
};

/** The build's checked files, when `codeUrl` (the module that checks files) is the bundle that build made. */
const readBuilt = async (codeUrl: string): Promise<CheckedFilesJson | undefined> => {
  const code = fileURLToPath(codeUrl);
  const dist = join(packageRoot(), "dist");
  if (!code.startsWith(dist + sep)) return undefined;
  try {
    const json = JSON.parse(await readFile(join(dist, CHECKED_FILES), "utf8")) as CheckedFilesJson;
    return json.code === basename(code) && typeof json.files === "object" && json.files !== null ? json : undefined;
  } catch {
    return undefined;
  }
};

export interface CheckedFiles {
  /** What `file` with these bytes was found to hold, if it was checked before and had nothing wrong; else undefined. */
  before(file: string, bytes: Buffer): Promise<CheckedFile | undefined>;
  /** Keeps a file found to have nothing wrong. */
  remember(file: string, bytes: Buffer, checked: CheckedFile): void;
}

/**
 * The checked files of the module at `codeUrl`, the one that checks files: it holds the store, so
 * a module loaded afresh (its schemas edited, under a test watcher) starts with none.
 */
export const checkedFilesFor = (codeUrl: string): CheckedFiles => {
  const seen = new Map<string, { bytes: Buffer } & CheckedFile>();
  let built: Promise<CheckedFilesJson | undefined> | undefined;
  const remember = (file: string, bytes: Buffer, checked: CheckedFile) => void seen.set(file, { bytes, kind: checked.kind, data: checked.data });
  return {
    remember,
    async before(file, bytes) {
      const earlier = seen.get(file);
      if (earlier?.bytes.equals(bytes)) return { kind: earlier.kind, data: earlier.data };
      const path = inPackage(file);
      if (path === undefined) return undefined;
      const files = (await (built ??= readBuilt(codeUrl)))?.files;
      const entry = files && Object.hasOwn(files, path) ? files[path] : undefined;
      if (!entry || entry.sha256 !== sha256(bytes)) return undefined;
      remember(file, bytes, entry);
      return { kind: entry.kind, data: entry.data };
    },
  };
};

/** For the build: the entry of a file checked with nothing wrong. */
export const checkedFileEntry = (bytes: Uint8Array, checked: CheckedFile): { sha256: string } & CheckedFile => ({ sha256: sha256(bytes), ...checked });
