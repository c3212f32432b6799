import { randomBytes } from "node:crypto";
import type { BlobStore } from "../blobs/blob-store";
import { INLINE_BODY_LIMIT, ObjectBody, type Segment } from "../world/body";
import type { BodyReader, BodyWriter, Json } from "./codec";
import { syncDir } from "./durable-fs";
import { SandboxDataError } from "./errors";

/**
 * Object and part bodies in the records. A body is a list of segments (see world/body.ts): small
 * ones inline, written as a body record in the same journal line as the first record that refers
 * to them (one sync per PutObject); larger ones are immutable files in blobs/ (BlobStore), each
 * synced when its upload finished, the folder synced before the line that names them.
 *
 * A body is written as {"$body": id} when it is one whole inline piece or one whole file (as
 * every body was before bodies could be segments), else {"$segments": [[id, offset, length], ...]}.
 */

export { INLINE_BODY_LIMIT };

export interface BodyRecord {
  t: "body";
  id: string;
  data: string;
}

/** The bodies one commit or snapshot refers to. */
export class BodyBatch implements BodyWriter {
  /** Inline bytes this batch must make durable: those not stored yet, or (snapshot) every one met. */
  readonly needed = new Map<string, Buffer>();
  /** Of those, the ones persist has not handled yet (a snapshot persists a bucket at a time). */
  readonly unwritten = new Map<string, Buffer>();
  /** Every blob file the batch's records name. */
  readonly files = new Set<string>();

  constructor(
    private readonly store: BodyStore,
    private readonly everyBody: boolean,
  ) {}

  encodeBody(body: ObjectBody): Json {
    const [only] = body.segments;
    if (body.segments.length === 1 && only && isWhole(only)) return { $body: this.segmentId(only) };
    return { $segments: body.segments.map((segment) => [this.segmentId(segment), offsetOf(segment), lengthOf(segment)]) };
  }

  private segmentId(segment: Segment): string {
    if (segment.kind === "file") {
      this.files.add(segment.file.id);
      return segment.file.id;
    }
    const id = this.store.assign(segment.data);
    if ((this.everyBody || !this.store.isStored(id)) && !this.needed.has(id)) {
      this.needed.set(id, segment.data);
      this.unwritten.set(id, segment.data);
    }
    return id;
  }
}

const isWhole = (segment: Segment) => segment.kind === "inline" || (segment.offset === 0 && segment.length === segment.file.size);
const offsetOf = (segment: Segment) => (segment.kind === "inline" ? 0 : segment.offset);
const lengthOf = (segment: Segment) => (segment.kind === "inline" ? segment.data.length : segment.length);

export class BodyStore implements BodyReader {
  private readonly ids = new WeakMap<Buffer, string>();
  /** Inline bodies durable in the journal or snapshot. */
  private readonly storedInline = new Set<string>();
  /** Blob files whose name is durable (the folder was synced after they were renamed into it). */
  private readonly syncedFiles = new Set<string>();
  private readonly loaded = new Map<string, Buffer>();

  constructor(
    private readonly dataDir: string,
    readonly blobs: BlobStore,
  ) {}

  assign(body: Buffer): string {
    let id = this.ids.get(body);
    if (!id) {
      id = randomBytes(12).toString("hex");
      this.ids.set(body, id);
    }
    return id;
  }

  isStored(id: string): boolean {
    return this.storedInline.has(id);
  }

  /** For a commit: only bodies not yet durable. */
  forCommit(): BodyBatch {
    return new BodyBatch(this, false);
  }

  /** For a snapshot: every body, since the journal that held the inline ones goes away. */
  forSnapshot(): BodyBatch {
    return new BodyBatch(this, true);
  }

  /** Body records met while loading: kept until the world has been rebuilt. */
  addLoaded(record: BodyRecord): void {
    this.loaded.set(record.id, Buffer.from(record.data, "base64"));
  }

  /** A body named by a record being loaded: inline bytes, or a file in blobs/ (not read: bodies stay on disk). */
  body(id: string): ObjectBody {
    const inline = this.loaded.get(id);
    if (inline) {
      this.ids.set(inline, id);
      this.storedInline.add(id);
      return ObjectBody.inline(inline);
    }
    const file = this.blobs.file(id);
    if (!file) throw new SandboxDataError(this.dataDir, `the body ${id} that a record refers to is missing from blobs/`);
    this.syncedFiles.add(id);
    return ObjectBody.file(file);
  }

  segments(parts: Json[]): ObjectBody {
    return ObjectBody.concat(
      parts.map((part) => {
        const [id, offset, length] = part as [string, number, number];
        return this.body(id).slice(offset, offset + length);
      }),
    );
  }

  /** Loading is over: the bytes now live in the world. */
  forgetLoaded(): void {
    this.loaded.clear();
  }

  /**
   * Makes the names of the batch's new blob files durable (one folder sync) and returns records
   * for its inline bodies not handled yet, to be written before the records that refer to them.
   */
  async persist(batch: BodyBatch): Promise<BodyRecord[]> {
    const records: BodyRecord[] = [];
    const handled = [...batch.unwritten];
    batch.unwritten.clear();
    for (const [id, body] of handled) records.push({ t: "body", id, data: body.toString("base64") });
    if ([...batch.files].some((id) => !this.syncedFiles.has(id))) await syncDir(this.blobs.dir);
    return records;
  }

  /** The batch is durable (its journal line or snapshot is written). */
  settle(batch: BodyBatch): void {
    for (const id of batch.needed.keys()) this.storedInline.add(id);
    for (const id of batch.files) this.syncedFiles.add(id);
  }

  /**
   * After a snapshot of the whole world: only what it refers to is kept. Inline bodies it does
   * not hold are forgotten; blob files neither it nor the world (changed since) names are removed.
   */
  async keepOnly(snapshot: BodyBatch, referencedNow: ReadonlySet<string>): Promise<void> {
    for (const id of [...this.storedInline]) if (!snapshot.needed.has(id)) this.storedInline.delete(id);
    this.settle(snapshot);
    await this.blobs.removeAllBut(new Set([...snapshot.files, ...referencedNow]));
    for (const id of [...this.syncedFiles]) if (!this.blobs.file(id)) this.syncedFiles.delete(id);
  }
}
