/**
 * The room's report as JSON (`s3-tutor room report --format json`), and what it is built from:
 * the room's state and the workshop's blocks. The CSV and HTML forms are drawn from this.
 */

/** What the report needs to know of a workshop block (the workshop file says it). */
export interface ReportBlock {
  id: string;
  title: string;
  /** A break (a talk, coffee) has nothing to complete: it is left out of the report's blocks. */
  kind: "lesson" | "quiz" | "exam" | "break";
  /**
   * A lesson block's hands-on checks as "lesson/step" keys: the block is completed when all have
   * passed. Without any, reaching the block completes it.
   */
  steps?: readonly string[];
  /** A quiz block's question count: completed once that many different questions are answered (else one). */
  questions?: number;
}

export interface ReportWorkshop {
  id: string;
  title: string;
  blocks: readonly ReportBlock[];
}

export interface ParticipantAnswer {
  block: string;
  questionId: string;
  mode: "practice" | "exam";
  correct: boolean;
  answer: string;
}

export interface ParticipantRow {
  id: string;
  name: string;
  table?: string;
  /** Ids of the blocks completed, in workshop order. */
  blocksCompleted: string[];
  stepsPassed: number;
  checksPassed: number;
  checksFailed: number;
  hints: number;
  solves: number;
  /** Per quiz block: how many answers, how many right. */
  quizzes: { block: string; answered: number; correct: number }[];
  /** The last finished exam of each exam block (an earlier try is superseded). */
  exams: { block: string; score: number; total: number; percent: number; passed: boolean }[];
  answers: ParticipantAnswer[];
  /** Their last pre-flight (`s3-tutor join --check`): the checks that failed, with what they said. */
  preflight?: { at: string; failed: { name: string; detail: string }[] };
}

export interface CheckRow {
  key: string;
  block: string;
  lesson: string;
  step: string;
  title: string;
  failures: number;
  participantsFailing: number;
  participantsPassed: number;
  reasons: { expectation: string; reason: string; count: number; participants: number }[];
}

export interface QuestionRow {
  questionId: string;
  block: string;
  answered: number;
  correct: number;
  /** Whole percent of answers that were right. */
  correctPercent: number;
  /** Each different answer given, most given first. */
  answers: { answer: string; count: number; correct: boolean }[];
}

/** One live room quiz question, as the room answered it. */
export interface LiveQuestionRow {
  questionId: string;
  prompt: string;
  askedAt: string;
  /** Whether the instructor revealed it (the leaderboard counts only revealed questions). */
  revealed: boolean;
  answered: number;
  correct: number;
  /** Whole percent of answers that were right. */
  correctPercent: number;
  /** How many chose each choice, in the question's order. */
  distribution: { choice: string; count: number; correct: boolean }[];
  /** The median time from the question's start to an answer, in ms; null when nobody answered. */
  medianMs: number | null;
}

export interface BlockCompletion {
  id: string;
  title: string;
  kind: Exclude<ReportBlock["kind"], "break">;
  completed: number;
  /** Whole percent of the room's participants. */
  percent: number;
}

export interface RoomReport {
  kind: "s3-tutor-room-report";
  workshop: { id: string; title: string };
  generatedAt: string;
  openedAt: string;
  participantCount: number;
  blocks: BlockCompletion[];
  participants: ParticipantRow[];
  /** Most participants failing first. */
  checks: CheckRow[];
  questions: QuestionRow[];
  /** The live room quiz: each question asked, in order, and the final leaderboard (correct first, then speed). */
  live: { questions: LiveQuestionRow[]; leaderboard: { name: string; correct: number; correctMs: number }[] };
  /** Exam scores in tenths: [0–10%), [10–20%) … [90–100%]. */
  examDistribution: { from: number; to: number; count: number }[];
}
