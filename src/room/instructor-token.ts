import { open, readFile, rename, rm } from "node:fs/promises";

/**
 * The instructor token, kept where the instructor can read it again (`<room dir>/instructor-token`,
 * readable by its owner only): the log holds only its hash, and the token must outlive a restart.
 */

export const INSTRUCTOR_TOKEN_FILE = "instructor-token";

export const readInstructorToken = async (file: string): Promise<string | undefined> => {
  try {
    const token = (await readFile(file, "utf8")).trim();
    return token === "" ? undefined : token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

/** Written whole and synced, then renamed into place: a crash leaves the old token or the new one. */
export const writeInstructorToken = async (file: string, token: string): Promise<void> => {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, "w", 0o600);
    try {
      await handle.writeFile(`${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};
