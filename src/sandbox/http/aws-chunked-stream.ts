import type { ChunkSignatureChain } from "../auth/streaming";
import { incomplete, readTrailers } from "./aws-chunked";

/**
 * aws-chunked decoded as it streams in (see aws-chunked.ts for the framing): `push` each piece
 * of the raw body and get the data bytes back, `finish` once it has all arrived. A chunk's
 * signature is checked when its last byte has been seen, so a 5 GiB chunk is never held.
 */

/** A chunk header line or the trailers longer than this is not aws-chunked. */
const MAX_LINE = 4096;
const MAX_TRAILERS = 16 * 1024;

type State = "size" | "data" | "data-end" | "trailers";

export class AwsChunkedDecoder {
  private state: State = "size";
  private line = Buffer.alloc(0);
  private remaining = 0;
  private signature: string | undefined;
  private trailerBytes: Buffer[] = [];
  private trailerLength = 0;
  private sawLast = false;

  constructor(private readonly chain: ChunkSignatureChain | undefined) {}

  /** The data bytes in `input`, in order (views into it, not copies). */
  async push(input: Buffer): Promise<Buffer[]> {
    const data: Buffer[] = [];
    let at = 0;
    while (at < input.length) {
      switch (this.state) {
        case "size": {
          const lineEnd = this.lineEnd(input, at);
          if (lineEnd === -1) {
            this.line = Buffer.concat([this.line, input.subarray(at)]);
            if (this.line.length > MAX_LINE) throw incomplete();
            return data;
          }
          const text = Buffer.concat([this.line, input.subarray(at, lineEnd)]).toString("latin1");
          this.line = Buffer.alloc(0);
          if (!text.endsWith("\r")) throw incomplete();
          at = lineEnd + 1;
          await this.startChunk(text.slice(0, -1));
          break;
        }
        case "data": {
          const take = Math.min(this.remaining, input.length - at);
          const piece = input.subarray(at, at + take);
          this.chain?.update(piece);
          data.push(piece);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.state = "data-end";
          break;
        }
        case "data-end": {
          const lineEnd = this.lineEnd(input, at);
          if (lineEnd === -1) {
            this.line = Buffer.concat([this.line, input.subarray(at)]);
            if (this.line.length > 2) throw incomplete();
            return data;
          }
          const rest = Buffer.concat([this.line, input.subarray(at, lineEnd)]).toString("latin1");
          this.line = Buffer.alloc(0);
          if (rest !== "\r") throw incomplete();
          at = lineEnd + 1;
          await this.chain?.endChunk(this.signature);
          this.state = "size";
          break;
        }
        case "trailers": {
          const rest = input.subarray(at);
          this.trailerLength += rest.length;
          if (this.trailerLength > MAX_TRAILERS) throw incomplete();
          this.trailerBytes.push(rest);
          at = input.length;
          break;
        }
      }
    }
    return data;
  }

  /** The body has all arrived: the last chunk must have been seen; returns the trailing headers. */
  async finish(): Promise<Record<string, string>> {
    if (this.state !== "trailers" || !this.sawLast) throw incomplete();
    const { trailers, trailerText, trailerSignature } = readTrailers(Buffer.concat(this.trailerBytes), 0);
    await this.chain?.verifyTrailer(trailerText, trailerSignature);
    return trailers;
  }

  private lineEnd(input: Buffer, from: number): number {
    return input.indexOf(0x0a, from);
  }

  private async startChunk(line: string): Promise<void> {
    const [sizeText = "", ...extensions] = line.split(";");
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText.trim())) throw incomplete();
    const size = Number.parseInt(sizeText.trim(), 16);
    if (!Number.isSafeInteger(size)) throw incomplete();
    this.signature = extensions.find((ext) => ext.startsWith("chunk-signature="))?.slice("chunk-signature=".length);
    if (size === 0) {
      // The final chunk signs the empty data; what follows is trailers (or nothing).
      await this.chain?.endChunk(this.signature);
      this.sawLast = true;
      this.state = "trailers";
      return;
    }
    this.remaining = size;
    this.state = "data";
  }
}
