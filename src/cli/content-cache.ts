import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LessonSchema, type Lesson } from "../content/schema/lesson";
import { QuizSchema, type Quiz } from "../content/schema/quiz";
import { writeJsonAtomic } from "../store/atomic-write";
import { cacheDir } from "../store/state-dir";

/**
 * The shipped content, already parsed and checked, kept between starts with the fingerprint of
 * what it came from. It is only a cache: anything doubtful in it (not JSON, another fingerprint,
 * a lesson or quiz the schemas reject, as a bad disk or a hand edit leaves it) is a miss, and
 * the content is read from the YAML again.
 */

export interface CachedContent {
  lessons: Lesson[];
  quizzes: Quiz[];
}

export const contentCachePath = (): string => join(cacheDir(), "content-cache.json");

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every lesson and quiz as the schemas give it back, or undefined at the first that does not fit. */
const checked = <T>(items: unknown, schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }): T[] | undefined => {
  if (!Array.isArray(items)) return undefined;
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) return undefined;
    out.push(parsed.data);
  }
  return out;
};

export const readContentCache = async (fingerprint: string): Promise<CachedContent | undefined> => {
  let cached: unknown;
  try {
    cached = JSON.parse(await readFile(contentCachePath(), "utf8"));
  } catch {
    // Missing, unreadable, half-written or not JSON: read the content instead.
    return undefined;
  }
  if (!isRecord(cached) || cached.fingerprint !== fingerprint) return undefined;
  const lessons = checked(cached.lessons, LessonSchema);
  const quizzes = checked(cached.quizzes, QuizSchema);
  return lessons && quizzes ? { lessons, quizzes } : undefined;
};

/** A cache that cannot be written (a read-only folder) only costs the next start its speed. */
export const writeContentCache = (fingerprint: string, content: CachedContent): Promise<void> =>
  writeJsonAtomic(contentCachePath(), { fingerprint, ...content }).catch(() => undefined);
