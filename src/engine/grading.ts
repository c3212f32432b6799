import type { Question } from "../content/schema/quiz";

/** A learner's answer to one question. */
export type Answer =
  | { kind: "choices"; indexes: number[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string };

export interface Grade {
  correct: boolean;
  /** The right answer in words, to show after a wrong one. */
  rightAnswer: string;
  explain: string;
  source: string;
}

const QUOTES = /^["'`\u2018\u2019\u201c\u201d]+|["'`\u2018\u2019\u201c\u201d]+$/g;

/** Text answers compare without regard to case, surrounding quotes or runs of spaces. */
export const normaliseText = (text: string): string =>
  text.normalize("NFKC").trim().replace(QUOTES, "").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A typed answer may echo the question's own wording around the answer: "in 2020" to "In which
 * year…?", "the Tokyo region", "2020." Only a leading preposition or article and a closing full
 * stop go; nothing that could turn a wrong answer right ("not 2020", "2019 or 2020" stay wrong).
 */
const LEADING_FILLER = /^(?:(?:in|on|at|the|a|an) )+/;
const withoutFiller = (given: string): string => given.replace(/[.!]+$/, "").trim().replace(LEADING_FILLER, "").trim();

/** Whether a typed answer (normalised) is one of the accepted ones. */
const textAccepted = (accepted: readonly string[], given: string): boolean => {
  const candidates = new Set([given, withoutFiller(given)]);
  return accepted.some((answer) => candidates.has(normaliseText(answer)));
};

const correctIndexes = (question: Extract<Question, { type: "single" | "multi" }>): number[] =>
  question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));

const sameSet = (a: number[], b: number[]): boolean => {
  const wanted = new Set(b);
  return new Set(a).size === wanted.size && a.every((value) => wanted.has(value));
};

export const grade = (question: Question, answer: Answer): Grade => {
  const base = { explain: question.explain, source: question.source };
  switch (question.type) {
    case "single":
    case "multi": {
      const right = correctIndexes(question);
      const rightAnswer = right.map((index) => question.choices[index]?.text ?? "").join("; ");
      const correct = answer.kind === "choices" && sameSet(answer.indexes, right);
      return { ...base, correct, rightAnswer };
    }
    case "truefalse":
      return {
        ...base,
        correct: answer.kind === "boolean" && answer.value === question.answer,
        rightAnswer: question.answer ? "true" : "false",
      };
    case "text": {
      const given = answer.kind === "text" ? normaliseText(answer.value) : undefined;
      return {
        ...base,
        correct: given !== undefined && given !== "" && textAccepted(question.accept, given),
        rightAnswer: question.accept[0] ?? "",
      };
    }
  }
};
