import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { InterviewFile } from "../content/schema/interview";
import type { Lesson } from "../content/schema/lesson";
import type { Quiz } from "../content/schema/quiz";
import { packageRoot } from "../content/package-root";
import { isRecord } from "../store/parse-helpers";

/**
 * The shipped lessons, quizzes and interview questions as the build checked and parsed them
 * (dist/content.json, written by scripts/build-content.ts after the checks of `validate --strict`
 * passed): the installed app starts without reading or checking any YAML.
 *
 * Only the bundle uses it (code run from src/ may no longer parse content as that build did), and
 * only while nothing in the content folders is newer than it: a lesson edited, added or removed
 * after the build is read from the YAML again. npm installs every file of a package with the same
 * time, so an installed copy always takes it.
 */

export interface BuiltContent {
  lessons: Lesson[];
  quizzes: Quiz[];
  interviews: InterviewFile[];
}

export const BUILT_CONTENT_FILE = "content.json";

/** The folders the app's content comes from, beside package.json. */
export const shippedContentFolderNames = ["lessons", "quizzes", "interviews"] as const;

export const builtContentPath = (): string => join(packageRoot(), "dist", BUILT_CONTENT_FILE);

/** Whether this code runs from dist/ (the bundle), not from src/. */
export const runsFromBundle = (moduleUrl: string = import.meta.url): boolean =>
  fileURLToPath(moduleUrl).startsWith(join(packageRoot(), "dist") + sep);

/** A path's modification time; Infinity when it cannot be read (missing, or anything else: newer than any build). */
const changedAt = (path: string): number => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
  } catch {
    return Infinity;
  }
};

/** The latest modification time among the folders and everything in them (Infinity when one cannot be read). */
const latestChange = (folders: readonly string[]): number => {
  let latest = 0;
  for (const folder of folders) {
    let names: string[] = [];
    try {
      names = readdirSync(folder, { recursive: true, encoding: "utf8" });
    } catch {
      // The folder's own time below says Infinity then.
    }
    for (const path of [folder, ...names.map((name) => join(folder, name))]) latest = Math.max(latest, changedAt(path));
  }
  return latest;
};

/**
 * The built content at `path` if it is there, whole, and no newer than everything in `folders`; else undefined.
 * Read synchronously, at start-up: a few dozen asynchronous stats and reads would queue in libuv's threadpool
 * in front of the reads of the screens' modules, loading at the same time.
 */
export const readBuiltContent = (path: string, folders: readonly string[]): BuiltContent | undefined => {
  const built = changedAt(path);
  if (built === Infinity || latestChange(folders) > built) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.lessons) || !Array.isArray(parsed.quizzes) || !Array.isArray(parsed.interviews)) return undefined;
  return { lessons: parsed.lessons as Lesson[], quizzes: parsed.quizzes as Quiz[], interviews: parsed.interviews as InterviewFile[] };
};
