import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Windows refuses a rename while another process (often a virus scanner) holds the file open. */
const BUSY_CODES = new Set(["EPERM", "EACCES", "EBUSY"]);
const RENAME_ATTEMPTS = 5;

/** Names no other write of this process (the pid, the time and a count) or of another process (its pid) uses. */
let written = 0;
const temporaryName = (path: string) => `.${basename(path)}.${process.pid}.${Date.now().toString(36)}-${(written++).toString(36)}.tmp`;

/**
 * Replaces the file's content all at once: a reader sees the old file or the new one, never half
 * of either, even if the process dies midway. The temporary file sits in the same folder so the
 * rename never crosses file systems.
 */
export const writeFileAtomic = async (path: string, content: string, options: { mode?: number } = {}): Promise<void> => {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Not crypto's random bytes: loading node:crypto costs the app's first frame ~5 ms.
  const temporary = join(folder, temporaryName(path));
  try {
    // A mode (0o600 for a secret) is set as the file is made, so it is never readable by others.
    const handle = await open(temporary, "wx", options.mode ?? 0o666);
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

export const writeJsonAtomic = (path: string, value: unknown, options: { mode?: number } = {}): Promise<void> =>
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, options);

const renameWithRetry = async (from: string, to: string): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (attempt >= RENAME_ATTEMPTS || !BUSY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
};
