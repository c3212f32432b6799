import type { Question } from "../content/schema/quiz";
import type { QuizMode } from "./quiz-modes";
import { shuffled } from "./random";
import { selectQuestions, type QuizFilter, type SelectionInput } from "./quiz-selection";
import { startQuiz, type QuizState } from "./quiz-session";

/** What the learner asked for, from the command line or the quiz menu. */
export interface QuizRequest extends QuizFilter {
  mode: QuizMode;
  count?: number;
  /** Exactly these questions (retrying the ones missed), instead of a selection. */
  questionIds?: readonly string[];
}

import { EXAM_SECONDS_PER_QUESTION } from "../content/exam-pace";

export { EXAM_SECONDS_PER_QUESTION };

export type QuizPlan = { state: QuizState } | { reason: string };

/** The questions chosen and shuffled, each one's options shuffled, and an exam's clock set. */
export const planQuiz = (request: QuizRequest, input: SelectionInput): QuizPlan => {
  const byId = new Map(input.questions.map((question) => [question.id, question]));
  const chosen = request.questionIds
    ? shuffled(
        request.questionIds.map((id) => byId.get(id)).filter((question): question is Question => question !== undefined),
        input.random,
      )
    : undefined;
  const selection = chosen ? { questions: chosen } : selectQuestions(request.mode, request, request.count, input);
  if (selection.questions.length === 0) return { reason: "reason" in selection ? selection.reason : "There are no questions to ask." };
  const exam = request.mode === "exam";
  return {
    state: startQuiz(selection.questions, {
      mode: request.mode,
      now: input.now,
      random: input.random,
      flagged: input.cards.flagged,
      ...(exam ? { timeLimitMs: selection.questions.length * EXAM_SECONDS_PER_QUESTION * 1000 } : {}),
    }),
  };
};

/**
 * The name a request's shuffle is drawn under (see RandomSource): what it asks for, in a fixed
 * order, so `quiz --seed` in the app and with --plain, and the same choice in the quiz menu, draw
 * the same exam.
 */
export const quizPurpose = (request: QuizRequest): string => {
  const sorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort().join(",");
  return [
    `quiz ${request.mode}`,
    `topics ${sorted(request.topics)}`,
    `tags ${sorted(request.tags)}`,
    `count ${request.count ?? ""}`,
    `questions ${sorted(request.questionIds)}`,
  ].join("; ");
};
