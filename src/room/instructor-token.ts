import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../store/atomic-write";

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
export const writeInstructorToken = (file: string, token: string): Promise<void> => writeFileAtomic(file, `${token}\n`, { mode: 0o600 });
