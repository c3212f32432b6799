import type { Question } from "../content/schema/quiz";
import type { QuizHistory } from "../store/quiz-history";
import type { ReviewCards } from "../store/review-cards";
import { localDayNumber, streakDays } from "./local-days";
import { mistakeIds } from "./mistakes";
import { topicOf } from "./question-topic";
import { dueToday, nextDueAfterToday } from "./review-due";
import { percentOf, tallyBy, type Tally } from "./tally";

/** What the stats screen (and `quiz --stats --json`) shows, from the history and the cards. */

/** Weeks of accuracy shown per topic, this week last. */
export const STATS_WEEKS = 4;
/** A tag needs this many answers before it can be called weak. */
const WEAK_TAG_MIN_ANSWERS = 2;
const WEAKEST_TAGS = 5;
const RECENT_EXAMS = 5;

export interface TopicTrend {
  topic: string;
  answered: number;
  percent: number;
  /** Accuracy per week, oldest first, this week (the last 7 days) last; undefined for a week without answers. */
  weeks: (number | undefined)[];
}

export interface RecentExam {
  finishedAt: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
}

export interface QuizStats {
  answered: number;
  percent: number;
  topics: TopicTrend[];
  streakDays: number;
  studiedToday: boolean;
  dueToday: number;
  /** ISO time of the next card due after today. */
  nextDue?: string;
  flagged: number;
  mistakes: number;
  /** Questions whose typed answer, graded wrong, the learner marked right: to be checked, latest first. */
  markedRight: string[];
  /** Tags answered at least twice and not always right, weakest first. */
  weakestTags: Tally[];
  /** The last exams, latest first. */
  recentExams: RecentExam[];
}

export const quizStats = (history: QuizHistory, cards: ReviewCards, questions: ReadonlyMap<string, Question>, now: Date): QuizStats => {
  const answers = history.answers;
  const today = localDayNumber(now);
  const days = new Set(answers.map((answer) => localDayNumber(new Date(answer.at))));
  const known = new Set(questions.keys());

  const topics = [...new Set(answers.map((answer) => topicOf(answer.questionId)))].sort().map((topic): TopicTrend => {
    const mine = answers.filter((answer) => topicOf(answer.questionId) === topic);
    const weeks = Array.from({ length: STATS_WEEKS }, (_unused, slot) => {
      const weeksAgo = STATS_WEEKS - 1 - slot;
      const inWeek = mine.filter((answer) => Math.floor((today - localDayNumber(new Date(answer.at))) / 7) === weeksAgo);
      return inWeek.length === 0 ? undefined : percentOf(inWeek.filter((answer) => answer.correct).length, inWeek.length);
    });
    return { topic, answered: mine.length, percent: percentOf(mine.filter((answer) => answer.correct).length, mine.length), weeks };
  });

  const weakestTags = tallyBy(answers, (answer) => questions.get(answer.questionId)?.tags ?? [], (answer) => answer.correct)
    .filter((tally) => tally.total >= WEAK_TAG_MIN_ANSWERS && tally.percent < 100)
    .slice(0, WEAKEST_TAGS);

  const next = nextDueAfterToday(cards.cards, now, known);
  return {
    answered: answers.length,
    percent: percentOf(answers.filter((answer) => answer.correct).length, answers.length),
    topics,
    streakDays: streakDays(days, today),
    studiedToday: days.has(today),
    dueToday: dueToday(cards.cards, now, known).length,
    ...(next ? { nextDue: next.toISOString() } : {}),
    flagged: cards.flagged.filter((id) => known.has(id)).length,
    mistakes: mistakeIds(answers).filter((id) => known.has(id)).length,
    markedRight: [...new Set(answers.filter((answer) => answer.markedRight === true).map((answer) => answer.questionId).reverse())].filter((id) => known.has(id)),
    weakestTags,
    recentExams: history.sessions
      .filter((session) => session.mode === "exam")
      .slice(-RECENT_EXAMS)
      .reverse()
      .map((session) => ({
        finishedAt: session.finishedAt,
        correct: session.correct,
        total: session.total,
        percent: percentOf(session.correct, session.total),
        passed: session.passed === true,
      })),
  };
};
