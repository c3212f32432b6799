import { InvalidArgumentError } from "commander";

/** The quiz command's flag parsers (--seed is the app's and lesson's too). */

export const parseCount = (value: string): number => {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError("give a whole number of questions, 1 or more.");
  return count;
};

export const parseSeed = (value: string): number => {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0) throw new InvalidArgumentError("a seed is a whole number, 0 or more.");
  return seed;
};

/** --tag a --tag b: every value, in order. */
export const collectRepeated = (value: string, previous: string[] = []): string[] => [...previous, value];
