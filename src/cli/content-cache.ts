import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InterviewFile } from "../content/schema/interview";
import type { Lesson } from "../content/schema/lesson";
import type { Quiz } from "../content/schema/quiz";
import { writeJsonAtomic } from "../store/atomic-write";
import { isRecord } from "../store/parse-helpers";
import { cacheDir } from "../store/state-dir";

/**
 * The shipped content, already parsed and checked, kept between starts with the fingerprint of
 * what it came from and a digest of itself. It is only a cache: anything doubtful in it (not
 * JSON, another fingerprint, content that is not byte for byte what was checked and written, as
 * a bad disk or a hand edit leaves it) is a miss, and the content is read from the YAML again.
 *
 * Why a digest and not the schemas: the cache exists to spare start-up the content code, and
 * checking with zod would load it on every start (~50 ms). Only this module writes the file, and
 * only content that passed every check, so content that matches its digest is content that passed.
 */

export interface CachedContent {
  lessons: Lesson[];
  quizzes: Quiz[];
  interviews: InterviewFile[];
}

export const contentCachePath = (): string => join(cacheDir(), "content-cache.json");

/**
 * The same for the content written and the content read back: JSON keeps key order and values.
 * node:crypto loads only here, when there is a cache to check: the installed app's start has none.
 */
const digestOf = async (lessons: unknown, quizzes: unknown, interviews: unknown): Promise<string> => {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(JSON.stringify([lessons, quizzes, interviews])).digest("hex");
};

export const readContentCache = async (fingerprint: string): Promise<CachedContent | undefined> => {
  let cached: unknown;
  try {
    cached = JSON.parse(await readFile(contentCachePath(), "utf8"));
  } catch {
    // Missing, unreadable, half-written or not JSON: read the content instead.
    return undefined;
  }
  if (!isRecord(cached) || cached.fingerprint !== fingerprint || cached.digest !== (await digestOf(cached.lessons, cached.quizzes, cached.interviews))) return undefined;
  if (!Array.isArray(cached.lessons) || !Array.isArray(cached.quizzes) || !Array.isArray(cached.interviews)) return undefined;
  return { lessons: cached.lessons as Lesson[], quizzes: cached.quizzes as Quiz[], interviews: cached.interviews as InterviewFile[] };
};

/** A cache that cannot be written (a read-only folder) only costs the next start its speed. */
export const writeContentCache = async (fingerprint: string, content: CachedContent): Promise<void> =>
  writeJsonAtomic(contentCachePath(), { fingerprint, digest: await digestOf(content.lessons, content.quizzes, content.interviews), ...content }).catch(() => undefined);
