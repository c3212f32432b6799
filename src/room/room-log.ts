import { open, readFile, truncate, type FileHandle } from "node:fs/promises";
import type { RoomLogRecord } from "./protocol";

/**
 * The room's append-only log, `room.jsonl`: one RoomLogRecord per line. Records are on disk
 * (written and fdatasync'ed) before anyone is told they happened; the room's state is their replay.
 */

export const ROOM_LOG_FILE = "room.jsonl";

export class RoomLogCorruptError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}:${line}: ${reason}. The room's log was changed by something other than the room; restore it or start the room in a new folder.`);
    this.name = "RoomLogCorruptError";
  }
}

export interface LogContents {
  records: RoomLogRecord[];
  /** Bytes of whole records; anything after it is a write a crash cut short. */
  wholeBytes: number;
  /** The file's length as read. */
  fileBytes: number;
}

const RECORD_TYPES = new Set(["opened", "joined", "event", "pacing", "liveAnswer"]);

const parseRecord = (text: string): RoomLogRecord | undefined => {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === "object" && value !== null && RECORD_TYPES.has((value as { type?: unknown }).type as string)) return value as RoomLogRecord;
  } catch {
    // not a record
  }
  return undefined;
};

/**
 * Reads the log. A last line without its line break, or unreadable lines at the very end, are a
 * write a `kill -9` or a power cut interrupted: left out (`wholeBytes` says where the whole records
 * end). An unreadable line with records after it is damage no crash makes: RoomLogCorruptError.
 */
export const readRoomLog = async (file: string): Promise<LogContents> => {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], wholeBytes: 0, fileBytes: 0 };
    throw error;
  }
  const records: RoomLogRecord[] = [];
  let wholeBytes = 0;
  let offset = 0;
  let badLine: number | undefined;
  let lineNumber = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    if (end === -1) break; // torn: no line break
    lineNumber += 1;
    const text = bytes.subarray(offset, end).toString("utf8");
    offset = end + 1;
    if (text.trim() === "") continue;
    const record = parseRecord(text);
    if (!record) {
      badLine ??= lineNumber;
      continue;
    }
    if (badLine !== undefined) throw new RoomLogCorruptError(file, badLine, "this line is not a room record");
    records.push(record);
    wholeBytes = offset;
  }
  return { records, wholeBytes, fileBytes: bytes.length };
};

/** Cuts a torn tail off, so the next record starts on a line of its own. */
export const dropTornTail = async (file: string, contents: LogContents): Promise<void> => {
  if (contents.wholeBytes === contents.fileBytes) return;
  await truncate(file, contents.wholeBytes);
  const handle = await open(file, "r+");
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
};

/**
 * Appends records in the order asked. Appends that arrive while a write is under way are grouped into
 * the next write: one write() and one fdatasync for all of them. `onWritten` sees every record once it
 * is durable, in file order, before the append that brought it resolves — so state applied there is
 * always the replay of the file.
 */
export class RoomLogWriter {
  private pending: { records: RoomLogRecord[]; done: () => void; failed: (error: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    /** Where the whole records end: a failed write is cut back to it, so no half line stays behind. */
    private size: number,
    private readonly onWritten: (records: RoomLogRecord[]) => void,
  ) {}

  static async open(file: string, onWritten: (records: RoomLogRecord[]) => void): Promise<RoomLogWriter> {
    // Created private: joined records carry the participants' sandbox secrets.
    const handle = await open(file, "a", 0o600);
    return new RoomLogWriter(handle, (await handle.stat()).size, onWritten);
  }

  append(records: RoomLogRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the room's log is closed"));
    // Nothing to write: resolves once what was asked before is written (an acknowledgement waits for it).
    if (records.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((done, failed) => {
      this.pending.push({ records, done, failed });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const records = batch.flatMap((entry) => entry.records);
      if (records.length === 0) {
        for (const entry of batch) entry.done();
        continue;
      }
      try {
        const bytes = Buffer.from(records.map((record) => `${JSON.stringify(record)}\n`).join(""), "utf8");
        let written = 0;
        while (written < bytes.length) written += (await this.handle.write(bytes, written, bytes.length - written)).bytesWritten;
        await this.handle.datasync();
        this.size += bytes.length;
      } catch (error) {
        // Not acknowledged, so not kept: the client sends it again.
        await this.handle.truncate(this.size).catch(() => undefined);
        for (const entry of batch) entry.failed(error);
        continue;
      }
      try {
        this.onWritten(records);
      } catch (error) {
        for (const entry of batch) entry.failed(error);
        continue;
      }
      for (const entry of batch) entry.done();
    }
    this.writing = undefined;
  }

  /** Waits for what was asked, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
    await this.handle.close();
  }
}
