import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

/**
 * The bytes of an object version or an uploaded part, never held whole in memory: a list of
 * segments, each a few bytes kept inline or a range of an immutable file in the sandbox's blob
 * folder. A completed multipart upload is its parts' segments one after another, a copy shares
 * its source's segments, a byte-range copy takes a slice of them: nothing is copied.
 */

/** Bodies up to this size stay in memory (and go inline in the journal); larger ones go to files. */
export const INLINE_BODY_LIMIT = 16 * 1024;

/** An immutable file in the blob folder; its name is its id. */
export interface BlobFile {
  readonly id: string;
  readonly path: string;
  readonly size: number;
}

export type Segment =
  | { readonly kind: "inline"; readonly data: Buffer }
  | { readonly kind: "file"; readonly file: BlobFile; readonly offset: number; readonly length: number };

/** Blob files being read now (id, readers): a segment's file is opened only when reached, so a sweep must leave them all. */
const readers = new Map<string, number>();

export const isBeingRead = (id: string): boolean => readers.has(id);

const holdWhileRead = (files: readonly BlobFile[]): (() => void) => {
  const ids = new Set(files.map((file) => file.id));
  for (const id of ids) readers.set(id, (readers.get(id) ?? 0) + 1);
  return () => {
    for (const id of ids) {
      const left = (readers.get(id) ?? 1) - 1;
      if (left === 0) readers.delete(id);
      else readers.set(id, left);
    }
  };
};

const segmentLength = (segment: Segment): number => (segment.kind === "inline" ? segment.data.length : segment.length);

export class ObjectBody {
  readonly size: number;

  private constructor(readonly segments: readonly Segment[]) {
    this.size = segments.reduce((sum, segment) => sum + segmentLength(segment), 0);
  }

  static readonly EMPTY = new ObjectBody([]);

  static inline(data: Buffer): ObjectBody {
    return data.length === 0 ? ObjectBody.EMPTY : new ObjectBody([{ kind: "inline", data }]);
  }

  static file(file: BlobFile): ObjectBody {
    return file.size === 0 ? ObjectBody.EMPTY : new ObjectBody([{ kind: "file", file, offset: 0, length: file.size }]);
  }

  static of(segments: readonly Segment[]): ObjectBody {
    return new ObjectBody(segments.filter((segment) => segmentLength(segment) > 0));
  }

  /** The bodies one after another (a completed multipart upload). */
  static concat(bodies: readonly ObjectBody[]): ObjectBody {
    return new ObjectBody(bodies.flatMap((body) => body.segments));
  }

  /** Bytes [start, end) of this body, sharing its segments. */
  slice(start: number, end: number): ObjectBody {
    const slices: Segment[] = [];
    let at = 0;
    for (const segment of this.segments) {
      const length = segmentLength(segment);
      const from = Math.max(start, at);
      const to = Math.min(end, at + length);
      if (from < to) {
        slices.push(
          segment.kind === "inline"
            ? { kind: "inline", data: segment.data.subarray(from - at, to - at) }
            : { kind: "file", file: segment.file, offset: segment.offset + from - at, length: to - from },
        );
      }
      at += length;
      if (at >= end) break;
    }
    return new ObjectBody(slices);
  }

  /** The files this body reads from. */
  files(): BlobFile[] {
    return this.segments.flatMap((segment) => (segment.kind === "file" ? [segment.file] : []));
  }

  /** The bytes, a segment at a time (a file segment in pieces of up to 256 KiB, so little is buffered). */
  async *chunks(): AsyncGenerator<Buffer> {
    const release = holdWhileRead(this.files());
    try {
      for (const segment of this.segments) {
        if (segment.kind === "inline") {
          yield segment.data;
          continue;
        }
        const stream = createReadStream(segment.file.path, {
          start: segment.offset,
          end: segment.offset + segment.length - 1,
          highWaterMark: 256 * 1024,
        });
        for await (const chunk of stream) yield chunk as Buffer;
      }
    } finally {
      release();
    }
  }

  stream(): Readable {
    return Readable.from(this.chunks(), { objectMode: false });
  }

  /** The whole body in memory: only for bodies known to be small. */
  async bytes(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** The bytes when every segment is inline, without touching the disk. */
  inlineBytes(): Buffer | undefined {
    if (this.segments.some((segment) => segment.kind !== "inline")) return undefined;
    const parts = this.segments.map((segment) => (segment as { data: Buffer }).data);
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}
