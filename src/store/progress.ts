import { join } from "node:path";
import { writeJsonAtomic } from "./atomic-write";
import { readJsonFile } from "./json-file";
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

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

export class ProgressStore {
  private writing: Promise<void> = Promise.resolve();
  /** Why the last write failed (a full disk, a read-only folder), for the app to say. */
  writeError: string | undefined;

  private constructor(
    private readonly path: string,
    private current: ProgressData,
  ) {}

  static async open(path = progressPath()): Promise<OpenedProgress> {
    const read = await readJsonFile(path, parseProgress);
    if (read.status === "ok") return { store: new ProgressStore(path, read.value) };
    if (read.status === "missing") return { store: new ProgressStore(path, empty()) };
    return {
      store: new ProgressStore(path, empty()),
      notice: `Your progress file could not be read (${read.reason}). It was kept as ${read.movedTo}, and you start fresh.`,
    };
  }

  get data(): ProgressData {
    return this.current;
  }

  saveLesson(lessonId: string, state: Record<string, unknown>, completed: boolean): Promise<void> {
    const previous = this.current.lessons[lessonId];
    const now = new Date().toISOString();
    const completedAt = completed ? (previous?.completedAt ?? now) : undefined;
    return this.update({
      ...this.current,
      lastLessonId: lessonId,
      lessons: { ...this.current.lessons, [lessonId]: { state, updatedAt: now, ...(completedAt ? { completedAt } : {}) } },
    });
  }

  markWelcomed(): Promise<void> {
    return this.update({ ...this.current, welcomed: true });
  }

  /** Forgets one lesson's progress, or every lesson's (the welcome stays seen). */
  reset(lessonId?: string): Promise<void> {
    if (lessonId === undefined) return this.update({ ...empty(), welcomed: this.current.welcomed });
    const { [lessonId]: _removed, ...rest } = this.current.lessons;
    const lastLessonId = this.current.lastLessonId === lessonId ? undefined : this.current.lastLessonId;
    return this.update({ version: 1, welcomed: this.current.welcomed, lessons: rest, ...(lastLessonId ? { lastLessonId } : {}) });
  }

  /** Resolves once everything asked so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Writes go one after another, so the file always holds the latest state. */
  private update(next: ProgressData): Promise<void> {
    this.current = next;
    const snapshot = this.current;
    this.writing = this.writing
      .then(() => writeJsonAtomic(this.path, snapshot))
      .then(() => {
        this.writeError = undefined;
      })
      .catch((error: NodeJS.ErrnoException) => {
        this.writeError = `Progress could not be saved to ${this.path} (${error.code ?? error.message}).`;
      });
    return this.writing;
  }
}
