import { join } from "node:path";
import { JsonDocument, type DocumentKind, type OpenedDocument } from "./json-document";
import { isFiniteNumber, isIsoDate, isRecord, isStringArray } from "./parse-helpers";
import { stateDir } from "./state-dir";

/**
 * Every quiz answer and every finished quiz session, for mistakes, stats and reports, and every
 * mock interview, for its trend: quiz-history.json in the state directory. Modes are kept as the
 * words the engine uses.
 */

export interface HistoryAnswer {
  questionId: string;
  correct: boolean;
  /** The learner said "I guessed". */
  guessed: boolean;
  /** Graded wrong, counted right because the learner said "I was right": worth a second look. */
  markedRight?: boolean;
  mode: string;
  at: string;
}

export interface HistorySession {
  mode: string;
  startedAt: string;
  finishedAt: string;
  correct: number;
  total: number;
  /** Exams only. */
  passed?: boolean;
}

/** One question of a mock interview: points made and asked over its whole chain of follow-ups. */
export interface HistoryInterviewQuestion {
  questionId: string;
  made: number;
  /** 0 when the question was skipped before any answer was scored. */
  asked: number;
  /** The ids of the points missed (the follow-ups' ids included). */
  missed: string[];
}

export interface HistoryInterview {
  startedAt: string;
  finishedAt: string;
  /** finished, or ended early by the candidate. */
  endedBy: string;
  questions: HistoryInterviewQuestion[];
}

export interface QuizHistory {
  version: 1;
  answers: HistoryAnswer[];
  sessions: HistorySession[];
  /** Added after version 1 was fixed, so optional: a file without it reads as []. */
  interviews?: HistoryInterview[];
}

/** Enough for years of drilling; the oldest go first, so the file stays small to rewrite. */
export const MAX_ANSWERS = 20_000;
export const MAX_SESSIONS = 2_000;
export const MAX_INTERVIEWS = 1_000;

const parseAnswer = (value: unknown, index: number): HistoryAnswer => {
  if (
    !isRecord(value) ||
    typeof value.questionId !== "string" ||
    typeof value.correct !== "boolean" ||
    typeof value.mode !== "string" ||
    !isIsoDate(value.at)
  ) {
    throw new Error(`answer ${index + 1} is not readable`);
  }
  return {
    questionId: value.questionId,
    correct: value.correct,
    guessed: value.guessed === true,
    ...(value.markedRight === true ? { markedRight: true } : {}),
    mode: value.mode,
    at: value.at,
  };
};

const parseSession = (value: unknown, index: number): HistorySession => {
  if (
    !isRecord(value) ||
    typeof value.mode !== "string" ||
    !isIsoDate(value.startedAt) ||
    !isIsoDate(value.finishedAt) ||
    !isFiniteNumber(value.correct) ||
    !isFiniteNumber(value.total)
  ) {
    throw new Error(`session ${index + 1} is not readable`);
  }
  return {
    mode: value.mode,
    startedAt: value.startedAt,
    finishedAt: value.finishedAt,
    correct: value.correct,
    total: value.total,
    ...(typeof value.passed === "boolean" ? { passed: value.passed } : {}),
  };
};

const parseInterviewQuestion = (value: unknown): HistoryInterviewQuestion | undefined =>
  isRecord(value) && typeof value.questionId === "string" && isFiniteNumber(value.made) && isFiniteNumber(value.asked) && isStringArray(value.missed)
    ? { questionId: value.questionId, made: value.made, asked: value.asked, missed: value.missed }
    : undefined;

const parseInterview = (value: unknown, index: number): HistoryInterview => {
  const questions = isRecord(value) && Array.isArray(value.questions) ? value.questions.map(parseInterviewQuestion) : undefined;
  if (
    !isRecord(value) ||
    !isIsoDate(value.startedAt) ||
    !isIsoDate(value.finishedAt) ||
    typeof value.endedBy !== "string" ||
    !questions ||
    questions.some((question) => question === undefined)
  ) {
    throw new Error(`interview ${index + 1} is not readable`);
  }
  return { startedAt: value.startedAt, finishedAt: value.finishedAt, endedBy: value.endedBy, questions: questions as HistoryInterviewQuestion[] };
};

export const QUIZ_HISTORY: DocumentKind<QuizHistory> = {
  name: "quiz history",
  empty: () => ({ version: 1, answers: [], sessions: [], interviews: [] }),
  parse: (value) => {
    if (
      !isRecord(value) ||
      value.version !== 1 ||
      !Array.isArray(value.answers) ||
      !Array.isArray(value.sessions) ||
      (value.interviews !== undefined && !Array.isArray(value.interviews))
    ) {
      throw new Error("not a quiz history file of this version");
    }
    return {
      version: 1,
      answers: value.answers.map(parseAnswer),
      sessions: value.sessions.map(parseSession),
      interviews: Array.isArray(value.interviews) ? value.interviews.map(parseInterview) : [],
    };
  },
};

export const quizHistoryPath = (): string => join(stateDir(), "quiz-history.json");

export const openQuizHistory = (path = quizHistoryPath()): Promise<OpenedDocument<QuizHistory>> => JsonDocument.open(path, QUIZ_HISTORY);

export const withAnswers = (history: QuizHistory, answers: readonly HistoryAnswer[]): QuizHistory => ({
  ...history,
  answers: [...history.answers, ...answers].slice(-MAX_ANSWERS),
});

export const withSession = (history: QuizHistory, session: HistorySession): QuizHistory => ({
  ...history,
  sessions: [...history.sessions, session].slice(-MAX_SESSIONS),
});

/** The interviews so far, oldest first (a file from before interviews has none). */
export const interviewsOf = (history: QuizHistory): HistoryInterview[] => history.interviews ?? [];

export const withInterview = (history: QuizHistory, interview: HistoryInterview): QuizHistory => ({
  ...history,
  interviews: [...interviewsOf(history), interview].slice(-MAX_INTERVIEWS),
});
