import { createHash, type Hash } from "node:crypto";
import { ChunkSignatureChain } from "../auth/streaming";
import type { BlobStore, BlobWriter } from "../blobs/blob-store";
import { ServiceError } from "../errors";
import { isAwsChunked } from "../http/aws-chunked";
import { AwsChunkedDecoder } from "../http/aws-chunked-stream";
import { entityTooLarge, incompleteBody } from "../http/body";
import { header, type SandboxRequest } from "../http/exchange";
import { INLINE_BODY_LIMIT, ObjectBody } from "../world/body";
import type { ChecksumAlgorithm } from "../world/versions";
import type { S3Call } from "./call";
import { checkContentMd5Format, claimedDigests, Digests, verifyDigests, type DigestName } from "./checksums";

/**
 * An upload's body (PutObject, UploadPart) streamed to the blob folder as it arrives, never held
 * whole: its framing decoded (aws-chunked), its signatures and payload hash checked, its MD5 and
 * checksums computed on the way. Any failure (a bad signature or digest, a client that goes
 * away, the size limit or the storage cap) removes what was written.
 */

export interface ReceivedUpload {
  body: ObjectBody;
  digests: Digests;
  /** The x-amz-checksum-* values sent (headers or trailers), verified against the bytes. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  /**
   * Runs `store` (synchronous: the checks that depend on the world as it is now, then the write);
   * if it throws, the body is removed, else the world refers to it from now on.
   */
  commit<T>(store: () => T): T;
}

/** Written to the file in pieces of about this size. */
const WRITE_BATCH = 1024 * 1024;

export const receiveUpload = async (call: S3Call, extraDigests: readonly DigestName[] = []): Promise<ReceivedUpload> => {
  const { request } = call;
  const { blobs, maxUploadBytes } = call.storage;
  const chunked = isAwsChunked(request);
  const declared = declaredSize(request, chunked);
  if (declared !== undefined && declared > maxUploadBytes) throw entityTooLarge(declared, maxUploadBytes);
  checkContentMd5Format(request);
  if (declared !== undefined && declared > INLINE_BODY_LIMIT) await blobs.ensureRoom(declared);

  const decoder = chunked ? new AwsChunkedDecoder(ChunkSignatureChain.of(request)) : undefined;
  const digests = new Digests([...claimedDigests(request), ...extraDigests]);
  const claimedHash = header(request, "x-amz-content-sha256");
  const payloadHash = !chunked && claimedHash && /^[0-9a-f]{64}$/i.test(claimedHash) ? createHash("sha256") : undefined;
  const sink = new BodySink(blobs, declared);
  let size = 0;
  try {
    for await (const raw of rawBytes(request)) {
      for (const piece of decoder ? await decoder.push(raw) : [raw]) {
        size += piece.length;
        if (size > maxUploadBytes) throw entityTooLarge(size, maxUploadBytes);
        digests.update(piece);
        payloadHash?.update(piece);
        await sink.write(piece);
      }
    }
    const trailers = decoder ? await decoder.finish() : {};
    if (chunked && declared !== undefined && declared !== size) {
      throw incompleteBody();
    }
    if (payloadHash) checkPayloadHash(claimedHash ?? "", payloadHash);
    const checksums = verifyDigests(request, (name) => digests.result(name), trailers);
    const body = await sink.finish();
    return { body, digests, checksums, commit: (store) => sink.commit(store) };
  } catch (error) {
    await sink.discard();
    throw error;
  }
};

/** The body's size as declared: the decoded length of aws-chunked, else Content-Length. */
const declaredSize = (request: SandboxRequest, chunked: boolean): number | undefined => {
  const raw = header(request, chunked ? "x-amz-decoded-content-length" : "content-length");
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
};

async function* rawBytes(request: SandboxRequest): AsyncIterable<Buffer> {
  if (request.upload) yield* request.upload.raw();
  else if (request.body.length > 0) yield request.body;
}

const checkPayloadHash = (claimed: string, hash: Hash): void => {
  const actual = hash.digest("hex");
  if (actual === claimed.toLowerCase()) return;
  throw new ServiceError("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.", {
    ClientComputedContentSHA256: claimed,
    S3ComputedContentSHA256: actual,
  });
};

/**
 * Small bodies stay in memory; once past INLINE_BODY_LIMIT, everything goes to a blob file. One
 * batch is written while the next is read from the socket and hashed (never more: memory stays
 * at about two batches, whatever the body's size).
 */
class BodySink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private writer: BlobWriter | undefined;
  private writing: Promise<void> | undefined;
  private file: string | undefined;

  constructor(
    private readonly blobs: BlobStore,
    private readonly declared: number | undefined,
  ) {}

  async write(piece: Buffer): Promise<void> {
    // Inline bytes are copied out of the socket's buffer; bytes on their way to the file are not.
    this.pending.push(this.writer ? piece : Buffer.from(piece));
    this.pendingBytes += piece.length;
    if (!this.writer && this.pendingBytes <= INLINE_BODY_LIMIT) return;
    this.writer ??= await this.blobs.create();
    if (this.pendingBytes >= WRITE_BATCH) await this.flush();
  }

  async finish(): Promise<ObjectBody> {
    if (!this.writer) {
      // Small bodies stay in memory, but count against the cap all the same: many of them add up.
      await this.blobs.reserveInline(this.pendingBytes);
      return ObjectBody.inline(Buffer.concat(this.pending));
    }
    await this.flush();
    await this.writing;
    const file = await this.writer.finish();
    this.file = file.id;
    return ObjectBody.file(file);
  }

  commit<T>(store: () => T): T {
    try {
      const result = store();
      if (this.file) this.blobs.unpin(this.file);
      return result;
    } catch (error) {
      void this.discard();
      throw error;
    }
  }

  async discard(): Promise<void> {
    this.pending = [];
    await this.writing?.catch(() => undefined);
    if (this.file) await this.blobs.remove(this.file);
    else await this.writer?.discard();
  }

  /** Starts writing what is pending once the write before it is done (its failure surfaces here). */
  private async flush(): Promise<void> {
    if (!this.writer || this.pendingBytes === 0) return;
    await this.writing;
    const pieces = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    const writing = this.writer.write(pieces, bytes, Math.max(this.declared ?? 0, this.writer.bytesWritten + bytes));
    // Awaited by the next flush, finish or discard; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
    this.writing = writing;
  }
}
