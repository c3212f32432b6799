import { open, readFile, type FileHandle } from "node:fs/promises";
import type { Json } from "./codec";
import { SandboxDataError } from "./errors";

/**
 * The write-ahead journal: one JSON line per commit, appended and fdatasync'ed before the
 * requests it covers are answered. A commit is all or nothing: a line cut short by a crash is
 * the last one, and it is ignored when the journal is read back.
 */
export class JournalWriter {
  /** Set when a failed append could not be cut off again: nothing may follow a partial line. */
  private broken: unknown;

  private constructor(
    private readonly handle: FileHandle,
    private bytes: number,
  ) {}

  /** Opens the journal for appending; `fresh` starts it empty (a new generation). */
  static async open(path: string, fresh = false): Promise<JournalWriter> {
    const handle = await open(path, fresh ? "w" : "a");
    const { size } = await handle.stat();
    return new JournalWriter(handle, size);
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * Appends one commit and waits until it is on disk. If that fails (a full disk), whatever part
   * of the line was written is cut off again, so the journal still ends with a whole commit.
   */
  async append(records: readonly unknown[]): Promise<void> {
    if (this.broken) throw this.broken;
    const line = Buffer.from(`${JSON.stringify({ records })}\n`);
    try {
      await this.handle.write(line);
      await this.handle.datasync();
    } catch (error) {
      await this.handle.truncate(this.bytes).catch(() => {
        this.broken = error;
      });
      throw error;
    }
    this.bytes += line.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface JournalContents {
  /** Each commit's records, in the order they were written. */
  commits: Json[][];
  /** The last line was cut short (a crash while it was being written) and was left out. */
  tornTail: boolean;
}

/** Reads a journal back; a missing journal is an empty one. */
export const readJournal = async (path: string, dataDir: string): Promise<JournalContents> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { commits: [], tornTail: false };
    throw error;
  }
  const lines = text.split("\n");
  const commits: Json[][] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === "") continue;
    const records = parseCommit(line);
    if (records) {
      commits.push(records);
      continue;
    }
    // Only the tail may be damaged: nothing is appended after a line that did not finish.
    const rest = lines.slice(index + 1).join("").replace(/\0/g, "").trim();
    if (rest === "") return { commits, tornTail: true };
    throw new SandboxDataError(dataDir, `line ${index + 1} of ${path} is damaged, and commits follow it`);
  }
  return { commits, tornTail: false };
};

const parseCommit = (line: string): Json[] | undefined => {
  try {
    const parsed = JSON.parse(line) as { records?: unknown };
    return Array.isArray(parsed.records) ? (parsed.records as Json[]) : undefined;
  } catch {
    return undefined;
  }
};
