import { createInterface } from "node:readline";

/** Reads a stream one line at a time, on demand; `undefined` once the input has ended. */
export interface LineReader {
  next(): Promise<string | undefined>;
  /** Gives a line back, to be the next one read (a reply read too early, meant for what comes next). */
  putBack(line: string): void;
  close(): void;
}

/**
 * Lines are queued as they arrive: a pipe delivers many answers in one chunk, and readline
 * drops the lines nobody is listening for (as `rl.question` would). `terminal: false` keeps
 * the terminal in cooked mode (no raw mode, no escape sequences), so a screen reader or the
 * shell's own line editing does the work.
 */
export const readLines = (input: NodeJS.ReadableStream): LineReader => {
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const queued: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  lines.on("line", (line) => {
    const reader = waiting.shift();
    if (reader) reader(line);
    else queued.push(line);
  });
  lines.on("close", () => {
    ended = true;
    for (const reader of waiting.splice(0)) reader(undefined);
  });
  return {
    next: () => {
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    putBack: (line) => {
      queued.unshift(line);
    },
    // Pauses the input too, so an open terminal or pipe does not keep the process alive.
    close: () => lines.close(),
  };
};
