import type { InterviewPoint } from "../../content/schema/interview";

/**
 * The transparent matcher: which rubric points a typed answer seems to make. A point seems made
 * when one of its cues appears in the answer, word for word and in order; the cue that matched
 * is returned so the screen can say why ("seems covered: you said 'one region'"). Deliberately
 * simple, so a candidate can see and predict it: the candidate has the last word on every tick.
 */

/** A word as compared: lower case; a trailing "s" dropped from words of 4+ characters, so "regions" meets "region". */
const folded = (word: string): string => (word.length >= 4 && word.endsWith("s") ? word.slice(0, -1) : word);

/** Lower case, and anything but letters and digits is a space. */
const rawWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/** The words of a text as the matcher compares them. */
export const normalisedWords = (text: string): string[] => rawWords(text).map(folded);

/** One word of a cue: an exact (folded) word, or with a trailing `*` a prefix of the answer's word as typed. */
type CueWord = { exact: string } | { prefix: string };

const cueWords = (cue: string): CueWord[] =>
  cue
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .flatMap((token) => {
      const words = rawWords(token);
      // Only the last word of a token such as "cross-region*" carries the star.
      if (!token.endsWith("*")) return words.map((word): CueWord => ({ exact: folded(word) }));
      return words.map((word, index): CueWord => (index === words.length - 1 ? { prefix: word } : { exact: folded(word) }));
    });

interface AnswerWord {
  raw: string;
  folded: string;
}

const wordMatches = (cue: CueWord, word: AnswerWord): boolean => ("exact" in cue ? word.folded === cue.exact : word.raw.startsWith(cue.prefix));

/** Where the cue's words start in the answer's, or -1. */
const cueStart = (cue: readonly CueWord[], answer: readonly AnswerWord[]): number => {
  if (cue.length === 0) return -1;
  for (let start = 0; start + cue.length <= answer.length; start++) {
    if (cue.every((word, offset) => wordMatches(word, answer[start + offset] as AnswerWord))) return start;
  }
  return -1;
};

const answerWords = (answer: string): AnswerWord[] => rawWords(answer).map((raw) => ({ raw, folded: folded(raw) }));

/** Point id → the first of its cues (as written in the file) found in `answer`; points with no cue found are absent. */
export const matchPoints = (answer: string, points: readonly InterviewPoint[]): Record<string, string> => {
  const words = answerWords(answer);
  const matched: Record<string, string> = {};
  for (const point of points) {
    const cue = point.cues.find((candidate) => cueStart(cueWords(candidate), words) >= 0);
    if (cue !== undefined) matched[point.id] = cue;
  }
  return matched;
};

/** The answer's words that `cue` matched, lower case ("replicating" for "replicat*"): what "you said" shows. */
export const wordsMatched = (answer: string, cue: string): string | undefined => {
  const words = answerWords(answer);
  const wanted = cueWords(cue);
  const start = cueStart(wanted, words);
  return start < 0 ? undefined : words.slice(start, start + wanted.length).map((word) => word.raw).join(" ");
};
