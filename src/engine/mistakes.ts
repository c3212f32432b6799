import type { HistoryAnswer } from "../store/quiz-history";

/**
 * The mistakes deck: questions whose latest answer, in any mode, was wrong. Answering one
 * right takes it out; answering it wrong again puts it back.
 */
export const mistakeIds = (answers: readonly HistoryAnswer[]): string[] => {
  const latest = new Map<string, HistoryAnswer>();
  for (const answer of answers) {
    const seen = latest.get(answer.questionId);
    if (!seen || Date.parse(answer.at) >= Date.parse(seen.at)) latest.set(answer.questionId, answer);
  }
  return [...latest.values()].filter((answer) => !answer.correct).map((answer) => answer.questionId);
};
