import { readFile, rename } from "node:fs/promises";

export type JsonRead<T> =
  | { status: "missing" }
  | { status: "ok"; value: T }
  /** The file could not be read as JSON of the expected shape; it now lives at `movedTo`. */
  | { status: "corrupt"; movedTo: string; reason: string };

/**
 * Reads a JSON file. A file that is not JSON, or that `parse` rejects, is moved aside (renamed
 * with a .corrupt-<timestamp> suffix, so nothing is lost and the next write starts clean) and
 * reported to the caller instead of crashing.
 */
export const readJsonFile = async <T>(path: string, parse: (value: unknown) => T): Promise<JsonRead<T>> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    throw error;
  }
  try {
    return { status: "ok", value: parse(JSON.parse(text)) };
  } catch (error) {
    const movedTo = `${path}.corrupt-${timestamp()}`;
    await rename(path, movedTo);
    return { status: "corrupt", movedTo, reason: error instanceof Error ? error.message : String(error) };
  }
};

/** 2026-03-01T10-20-30-123Z: sortable, and free of the colons Windows forbids in file names. */
const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, "-");
