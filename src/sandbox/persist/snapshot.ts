import { open, readFile, rm } from "node:fs/promises";
import type { Json } from "./codec";
import { replaceDurably } from "./durable-fs";
import { SandboxDataError } from "./errors";

/**
 * The snapshot: the whole world as records, one JSON line each, between a header (which
 * journal continues it) and a trailer (how many records, so a cut file is noticed). Written to
 * a temporary file, synced, renamed over the old one and the folder synced: a crash leaves the
 * old snapshot or the new one.
 */

const FORMAT = "s3-tutor-sandbox-snapshot";
const VERSION = 1;
const CHUNK_BYTES = 1024 * 1024;

export interface SnapshotHeader {
  format: typeof FORMAT;
  version: number;
  /** The generation of the journal whose commits come after this snapshot. */
  journal: number;
  writtenAt: string;
}

/** Writes records a chunk at a time, so a large world never becomes one string. */
export class SnapshotWriter {
  private chunk: string[] = [];
  private chunkBytes = 0;
  private count = 0;

  private constructor(
    private readonly handle: Awaited<ReturnType<typeof open>>,
    private readonly temporary: string,
    private readonly path: string,
  ) {}

  static async start(path: string, journal: number): Promise<SnapshotWriter> {
    const temporary = `${path}.${process.pid}.tmp`;
    const writer = new SnapshotWriter(await open(temporary, "w"), temporary, path);
    const header: SnapshotHeader = { format: FORMAT, version: VERSION, journal, writtenAt: new Date().toISOString() };
    await writer.line(header);
    return writer;
  }

  async record(record: unknown): Promise<void> {
    this.count += 1;
    await this.line(record);
  }

  private async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.chunk.push(text);
    this.chunkBytes += text.length;
    if (this.chunkBytes >= CHUNK_BYTES) await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.chunk.length === 0) return;
    await this.handle.write(this.chunk.join(""));
    this.chunk = [];
    this.chunkBytes = 0;
  }

  /** Seals the snapshot and puts it in place; returns its size in bytes. */
  async commit(): Promise<number> {
    await this.line({ end: true, records: this.count });
    await this.drain();
    await this.handle.sync();
    const { size } = await this.handle.stat();
    await this.handle.close();
    await replaceDurably(this.temporary, this.path);
    return size;
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }
}

export interface SnapshotContents {
  header: SnapshotHeader;
  records: Json[];
  bytes: number;
}

/** Reads the snapshot; undefined when the directory has none yet (a new sandbox). */
export const readSnapshot = async (path: string, dataDir: string): Promise<SnapshotContents | undefined> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const damaged = (what: string) => new SandboxDataError(dataDir, `${path} ${what}`);
  const lines = text.split("\n").filter((line) => line !== "");
  const parsed = lines.map((line, index) => {
    try {
      return JSON.parse(line) as Json;
    } catch {
      throw damaged(`has a damaged line ${index + 1}`);
    }
  });
  const header = parsed[0] as unknown as SnapshotHeader | undefined;
  if (header?.format !== FORMAT) throw damaged("is not a sandbox snapshot");
  if (header.version !== VERSION) throw damaged(`was written by another version of s3-tutor (format ${String(header.version)})`);
  const trailer = parsed.at(-1) as { end?: boolean; records?: number } | undefined;
  const records = parsed.slice(1, -1);
  if (!trailer?.end || trailer.records !== records.length) throw damaged("is incomplete");
  return { header, records, bytes: Buffer.byteLength(text) };
};
