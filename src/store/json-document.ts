import { writeJsonAtomic } from "./atomic-write";
import { readJsonFile } from "./json-file";
import { UnreadableStateFile } from "./unreadable-file";

/**
 * One JSON file held in memory and rewritten atomically on each change, the writes one after
 * another so the file always ends up with the latest state. A file that cannot be read is moved
 * aside (json-file.ts) and the document starts empty, with a notice for the learner. One that
 * cannot even be opened or moved (permissions) is left as it is: the document starts empty and
 * keeps this run's changes in memory only, so the learner's file is never written over.
 */

export interface DocumentKind<T> {
  /** What the learner calls the file: "quiz history", "review cards". */
  name: string;
  /** Checks and converts what was read; throws (with a reason in words) when it is not a file of this kind. */
  parse: (value: unknown) => T;
  empty: () => T;
  /** How the notice for an unreadable file ends; "a new one was started" unless given. */
  freshStart?: string;
}

export interface OpenedDocument<T> {
  document: JsonDocument<T>;
  /** Said to the learner when the file could not be read and was moved aside. */
  notice?: string;
}

export class JsonDocument<T> {
  private writing: Promise<void> = Promise.resolve();
  /** Why the last write failed (a full disk, a read-only folder), for the caller to say. */
  writeError: string | undefined;

  private constructor(
    readonly path: string,
    private readonly kind: DocumentKind<T>,
    private current: T,
    /** Why the file on disk must not be written over (it could not be read), if so. */
    private readonly leftAlone?: string,
  ) {}

  static async open<T>(path: string, kind: DocumentKind<T>): Promise<OpenedDocument<T>> {
    let read;
    try {
      read = await readJsonFile(path, kind.parse);
    } catch (error) {
      if (!(error instanceof UnreadableStateFile)) throw error;
      return {
        document: new JsonDocument(path, kind, kind.empty(), error.reason),
        notice: `Your ${kind.name} file ${path} could not be read (${error.reason}). It was left as it is, and this run's ${kind.name} is not saved over it.`,
      };
    }
    if (read.status === "ok") return { document: new JsonDocument(path, kind, read.value) };
    if (read.status === "missing") return { document: new JsonDocument(path, kind, kind.empty()) };
    return {
      document: new JsonDocument(path, kind, kind.empty()),
      notice: `Your ${kind.name} file could not be read (${read.reason}). It was kept as ${read.movedTo}, and ${kind.freshStart ?? "a new one was started"}.`,
    };
  }

  get data(): T {
    return this.current;
  }

  /** Applies `change` to the latest data at once, and queues the write. */
  update(change: (current: T) => T): Promise<void> {
    this.current = change(this.current);
    if (this.leftAlone !== undefined) {
      this.writeError = `Your ${this.kind.name} was not saved to ${this.path}: that file could not be read (${this.leftAlone}), so s3-tutor does not write over it.`;
      return this.writing;
    }
    const snapshot = this.current;
    this.writing = this.writing
      .then(() => writeJsonAtomic(this.path, snapshot))
      .then(() => {
        this.writeError = undefined;
      })
      .catch((error: NodeJS.ErrnoException) => {
        this.writeError = `Your ${this.kind.name} could not be saved to ${this.path} (${error.code ?? error.message}).`;
      });
    return this.writing;
  }

  /** Resolves once everything asked so far is on disk (or has failed, see writeError). */
  flush(): Promise<void> {
    return this.writing;
  }
}
