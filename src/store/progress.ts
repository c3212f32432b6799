import { join } from "node:path";
import { JsonDocument, type DocumentKind } from "./json-document";
import { isRecord } from "./parse-helpers";
import { stateDir } from "./state-dir";

/**
 * The learner's progress: which lessons they started or finished, where they stopped, and
 * whether they have seen the welcome. One small JSON file in the state directory, rewritten
 * atomically; a file that cannot be read is moved aside and the learner starts fresh.
 */

export interface SavedLesson {
  /** The lesson session's state as the engine keeps it; the engine decides whether it still fits. */
  state: Record<string, unknown>;
  updatedAt: string;
  completedAt?: string;
}

export interface ProgressData {
  version: 1;
  welcomed: boolean;
  lastLessonId?: string;
  lessons: Record<string, SavedLesson>;
}

const empty = (): ProgressData => ({ version: 1, welcomed: false, lessons: {} });

const parseProgress = (value: unknown): ProgressData => {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.lessons) || typeof value.welcomed !== "boolean") {
    throw new Error("not a progress file of this version");
  }
  const lessons: Record<string, SavedLesson> = {};
  for (const [id, saved] of Object.entries(value.lessons)) {
    if (!isRecord(saved) || !isRecord(saved.state) || typeof saved.updatedAt !== "string") throw new Error(`lesson ${id} is not readable`);
    lessons[id] = {
      state: saved.state,
      updatedAt: saved.updatedAt,
      ...(typeof saved.completedAt === "string" ? { completedAt: saved.completedAt } : {}),
    };
  }
  return {
    version: 1,
    welcomed: value.welcomed,
    lessons,
    ...(typeof value.lastLessonId === "string" ? { lastLessonId: value.lastLessonId } : {}),
  };
};

export const progressPath = (): string => join(stateDir(), "progress.json");

export interface OpenedProgress {
  store: ProgressStore;
  /** Said to the learner when the file could not be read and was moved aside. */
  notice?: string;
}

const PROGRESS: DocumentKind<ProgressData> = { name: "progress", parse: parseProgress, empty, freshStart: "you start fresh" };

export class ProgressStore {
  private constructor(private readonly document: JsonDocument<ProgressData>) {}

  static async open(path = progressPath()): Promise<OpenedProgress> {
    const { document, notice } = await JsonDocument.open(path, PROGRESS);
    return { store: new ProgressStore(document), ...(notice ? { notice } : {}) };
  }

  get data(): ProgressData {
    return this.document.data;
  }

  /** Why the last write failed (a full disk, a read-only folder), for the app to say. */
  get writeError(): string | undefined {
    return this.document.writeError;
  }

  saveLesson(lessonId: string, state: Record<string, unknown>, completed: boolean): Promise<void> {
    return this.document.update((current) => {
      const previous = current.lessons[lessonId];
      const now = new Date().toISOString();
      const completedAt = completed ? (previous?.completedAt ?? now) : undefined;
      return {
        ...current,
        lastLessonId: lessonId,
        lessons: { ...current.lessons, [lessonId]: { state, updatedAt: now, ...(completedAt ? { completedAt } : {}) } },
      };
    });
  }

  markWelcomed(): Promise<void> {
    return this.document.update((current) => ({ ...current, welcomed: true }));
  }

  /** Forgets one lesson's progress, or every lesson's (the welcome stays seen). */
  reset(lessonId?: string): Promise<void> {
    return this.document.update((current) => {
      if (lessonId === undefined) return { ...empty(), welcomed: current.welcomed };
      const { [lessonId]: _removed, ...rest } = current.lessons;
      const lastLessonId = current.lastLessonId === lessonId ? undefined : current.lastLessonId;
      return { version: 1, welcomed: current.welcomed, lessons: rest, ...(lastLessonId ? { lastLessonId } : {}) };
    });
  }

  /** Resolves once everything asked so far is on disk (or has failed, see writeError). */
  flush(): Promise<void> {
    return this.document.flush();
  }
}
