import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * A file that only ever grows by whole lines, safe for several processes at once: each line is
 * one write() on a descriptor opened for appending (O_APPEND; FILE_APPEND_DATA on Windows), so
 * the system puts every line at the end, whole, and no writer overwrites another's.
 */
export const appendLine = async (path: string, line: string): Promise<void> => {
  if (line.includes("\n")) throw new Error("a journal line cannot contain a line break");
  await mkdir(dirname(path), { recursive: true });
  const bytes = Buffer.from(`${line}\n`, "utf8");
  const handle = await open(path, "a");
  try {
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes reached ${path}`);
    // Written before a resource is created: it must survive a crash that follows.
    await handle.datasync();
  } finally {
    await handle.close();
  }
};

export interface NumberedLine {
  /** 1-based, as an editor shows it. */
  number: number;
  text: string;
}

/**
 * The file's text up to its last line break ("" when it does not exist), and whether anything
 * came after it: another process's write in progress, or a line a crash cut short.
 */
export const readCompleteText = async (path: string): Promise<{ text: string; cutTail: boolean }> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { text: "", cutTail: false };
    throw error;
  }
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  return { text: complete, cutTail: complete.length < text.length };
};

/**
 * The complete lines of the file (none when it does not exist). A last line without its line
 * break is another process's write in progress, or one a crash cut short: it is left out.
 */
export const readLines = async (path: string): Promise<NumberedLine[]> => {
  const { text } = await readCompleteText(path);
  const lines = text.split("\n");
  lines.pop(); // after the last line break: empty
  return lines.map((line, index) => ({ number: index + 1, text: line })).filter((line) => line.text.trim() !== "");
};
