import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { BodyReader, BodyWriter } from "./codec";
import { syncDir, writeSynced } from "./durable-fs";
import { SandboxDataError } from "./errors";

/**
 * Object and part bodies. Each body gets an id the records refer to, once per Buffer (a replica
 * or a copy shares its source's bytes, and so its id). Small bodies are written inline, as a
 * body record in the same journal line as the first record that refers to them (one sync per
 * PutObject); larger ones as immutable files in blobs/, synced before that line is written.
 */

/** Bodies up to this size go inline, in the journal and the snapshot. */
export const INLINE_BODY_LIMIT = 16 * 1024;

export interface BodyRecord {
  t: "body";
  id: string;
  data: string;
}

type Stored = "inline" | "file";

/** The bodies one commit or snapshot refers to. */
export class BodyBatch implements BodyWriter {
  /** Bodies this batch must make durable: those not stored yet, or (snapshot) every one met. */
  readonly needed = new Map<string, Buffer>();
  /** Of those, the ones persist has not handled yet (a snapshot persists a bucket at a time). */
  readonly unwritten = new Map<string, Buffer>();

  constructor(
    private readonly store: BodyStore,
    private readonly everyBody: boolean,
  ) {}

  idOf(body: Buffer): string {
    const id = this.store.assign(body);
    if ((this.everyBody || !this.store.isStored(id)) && !this.needed.has(id)) {
      this.needed.set(id, body);
      this.unwritten.set(id, body);
    }
    return id;
  }
}

export class BodyStore implements BodyReader {
  private readonly ids = new WeakMap<Buffer, string>();
  private readonly stored = new Map<string, Stored>();
  private readonly loaded = new Map<string, Buffer>();

  constructor(
    private readonly dataDir: string,
    private readonly blobDir = join(dataDir, "blobs"),
  ) {}

  async prepare(): Promise<void> {
    await mkdir(this.blobDir, { recursive: true });
  }

  assign(body: Buffer): string {
    let id = this.ids.get(body);
    if (!id) {
      id = randomBytes(12).toString("hex");
      this.ids.set(body, id);
    }
    return id;
  }

  isStored(id: string): boolean {
    return this.stored.has(id);
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

  /** A body named by a record being loaded: inline, or read from its file (once, so shared bytes stay shared). */
  body(id: string): Buffer {
    let body = this.loaded.get(id);
    if (!body) {
      try {
        // Synchronous: the generic decoder asks for bodies as it meets them, and this runs only while loading.
        body = readFileSync(join(this.blobDir, id));
      } catch {
        throw new SandboxDataError(this.dataDir, `the body ${id} that a record refers to is missing from blobs/`);
      }
      this.loaded.set(id, body);
      this.stored.set(id, "file");
    } else if (!this.stored.has(id)) {
      this.stored.set(id, "inline");
    }
    this.ids.set(body, id);
    return body;
  }

  /** Loading is over: the bytes now live in the world. */
  forgetLoaded(): void {
    this.loaded.clear();
  }

  /**
   * Writes the batch's large bodies not handled yet as synced files (then syncs the folder once)
   * and returns records for the small ones, to be written before the records that refer to them.
   */
  async persist(batch: BodyBatch): Promise<BodyRecord[]> {
    const records: BodyRecord[] = [];
    let wroteFiles = false;
    const handled = [...batch.unwritten];
    batch.unwritten.clear();
    for (const [id, body] of handled) {
      if (body.length <= INLINE_BODY_LIMIT) {
        records.push({ t: "body", id, data: body.toString("base64") });
      } else if (this.stored.get(id) !== "file") {
        await writeSynced(join(this.blobDir, id), body);
        wroteFiles = true;
      }
    }
    if (wroteFiles) await syncDir(this.blobDir);
    return records;
  }

  /** The batch is durable (its journal line or snapshot is written). */
  settle(batch: BodyBatch): void {
    for (const [id, body] of batch.needed) this.stored.set(id, body.length <= INLINE_BODY_LIMIT ? "inline" : "file");
  }

  /**
   * After a snapshot of the whole world: only what it refers to is kept. Inline bodies it does
   * not hold are forgotten; body files it does not name are removed.
   */
  async keepOnly(snapshot: BodyBatch): Promise<void> {
    for (const id of [...this.stored.keys()]) if (!snapshot.needed.has(id)) this.stored.delete(id);
    this.settle(snapshot);
    const files = await readdir(this.blobDir);
    for (const file of files) {
      if (this.stored.get(file) !== "file") await rm(join(this.blobDir, file), { force: true });
    }
  }
}
