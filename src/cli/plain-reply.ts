import type { Question } from "../content/schema/quiz";
import type { Answer } from "../engine/grading";

/** What one line typed at a `quiz --plain` question means. */
export type PlainReply =
  | { kind: "answer"; answer: Answer }
  | { kind: "skip" }
  | { kind: "quit" }
  /** Flag or unflag the question for review; the question is asked again. */
  | { kind: "flag" }
  /** Mark the coming answer as a guess (review rates it Hard); the question is asked again. */
  | { kind: "guess" }
  | { kind: "invalid"; reason: string };

const SKIP = new Set(["", "s", "skip"]);
const QUIT = new Set(["q", "quit"]);
// Whole words: "f" already means False and "g" could be a typed answer.
const FLAG = new Set(["flag"]);
const GUESS = new Set(["guess", "guessed"]);
const TRUE_WORDS = new Set(["1", "true", "t", "yes", "y"]);
const FALSE_WORDS = new Set(["2", "false", "f", "no", "n"]);

/** Choice numbers as typed (1-based), separated by spaces or commas, as 0-based indexes. */
const parseChoiceNumbers = (line: string, choiceCount: number): number[] | { reason: string } => {
  const words = line.split(/[\s,]+/).filter((word) => word !== "");
  const range = `from 1 to ${choiceCount}`;
  const notNumber = words.find((word) => !/^\d+$/.test(word));
  if (notNumber !== undefined) return { reason: `"${notNumber}" is not a choice number: type a number ${range}.` };
  const numbers = words.map(Number);
  const outside = numbers.find((number) => number < 1 || number > choiceCount);
  if (outside !== undefined) return { reason: `There is no choice ${outside}: type a number ${range}.` };
  return [...new Set(numbers)].map((number) => number - 1);
};

/**
 * Reads a line as an answer to `question`, or as skip (an empty line or "s"), quit ("q"),
 * "flag" or "guess".
 * Checks only the form (a number in range, one number for a single choice); whether the
 * answer is right is grade()'s business.
 */
export const parsePlainReply = (question: Question, line: string): PlainReply => {
  const typed = line.trim();
  const word = typed.toLowerCase();
  if (SKIP.has(word)) return { kind: "skip" };
  if (QUIT.has(word)) return { kind: "quit" };
  if (FLAG.has(word)) return { kind: "flag" };
  if (GUESS.has(word)) return { kind: "guess" };
  switch (question.type) {
    case "single":
    case "multi": {
      const indexes = parseChoiceNumbers(typed, question.choices.length);
      if (!Array.isArray(indexes)) return { kind: "invalid", reason: indexes.reason };
      if (question.type === "single" && indexes.length > 1) {
        return { kind: "invalid", reason: `Only one choice is right here: type a single number from 1 to ${question.choices.length}.` };
      }
      return { kind: "answer", answer: { kind: "choices", indexes } };
    }
    case "truefalse":
      if (TRUE_WORDS.has(word)) return { kind: "answer", answer: { kind: "boolean", value: true } };
      if (FALSE_WORDS.has(word)) return { kind: "answer", answer: { kind: "boolean", value: false } };
      return { kind: "invalid", reason: "Type 1 for True or 2 for False." };
    case "text":
      return { kind: "answer", answer: { kind: "text", value: typed } };
  }
};
