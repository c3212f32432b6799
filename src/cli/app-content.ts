import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Content } from "../content/catalog";
import type { Problem } from "../content/problem";
import type { InterviewFile } from "../content/schema/interview";
import type { Lesson } from "../content/schema/lesson";
import type { Quiz } from "../content/schema/quiz";
import { packageRoot } from "../content/package-root";
import { builtContentPath, readBuiltContent, runsFromBundle, shippedContentFolderNames } from "./built-content";
import { readContentCache, writeContentCache } from "./content-cache";
import { VERSION } from "./version";

/**
 * The shipped lessons, quizzes and interview questions as the app needs them. Reading and checking the YAML is most
 * of the app's start-up, so the installed app takes them as the build checked and parsed them
 * (built-content.ts). Run from src/, or with content edited since the build, the content found
 * valid is kept, already parsed, in the cache folder (content-cache.ts), with a fingerprint of
 * what it came from: this version, this code, the JSON Schemas and every content file's size and
 * time. A change to any of them (an edited lesson, an upgrade) misses the cache, and the content
 * is read and checked again.
 */

export interface AppContent {
  lessons: Lesson[];
  quizzes: Quiz[];
  /** The interviews/<topic>.yaml files, each with its questions. */
  interviews: InterviewFile[];
}

export type AppContentResult = { ok: true; content: AppContent } | { ok: false; problems: Problem[] };

const statLine = async (path: string): Promise<string> => {
  const info = await stat(path);
  return `${path}:${info.size}:${info.mtimeMs}`;
};

const filesIn = async (folder: string, extension: string): Promise<string[]> => {
  try {
    const names = await readdir(folder, { recursive: true });
    return names.filter((name) => name.endsWith(extension) || (extension === ".yaml" && name.endsWith(".yml"))).map((name) => join(folder, name));
  } catch {
    return [];
  }
};

/** What the cached content depends on, as one string. */
export const contentFingerprint = async (): Promise<string> => {
  const root = packageRoot();
  const files = [
    fileURLToPath(import.meta.url),
    ...(await filesIn(join(root, "schema"), ".json")),
    ...(await filesIn(join(root, "lessons"), ".yaml")),
    ...(await filesIn(join(root, "quizzes"), ".yaml")),
    ...(await filesIn(join(root, "interviews"), ".yaml")),
  ].sort();
  return [VERSION, ...(await Promise.all(files.map(statLine)))].join("\n");
};

/** The app's part of loaded content: the lessons, quizzes and interview files themselves. */
export const appContentOf = (loaded: Pick<Content, "lessons" | "quizzes" | "interviews">): AppContent => ({
  lessons: loaded.lessons.map((l) => l.lesson),
  quizzes: loaded.quizzes.map((q) => q.quiz),
  interviews: loaded.interviews.map((i) => i.interviews),
});

/** The shipped content: as built into dist/ when that is current, else from the cache when nothing it came from has changed. */
export const loadAppContent = async (): Promise<AppContentResult> => {
  if (runsFromBundle()) {
    const root = packageRoot();
    const built = readBuiltContent(builtContentPath(), shippedContentFolderNames.map((name) => join(root, name)));
    if (built) return { ok: true, content: built };
  }
  const fingerprint = await contentFingerprint();
  const cached = await readContentCache(fingerprint);
  if (cached) return { ok: true, content: cached };

  const { loadCatalog } = await import("../content/catalog");
  const loaded = await loadCatalog();
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };
  const content = appContentOf(loaded);
  await writeContentCache(fingerprint, content);
  return { ok: true, content };
};
