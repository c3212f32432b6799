import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * The room's secrets: bearer tokens (32 random bytes, base64url) kept only as sha256 hashes in the
 * log, and the short join code people type from the instructor's screen.
 */

export const newToken = (): string => randomBytes(32).toString("base64url");

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** Whether two hex hashes are the same, in constant time. */
export const sameHash = (a: string, b: string): boolean => {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
};

/** Letters and digits nobody confuses when read off a projector: no 0/O, 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 4;

export const newJoinCode = (): string =>
  randomChars(CODE_ALPHABET, JOIN_CODE_LENGTH);

/** A code as typed: any case, spaces and dashes ignored ("k7 qf" is "K7QF"). */
export const normaliseJoinCode = (typed: string): string => typed.replace(/[\s-]+/g, "").toUpperCase();

/** Random characters from `alphabet`, uniformly (randomInt has no modulo bias). */
export const randomChars = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
