import type { InterviewQuestion } from "../../content/schema/interview";
import type { StoredCard } from "../../store/review-cards";
import { topicOf } from "../question-topic";
import { shuffled, type Random } from "../random";
import { endOfDay, isDueBy } from "../review-due";
import { interviewCardKey } from "./interview-card";
import { maxFollowUps } from "./follow-up-choice";

/** The clock of a question without `minutes:` (the schema's defaults). */
export const DEFAULT_QUESTION_MINUTES = 2.5;
export const DEFAULT_DESIGN_MINUTES = 8;
/** A follow-up's clock, and what each follow-up a chain may ask costs the plan. */
export const FOLLOW_UP_MINUTES = 1.5;
/** From this length on an interview includes a design prompt (when the topics have one); shorter ones leave them out. */
export const DESIGN_FROM_MINUTES = 20;
/** How long an interview runs unless the candidate says otherwise (`--minutes`, the setup screen). */
export const DEFAULT_INTERVIEW_MINUTES = 20;

/** The seeded stream (random.ts) a plan draws from: the same --seed gives the same interview on the screen and line by line. */
export const INTERVIEW_PURPOSE = "interview";

export interface InterviewPlanOptions {
  /** The time to fill. */
  minutes: number;
  /** Topics to draw from; all when absent or empty. */
  topics?: readonly string[];
  random: Random;
  /** The review cards (review-cards.json's `cards`): interview questions have theirs under interview:<id>. */
  cards: Readonly<Record<string, StoredCard>>;
  now: Date;
}

export const questionMinutes = (question: InterviewQuestion): number =>
  question.minutes ?? (question.kind === "design" ? DEFAULT_DESIGN_MINUTES : DEFAULT_QUESTION_MINUTES);

/** What a question may take: its own clock and every follow-up its longest chain asks. */
export const questionCost = (question: InterviewQuestion): number => questionMinutes(question) + FOLLOW_UP_MINUTES * maxFollowUps(question);

/**
 * The questions of one interview, in the order asked. Priority: interview cards due today, then
 * questions never asked, then the rest, shuffled within each group; taken in that order while
 * they fit the minutes (at least one question). From 20 minutes on, one design prompt is kept a
 * place first and asked last, as interviews end on the open question; shorter ones have none.
 */
export const planInterview = (questions: readonly InterviewQuestion[], options: InterviewPlanOptions): InterviewQuestion[] => {
  const topics = new Set(options.topics ?? []);
  const pool = questions.filter((question) => topics.size === 0 || topics.has(topicOf(question.id)));
  const card = (question: InterviewQuestion) => options.cards[interviewCardKey(question.id)];
  const due = pool.filter((question) => {
    const found = card(question);
    return found !== undefined && isDueBy(found, endOfDay(options.now));
  });
  const fresh = pool.filter((question) => card(question) === undefined);
  const rest = pool.filter((question) => !due.includes(question) && !fresh.includes(question));
  const ordered = [...shuffled(due, options.random), ...shuffled(fresh, options.random), ...shuffled(rest, options.random)];

  const withDesign = options.minutes >= DESIGN_FROM_MINUTES;
  const design = withDesign ? ordered.find((question) => question.kind === "design") : undefined;
  const chosen: InterviewQuestion[] = design ? [design] : [];
  let used = design ? questionCost(design) : 0;
  for (const question of ordered) {
    if (question === design || (question.kind === "design" && !withDesign)) continue;
    const cost = questionCost(question);
    if (used + cost > options.minutes) continue;
    chosen.push(question);
    used += cost;
  }
  if (chosen.length === 0) {
    const first = ordered.find((question) => withDesign || question.kind !== "design") ?? ordered[0];
    return first ? [first] : [];
  }
  return [...chosen.filter((question) => question.kind !== "design"), ...chosen.filter((question) => question.kind === "design")];
};
