import { EventEmitter } from "node:events";
import { render } from "ink";
import type { ReactElement } from "react";
import { KeyByKeyStdin } from "../../src/ui/keys/key-by-key-stdin";

/** A terminal's output side: every frame Ink writes, at a size the test chooses. */
class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  columns = 100;
  rows: number | undefined;
  isTTY = true;
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
}

/** A terminal's input side: what the test types, read the way a real stdin is read. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private buffered: string[] = [];
  write = (data: string) => {
    this.buffered.push(data);
    this.emit("readable");
  };
  read = (): string | null => this.buffered.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
}

export interface FakeTerminal {
  lastFrame: () => string | undefined;
  frames: () => readonly string[];
  /** Writes to the app's stdin as a terminal would: one write may hold many keys. */
  type: (data: string) => void;
  resize: (size: { columns?: number; rows?: number }) => void;
  unmount: () => void;
}

/**
 * Renders a tree as ink-testing-library does (fake streams, Ink's debug frames), but with the
 * app's own stdin in between, so tests see keys the way the real app receives them.
 */
export const renderInFakeTerminal = (tree: ReactElement, size: { columns?: number; rows?: number } = {}): FakeTerminal => {
  const stdout = new FakeStdout();
  if (size.columns !== undefined) stdout.columns = size.columns;
  if (size.rows !== undefined) stdout.rows = size.rows;
  const stderr = new FakeStdout();
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: new KeyByKeyStdin(stdin) as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: stdout.lastFrame,
    frames: () => stdout.frames,
    type: stdin.write,
    resize: ({ columns, rows }) => {
      if (columns !== undefined) stdout.columns = columns;
      if (rows !== undefined) stdout.rows = rows;
      stdout.emit("resize");
    },
    unmount: () => instance.unmount(),
  };
};
