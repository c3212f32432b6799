import type { Ask } from "../content/schema/lesson";
import type { CallResponse } from "./dispatch";
import type { CheckItem } from "./results";
import { formatValue, valueAtPath } from "./values";

/**
 * Steps whose point is to observe something (an ETag, an error code, a region) ask the learner
 * what they saw: `ask:` on a check action. The action's call is made again and the learner's
 * answer must equal what the target really answers, so nothing passes without the learner
 * looking, and on LocalStack the real answer is LocalStack's.
 */

/** What the learner typed, by ask id; "reveal" fills in the real answers ("do it for me", run --auto). */
export type Answers = Readonly<Record<string, string>> | "reveal";

/** The real answer in the response, as text; undefined when the response has none there. */
export const realAnswer = (from: Ask["from"], response: CallResponse): string | undefined => {
  if (from === "status") return response.status === undefined ? undefined : String(response.status);
  if (from === "error.code") return response.ok ? undefined : response.error.code;
  if (from.startsWith("header.")) {
    const name = from.slice("header.".length);
    const found = Object.entries(response.headers).find(([header]) => header.toLowerCase() === name);
    return found?.[1];
  }
  if (!response.ok) return undefined;
  const value = valueAtPath(response.output, from.slice("output.".length));
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
};

/** Case, surrounding quotes and spaces aside: `"9176E8..."` and `9176e8...` are the same ETag. */
const normalise = (text: string): string =>
  text
    .trim()
    .replace(/^(["'`])(.*)\1$/s, "$2")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

/**
 * The first number the learner wrote as a word of its own among other words, e.g. "301 Moved
 * Permanently", "10 bytes" or the status line "HTTP/1.1 301 Moved Permanently"; digits inside
 * another token do not count, so an ARN ("arn:aws:iam::111122223333:root") is not an account id
 * and "HTTP/1.1" is not a status.
 */
const firstNumber = (text: string): string | undefined => /(?<![\w:/.-])-?\d+(\.\d+)?(?![\w:/-]|\.\d)/.exec(text)?.[0];

export const answerMatches = (typed: string, real: string): boolean => {
  const wanted = normalise(real);
  const given = normalise(typed);
  if (given === wanted) return true;
  return /^-?\d+(\.\d+)?$/.test(wanted) && firstNumber(given) === wanted;
};

/** Where to look again, in words, without giving the answer away. */
const whereToLook = (ask: Ask, operation: string): string => {
  if (ask.from === "status") return `the HTTP status ${operation} answered`;
  if (ask.from === "error.code") return `the error code ${operation} answered`;
  if (ask.from.startsWith("header.")) return `the ${ask.from.slice("header.".length)} header of ${operation}'s answer`;
  return `${ask.from.slice("output.".length)} in ${operation}'s answer`;
};

export const answerItem = (ask: Ask, operation: string, response: CallResponse, answers: Answers | undefined): CheckItem => ({
  ...judgeAnswer(ask, operation, response, answers),
  answerTo: ask.id,
});

const judgeAnswer = (ask: Ask, operation: string, response: CallResponse, answers: Answers | undefined): CheckItem => {
  const label = ask.question;
  const real = realAnswer(ask.from, response);
  if (real === undefined) {
    const got = response.ok ? "succeeded" : `failed with ${response.error.code}`;
    return { label, pass: false, reason: `${operation} ${got} and gave no ${ask.from} to compare your answer with` };
  }
  if (answers === "reveal") return { label: `${label} ${real} (answered for you)`, pass: true, reason: "", actual: real };
  const typed = answers?.[ask.id];
  if (typed === undefined || typed.trim() === "") {
    return { label, pass: false, reason: `not answered yet: type what you saw (the answer "${ask.id}")`, unanswered: true };
  }
  if (answerMatches(typed, real)) return { label: `${label} ${typed.trim()}`, pass: true, reason: "", expected: real, actual: typed };
  return { label, pass: false, reason: `you answered ${formatValue(typed.trim())}, which is not what the target answered; look again at ${whereToLook(ask, operation)}`, actual: typed };
};
