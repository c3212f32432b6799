/**
 * A state file that exists but cannot be read, and could not be moved aside either: the caller
 * must leave it as it is (it may hold the learner's data, readable again once its permissions
 * are fixed) and must not write over it. The message says so in words, for the learner.
 */
export class UnreadableStateFile extends Error {
  constructor(
    readonly path: string,
    /** Why, in words: "permission denied", "it is a folder, not a file"... */
    readonly reason: string,
  ) {
    super(`${path} could not be read (${reason}); s3-tutor left it as it is.`);
    this.name = "UnreadableStateFile";
  }
}

const REASONS: Record<string, string> = {
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "it is a link that points back at itself",
  ENOTDIR: "a part of its path is a file, not a folder",
  EBUSY: "another program holds it",
  EIO: "the disk reported an error reading it",
};

/** An fs error's code in words, e.g. EACCES → "permission denied"; the code itself when it is rare. */
export const fileErrorInWords = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return REASONS[code] ?? code;
};
