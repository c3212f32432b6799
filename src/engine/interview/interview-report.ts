import type { Lesson } from "../../content/schema/lesson";
import type { HistoryInterview } from "../../store/quiz-history";
import { chainScore, type AskedQuestion, type InterviewState } from "./interview-session";
import { resolveTaught, type TaughtStep } from "../../content/interview-taught";

/**
 * The report at the end of an interview: how each question went over its whole chain, every
 * point missed with the lesson step that teaches it, what to study next (the missed points
 * grouped by step), the time, and the trend over the interviews before.
 */

export interface MissedPoint {
  questionId: string;
  pointId: string;
  says: string;
  /** 1 for the question, 2-4 for a follow-up. */
  depth: number;
  /** As in the file: <lesson id>#<step>. */
  taught: string;
  /** The lesson and step resolved; absent when `taught` names nothing loaded. */
  where?: TaughtStep;
}

export interface QuestionReport {
  questionId: string;
  ask: string;
  kind: "question" | "design";
  /** Points made and asked over the whole chain. */
  made: number;
  asked: number;
  percent: number;
  /** Skipped before any answer was scored. */
  skipped: boolean;
  /** The asks, in order, each with its own score and whether it went over its clock. */
  asks: { depth: number; ask: string; made: number; asked: number; overTime: boolean }[];
  missed: MissedPoint[];
  /** From the question being asked to its last ask scored. */
  timeMs: number;
}

/** One lesson step to study, with the missed points it teaches. */
export interface StudyItem {
  taught: string;
  where?: TaughtStep;
  points: { questionId: string; pointId: string; says: string }[];
}

export interface TrendEntry {
  startedAt: string;
  percent: number;
  /** This interview (the last entry). */
  current: boolean;
}

export interface InterviewReport {
  startedAt: string;
  finishedAt: string;
  endedBy: "finished" | "ended";
  timeUsedMs: number;
  made: number;
  asked: number;
  percent: number;
  questions: QuestionReport[];
  studyNext: StudyItem[];
  /** Earlier interviews with something scored, oldest first, then this one. */
  trend: TrendEntry[];
}

const percentOf = (made: number, asked: number): number => (asked === 0 ? 0 : Math.round((made / asked) * 100));

const questionReport = (state: InterviewState, lessons: readonly Lesson[], asked: AskedQuestion): QuestionReport => {
  const question = state.plan.find((candidate) => candidate.id === asked.questionId);
  const { made, asked: total } = chainScore(asked.asks);
  const missed = asked.asks.flatMap((ask) =>
    ask.rubric
      .filter((point) => !ask.made.includes(point.id))
      .map((point): MissedPoint => {
        const where = resolveTaught(point.taught, lessons);
        return { questionId: asked.questionId, pointId: point.id, says: point.says, depth: ask.depth, taught: point.taught, ...(where ? { where } : {}) };
      }),
  );
  const first = asked.asks[0];
  const last = asked.asks.at(-1);
  return {
    questionId: asked.questionId,
    ask: question?.ask ?? "",
    kind: question?.kind ?? "question",
    made,
    asked: total,
    percent: percentOf(made, total),
    skipped: asked.asks.length === 0,
    asks: asked.asks.map((ask) => ({ depth: ask.depth, ask: ask.ask, made: ask.made.length, asked: ask.points.length, overTime: ask.overTime })),
    missed,
    timeMs: first && last ? Date.parse(last.scoredAt) - Date.parse(first.askedAt) : 0,
  };
};

/** The missed points grouped by the step that teaches them, in the order first missed. */
const studyNext = (missed: readonly MissedPoint[]): StudyItem[] => {
  const items = new Map<string, StudyItem>();
  for (const point of missed) {
    const key = point.where ? `${point.where.lessonId}#${point.where.stepNumber}` : point.taught;
    const item = items.get(key) ?? { taught: point.taught, ...(point.where ? { where: point.where } : {}), points: [] };
    item.points.push({ questionId: point.questionId, pointId: point.pointId, says: point.says });
    items.set(key, item);
  }
  return [...items.values()];
};

const interviewPercent = (interview: HistoryInterview): { made: number; asked: number } => ({
  made: interview.questions.reduce((sum, question) => sum + question.made, 0),
  asked: interview.questions.reduce((sum, question) => sum + question.asked, 0),
});

export const interviewReport = (state: InterviewState, lessons: readonly Lesson[], pastInterviews: readonly HistoryInterview[]): InterviewReport => {
  const questions = state.asked.map((asked) => questionReport(state, lessons, asked));
  const made = questions.reduce((sum, question) => sum + question.made, 0);
  const asked = questions.reduce((sum, question) => sum + question.asked, 0);
  const finishedAt = state.finishedAt ?? state.askedAt;
  const earlier = pastInterviews
    // This interview may already be in the history when the report is made after recording it.
    .filter((interview) => interview.startedAt !== state.startedAt)
    .map((interview) => ({ startedAt: interview.startedAt, ...interviewPercent(interview) }))
    .filter((interview) => interview.asked > 0)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
    .map((interview): TrendEntry => ({ startedAt: interview.startedAt, percent: percentOf(interview.made, interview.asked), current: false }));
  return {
    startedAt: state.startedAt,
    finishedAt,
    endedBy: state.endedBy ?? "ended",
    timeUsedMs: Math.max(0, Date.parse(finishedAt) - Date.parse(state.startedAt)),
    made,
    asked,
    percent: percentOf(made, asked),
    questions,
    studyNext: studyNext(questions.flatMap((question) => question.missed)),
    trend: [...earlier, { startedAt: state.startedAt, percent: percentOf(made, asked), current: true }],
  };
};
