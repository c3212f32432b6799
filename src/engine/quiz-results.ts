import type { Question } from "../content/schema/quiz";
import { answerInWords, rightAnswerInWords } from "./answer-words";
import { topicOf } from "./question-topic";
import type { QuizMode } from "./quiz-modes";
import { elapsedMs, type QuizEnd, type QuizState } from "./quiz-session";
import { percentOf, tallyBy, type Tally } from "./tally";

/**
 * The outcome of a session: the score, pass or fail for an exam, the time, a breakdown per
 * topic and per tag, and each question with the learner's answer and the explanation. The
 * exam screen, `quiz --plain` and `--json` all print this.
 */

/** An exam passes at 70% (AWS's certification exams ask 70-75%, scaled). */
export const EXAM_PASS_PERCENT = 70;

export interface QuestionOutcome {
  questionId: string;
  topic: string;
  tags: string[];
  prompt: string;
  answered: boolean;
  correct: boolean;
  guessed: boolean;
  flagged: boolean;
  /** Graded wrong, counted right: the learner said "I was right". */
  markedRight: boolean;
  /** The learner's answer in words; absent when not answered. */
  given?: string;
  rightAnswer: string;
  explain: string;
  source: string;
}

export interface QuizResults {
  mode: QuizMode;
  startedAt: string;
  finishedAt?: string;
  endedBy?: QuizEnd;
  durationMs: number;
  timeLimitMs?: number;
  correct: number;
  total: number;
  percent: number;
  /** Not answered, whether skipped or never reached; they count as missed. */
  unanswered: number;
  /** Exams only. */
  passMark?: number;
  passed?: boolean;
  byTopic: Tally[];
  byTag: Tally[];
  questions: QuestionOutcome[];
  /** Answered wrong or not answered, in the order asked. */
  missed: QuestionOutcome[];
}

export const quizResults = (state: QuizState, questions: ReadonlyMap<string, Question>, now: Date): QuizResults => {
  const outcomes = state.items.flatMap((item): QuestionOutcome[] => {
    const question = questions.get(item.questionId);
    if (!question) return [];
    const record = state.answers[question.id];
    return [
      {
        questionId: question.id,
        topic: topicOf(question.id),
        tags: question.tags ?? [],
        prompt: question.prompt.trim(),
        answered: record !== undefined,
        correct: record?.correct === true,
        guessed: state.guessed.includes(question.id),
        flagged: state.flagged.includes(question.id),
        markedRight: state.markedRight.includes(question.id),
        ...(record ? { given: answerInWords(question, record.answer) } : {}),
        rightAnswer: rightAnswerInWords(question),
        explain: question.explain.trim(),
        source: question.source,
      },
    ];
  });
  const correct = outcomes.filter((outcome) => outcome.correct).length;
  const percent = percentOf(correct, outcomes.length);
  const exam = state.mode === "exam";
  return {
    mode: state.mode,
    startedAt: state.startedAt,
    ...(state.finishedAt ? { finishedAt: state.finishedAt } : {}),
    ...(state.endedBy ? { endedBy: state.endedBy } : {}),
    durationMs: elapsedMs(state, now),
    ...(state.timeLimitMs !== undefined ? { timeLimitMs: state.timeLimitMs } : {}),
    correct,
    total: outcomes.length,
    percent,
    unanswered: outcomes.filter((outcome) => !outcome.answered).length,
    ...(exam ? { passMark: EXAM_PASS_PERCENT, passed: percent >= EXAM_PASS_PERCENT } : {}),
    byTopic: tallyBy(outcomes, (outcome) => [outcome.topic], (outcome) => outcome.correct),
    byTag: tallyBy(outcomes, (outcome) => outcome.tags, (outcome) => outcome.correct),
    questions: outcomes,
    missed: outcomes.filter((outcome) => !outcome.correct),
  };
};

/** "4:05", "1:02:03": a duration as a clock shows it. */
export const formatDuration = (ms: number): string => {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
};
