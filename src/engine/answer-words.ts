import type { Question } from "../content/schema/quiz";
import type { Answer } from "./grading";

/** An answer in words ("True", "My-Bucket; xn--data", the text typed), for results and reports. */
export const answerInWords = (question: Question, answer: Answer): string => {
  switch (answer.kind) {
    case "boolean":
      return answer.value ? "True" : "False";
    case "text":
      return answer.value.trim();
    case "choices":
      if (question.type !== "single" && question.type !== "multi") return "";
      return answer.indexes.map((index) => question.choices[index]?.text ?? "").join("; ");
  }
};

/** The right answer in words, as answerInWords would write it. */
export const rightAnswerInWords = (question: Question): string => {
  switch (question.type) {
    case "single":
    case "multi":
      return question.choices.filter((choice) => choice.correct).map((choice) => choice.text).join("; ");
    case "truefalse":
      return question.answer ? "True" : "False";
    case "text":
      return question.accept[0] ?? "";
  }
};
