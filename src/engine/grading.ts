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
        correct: given !== undefined && question.accept.some((accepted) => normaliseText(accepted) === given),
        rightAnswer: question.accept[0] ?? "",
      };
    }
  }
};
