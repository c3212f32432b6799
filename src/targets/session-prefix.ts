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

export interface ChosenPrefix {
  prefix: string;
  /** given: --prefix, the learner's choice; otherwise s3-tutor's, and it may choose another. */
  source: "given" | "remembered" | "generated";
}

/**
 * The session prefix: the one given (--prefix), else the one remembered for this target, else a
 * new one, remembered so later runs and `s3-tutor cleanup` use the same names.
 */
export const chooseSessionPrefix = async (target: TargetName, given: string | undefined, notice: (message: string) => void): Promise<ChosenPrefix> => {
  if (given !== undefined) return { prefix: validatePrefix(given), source: "given" };
  const path = targetStateFile(target, "session.json");
  const stored = await readJsonFile(path, readStored);
  if (stored.status === "ok") return { prefix: stored.value, source: "remembered" };
  if (stored.status === "corrupt") {
    notice(`The remembered session prefix could not be read (${stored.reason}); the file was moved to ${stored.movedTo} and a new prefix chosen.`);
  }
  const prefix = generatePrefix();
  await rememberPrefix(target, prefix);
  return { prefix, source: "generated" };
};

export const sessionPrefix = async (target: TargetName, given: string | undefined, notice: (message: string) => void): Promise<string> =>
  (await chooseSessionPrefix(target, given, notice)).prefix;

/** Makes `prefix` the one later runs on this target use. */
export const rememberPrefix = (target: TargetName, prefix: string): Promise<void> => writeJsonAtomic(targetStateFile(target, "session.json"), { prefix });
