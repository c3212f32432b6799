import type { QuizResults } from "../engine/quiz-results";
import type { PlainQuizResult } from "./plain-quiz";

/**
 * `quiz --json`: one JSON document on stdout for scripts and instructors: the score, pass or
 * fail, the breakdowns, and per question whether it was answered, right, guessed or flagged.
 * Field names are the contract; add fields, never rename them.
 */

export interface QuizJson {
  mode: string;
  /** finished, time-up, quit, input-ended; or nothing-to-ask with `reason`. */
  end: string;
  reason?: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  timeLimitMs?: number;
  score?: { correct: number; total: number; percent: number };
  unanswered?: number;
  /** Exams that were handed in (or ran out of time) only. */
  passMark?: number;
  passed?: boolean;
  byTopic?: QuizResults["byTopic"];
  byTag?: QuizResults["byTag"];
  questions: Array<{
    id: string;
    topic: string;
    tags: string[];
    answered: boolean;
    correct: boolean;
    guessed: boolean;
    flagged: boolean;
    /** Graded wrong, counted right: the learner said "I was right". */
    markedRight?: boolean;
    given?: string;
    rightAnswer: string;
    source: string;
  }>;
  /** Cards due for spaced review by the end of today, after this session. */
  dueToday?: number;
  retry?: QuizJson;
}

export const quizJson = (run: PlainQuizResult, dueToday?: number): QuizJson => {
  const results = run.results;
  return {
    mode: results.mode,
    end: results.endedBy === "time-up" ? "time-up" : run.end,
    startedAt: results.startedAt,
    ...(results.finishedAt ? { finishedAt: results.finishedAt } : {}),
    durationMs: results.durationMs,
    ...(results.timeLimitMs !== undefined ? { timeLimitMs: results.timeLimitMs } : {}),
    score: { correct: results.correct, total: results.total, percent: results.percent },
    unanswered: results.unanswered,
    // An exam walked out of (quit, input ended) is not scored: no pass or fail.
    ...(results.passMark !== undefined && results.finishedAt ? { passMark: results.passMark, passed: results.passed === true } : {}),
    byTopic: results.byTopic,
    byTag: results.byTag,
    questions: results.questions.map((outcome) => ({
      id: outcome.questionId,
      topic: outcome.topic,
      tags: outcome.tags,
      answered: outcome.answered,
      correct: outcome.correct,
      guessed: outcome.guessed,
      flagged: outcome.flagged,
      ...(outcome.markedRight ? { markedRight: true } : {}),
      ...(outcome.given !== undefined ? { given: outcome.given } : {}),
      rightAnswer: outcome.rightAnswer,
      source: outcome.source,
    })),
    ...(dueToday !== undefined ? { dueToday } : {}),
    ...(run.retry ? { retry: quizJson(run.retry) } : {}),
  };
};

export const nothingToAskJson = (mode: string, reason: string): QuizJson => ({ mode, end: "nothing-to-ask", reason, questions: [] });
