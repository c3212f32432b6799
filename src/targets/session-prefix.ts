import { randomInt } from "node:crypto";
import { writeJsonAtomic } from "../store/atomic-write";
import { readJsonFile } from "../store/json-file";
import { targetStateFile } from "./target-state";
import { TargetError, type TargetName } from "./target";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const GENERATED_LENGTH = 6;

/**
 * Short enough to leave room for "-replica-destination" within the 63 characters of a bucket
 * name, long enough that the guard's "starts with the prefix" test means something.
 */
const PREFIX_PATTERN = /^[a-z0-9][a-z0-9-]{2,29}$/;

/** "s3t-" and 6 lowercase letters or digits, e.g. "s3t-k3j9x2". */
export const generatePrefix = (): string =>
  `s3t-${Array.from({ length: GENERATED_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;

export const validatePrefix = (prefix: string): string => {
  if (PREFIX_PATTERN.test(prefix)) return prefix;
  throw new TargetError(
    `"${prefix}" cannot be a resource prefix: bucket names allow only lowercase letters, digits and hyphens.`,
    "Use 3 to 30 lowercase letters, digits and hyphens that start with a letter or digit, e.g. --prefix s3t-sam.",
  );
};

const readStored = (value: unknown): string => {
  const prefix = (value as { prefix?: unknown } | null)?.prefix;
  if (typeof prefix !== "string" || !PREFIX_PATTERN.test(prefix)) throw new Error("no valid prefix in the file");
  return prefix;
};

/**
 * The session prefix: the one given (--prefix), else the one remembered for this target, else a
 * new one, remembered so later runs and `s3-tutor cleanup` use the same names.
 */
export const sessionPrefix = async (target: TargetName, given: string | undefined, notice: (message: string) => void): Promise<string> => {
  if (given !== undefined) return validatePrefix(given);
  const path = targetStateFile(target, "session.json");
  const stored = await readJsonFile(path, readStored);
  if (stored.status === "ok") return stored.value;
  if (stored.status === "corrupt") {
    notice(`The remembered session prefix could not be read (${stored.reason}); the file was moved to ${stored.movedTo} and a new prefix chosen.`);
  }
  const prefix = generatePrefix();
  await writeJsonAtomic(path, { prefix });
  return prefix;
};
