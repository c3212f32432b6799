import type { Question } from "../content/schema/quiz";
import type { QuizHistory } from "../store/quiz-history";
import type { ReviewCards } from "../store/review-cards";
import { localDay } from "./local-days";
import { mistakeIds } from "./mistakes";
import { topicOf } from "./question-topic";
import type { QuizMode } from "./quiz-modes";
import { shuffled, type Random } from "./random";
import { dueToday, nextDueAfterToday } from "./review-due";

/** Which questions a session asks, and in what order, for each mode. */

export const DEFAULT_EXAM_COUNT = 20;
export const DEFAULT_REVIEW_COUNT = 20;

export interface QuizFilter {
  /** Topics to ask; empty means every topic. */
  topics: readonly string[];
  /** Ask only questions with at least one of these tags; empty means any. */
  tags: readonly string[];
}

export interface SelectionInput {
  /** Every question there is, in file order. */
  questions: readonly Question[];
  history: QuizHistory;
  cards: ReviewCards;
  now: Date;
  random: Random;
}

export type Selection = { questions: Question[] } | { questions: []; reason: string };

/** A topic or tag nobody wrote a question for, said with the ones there are; undefined when the filter is fine. */
export const filterProblem = (questions: readonly Question[], filter: QuizFilter): string | undefined => {
  const topics = [...new Set(questions.map((question) => topicOf(question.id)))];
  const tags = [...new Set(questions.flatMap((question) => question.tags ?? []))].sort();
  const unknownTopics = filter.topics.filter((topic) => !topics.includes(topic));
  if (unknownTopics.length > 0) {
    const named = unknownTopics.map((topic) => `"${topic}"`).join(", ");
    return `${unknownTopics.length === 1 ? `there is no quiz topic ${named}` : `there are no quiz topics ${named}`}. Topics: ${topics.join(", ")}.`;
  }
  const unknownTags = filter.tags.filter((tag) => !tags.includes(tag));
  if (unknownTags.length > 0) {
    const named = unknownTags.map((tag) => `"${tag}"`).join(", ");
    return `${unknownTags.length === 1 ? `no question has the tag ${named}` : `no question has the tags ${named}`}. Tags: ${tags.join(", ")}.`;
  }
  return undefined;
};

export const matchesFilter = (question: Question, filter: QuizFilter): boolean =>
  (filter.topics.length === 0 || filter.topics.includes(topicOf(question.id))) &&
  (filter.tags.length === 0 || (question.tags ?? []).some((tag) => filter.tags.includes(tag)));

/**
 * Every mode shuffles its questions. Practice asks all that match; an exam a random `count`
 * (20 by default); mistakes the ones answered wrong and not right since; review the cards due
 * today and the flagged questions first, then questions never answered, up to `count`.
 */
export const selectQuestions = (mode: QuizMode, filter: QuizFilter, count: number | undefined, input: SelectionInput): Selection => {
  const pool = input.questions.filter((question) => matchesFilter(question, filter));
  if (pool.length === 0) return { questions: [], reason: "No question matches those topics and tags." };
  const random = input.random;
  const limit = (questions: Question[], fallback?: number) => questions.slice(0, count ?? fallback ?? questions.length);
  switch (mode) {
    case "practice":
      return { questions: limit(shuffled(pool, random)) };
    case "exam":
      return { questions: limit(shuffled(pool, random), DEFAULT_EXAM_COUNT) };
    case "mistakes": {
      const wrong = new Set(mistakeIds(input.history.answers));
      const deck = pool.filter((question) => wrong.has(question.id));
      if (deck.length > 0) return { questions: limit(shuffled(deck, random)) };
      const anyWrong = input.history.answers.some((answer) => !answer.correct);
      return {
        questions: [],
        reason: anyWrong
          ? "No mistakes to go over: every question you got wrong here, you have since got right."
          : "No mistakes to go over: you have not answered a question here wrong.",
      };
    }
    case "review": {
      const ids = new Set(pool.map((question) => question.id));
      const due = new Set([...dueToday(input.cards.cards, input.now, ids), ...input.cards.flagged.filter((id) => ids.has(id))]);
      const first = shuffled(pool.filter((question) => due.has(question.id)), random);
      const fresh = shuffled(pool.filter((question) => !due.has(question.id) && !input.cards.cards[question.id]), random);
      const deck = limit([...first, ...fresh], DEFAULT_REVIEW_COUNT);
      if (deck.length > 0) return { questions: deck };
      const next = nextDueAfterToday(input.cards.cards, input.now, ids);
      return { questions: [], reason: `Nothing is due for review today.${next ? ` The next card is due on ${localDay(next)}.` : ""}` };
    }
  }
};
