import { EventEmitter } from "node:events";
import { afterPendingRenders } from "./after-pending-renders";
import { KeySplitter } from "./bracketed-paste";

/** What Ink uses of its stdin (and all a terminal or a test's stand-in must offer). */
export interface InkStdinSource {
  readonly isTTY?: boolean;
  read(): string | Buffer | null;
  setEncoding(encoding: BufferEncoding): unknown;
  setRawMode?(enabled: boolean): unknown;
  ref?(): unknown;
  unref?(): unknown;
  on(event: "readable", listener: () => void): unknown;
  off(event: "readable", listener: () => void): unknown;
}

/**
 * Stands between the terminal and Ink so that a burst of input is handled as the keys in it, in
 * order. Ink hands a chunk to every handler at once, and handlers see a key's effect only once
 * React has rendered and re-bound them, so "Down Enter" in one write would select what was
 * highlighted before the Down. Here each key is a readable chunk of its own, handed over only
 * when React has finished its work: the render the last key caused, or the effects of a screen
 * just drawn (a key typed the moment it appears would otherwise find no handler bound). A
 * bracketed paste stays one chunk, the pasted text (bracketed-paste.ts).
 */
export class KeyByKeyStdin extends EventEmitter {
  private readonly waiting: string[] = [];
  private readonly splitter = new KeySplitter();
  private handed: string | null = null;
  private scheduled = false;
  private attached = false;

  constructor(private readonly source: InkStdinSource) {
    super();
    // Ink listens for "readable" only while it wants keys; the terminal is read only then too.
    this.on("newListener", (event: string) => {
      if (event === "readable" && !this.attached) {
        this.attached = true;
        this.source.on("readable", this.pull);
        // Keys that came while no screen was listening are handed on once one is.
        if (this.waiting.length > 0 && !this.scheduled) this.handLater();
      }
    });
    this.on("removeListener", (event: string) => {
      if (event === "readable" && this.listenerCount("readable") === 0 && this.attached) {
        this.attached = false;
        this.source.off("readable", this.pull);
      }
    });
  }

  get isTTY(): boolean {
    return this.source.isTTY === true;
  }

  setRawMode(enabled: boolean): this {
    this.source.setRawMode?.(enabled);
    return this;
  }

  setEncoding(encoding: BufferEncoding): this {
    this.source.setEncoding(encoding);
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  /** One key per call; null once it has been taken, until the next is ready. */
  read(): string | null {
    const key = this.handed;
    this.handed = null;
    return key;
  }

  private readonly pull = () => {
    let chunk: string | Buffer | null;
    while ((chunk = this.source.read()) !== null) this.waiting.push(...this.splitter.keysOf(chunk.toString()));
    // Even the first key waits for React: a screen just drawn may not have bound its handlers yet.
    if (!this.scheduled && this.waiting.length > 0) this.handLater();
  };

  private handNext(): void {
    this.scheduled = false;
    if (!this.attached) return;
    const key = this.waiting.shift();
    if (key === undefined) return;
    this.handed = key;
    this.emit("readable");
    this.handed = null;
    if (this.waiting.length > 0) this.handLater();
  }

  private handLater(): void {
    this.scheduled = true;
    afterPendingRenders(() => this.handNext());
  }
}
