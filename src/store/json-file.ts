import { readFile, rename } from "node:fs/promises";
import { fileErrorInWords, UnreadableStateFile } from "./unreadable-file";

export type JsonRead<T> =
  | { status: "missing" }
  | { status: "ok"; value: T }
  /** The file could not be read as JSON of the expected shape; it now lives at `movedTo`. */
  | { status: "corrupt"; movedTo: string; reason: string };

/**
 * Reads a JSON file. A file that is not JSON, that `parse` rejects, or a folder where the file
 * should be, is moved aside (renamed with a .corrupt-<timestamp> suffix, so nothing is lost and
 * the next write starts clean) and reported to the caller instead of crashing.
 *
 * Throws UnreadableStateFile when the file exists but cannot be opened (permissions, a link
 * loop...) or cannot be moved aside: such a file is left alone, for the learner to fix, and the
 * caller must not write over it.
 */
export const readJsonFile = async <T>(path: string, parse: (value: unknown) => T): Promise<JsonRead<T>> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { status: "missing" };
    // A folder holds no state of ours that could be fixed in place: set it aside like a corrupt file.
    if (code === "EISDIR") return moveAside(path, fileErrorInWords(error));
    throw new UnreadableStateFile(path, fileErrorInWords(error));
  }
  try {
    return { status: "ok", value: parse(JSON.parse(text)) };
  } catch (error) {
    return moveAside(path, error instanceof Error ? error.message : String(error));
  }
};

/** Renames the file (or folder) aside; when even that fails, it stays where it is, untouched. */
const moveAside = async (path: string, reason: string): Promise<JsonRead<never>> => {
  const movedTo = `${path}.corrupt-${timestamp()}`;
  try {
    await rename(path, movedTo);
  } catch (error) {
    throw new UnreadableStateFile(path, `${reason}, and it could not be moved aside: ${fileErrorInWords(error)}`);
  }
  return { status: "corrupt", movedTo, reason };
};

/** 2026-03-01T10-20-30-123Z: sortable, and free of the colons Windows forbids in file names. */
const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, "-");
