import { join } from "node:path";
import { JsonDocument, type DocumentKind, type OpenedDocument } from "./json-document";
import { isFiniteNumber, isIsoDate, isRecord, isStringArray } from "./parse-helpers";
import { stateDir } from "./state-dir";

/**
 * The spaced-repetition cards (one per answered question, as FSRS left it) and the questions
 * flagged for review: review-cards.json in the state directory. Plain data: the engine turns
 * a card into ts-fsrs's and back.
 */

export const CARD_STATES = ["New", "Learning", "Review", "Relearning"] as const;
export type CardState = (typeof CARD_STATES)[number];

export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: string;
}

export interface ReviewCards {
  version: 1;
  cards: Record<string, StoredCard>;
  flagged: string[];
}

const NUMBERS = ["stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses"] as const;

const parseCard = (id: string, value: unknown): StoredCard => {
  const state = isRecord(value) ? value.state : undefined;
  if (
    !isRecord(value) ||
    !isIsoDate(value.due) ||
    !NUMBERS.every((field) => isFiniteNumber(value[field])) ||
    !CARD_STATES.some((known) => known === state) ||
    (value.lastReview !== undefined && !isIsoDate(value.lastReview))
  ) {
    throw new Error(`the card of ${id} is not readable`);
  }
  const number = (field: (typeof NUMBERS)[number]) => value[field] as number;
  return {
    due: value.due,
    stability: number("stability"),
    difficulty: number("difficulty"),
    elapsedDays: number("elapsedDays"),
    scheduledDays: number("scheduledDays"),
    learningSteps: number("learningSteps"),
    reps: number("reps"),
    lapses: number("lapses"),
    state: state as CardState,
    ...(typeof value.lastReview === "string" ? { lastReview: value.lastReview } : {}),
  };
};

export const REVIEW_CARDS: DocumentKind<ReviewCards> = {
  name: "review cards",
  empty: () => ({ version: 1, cards: {}, flagged: [] }),
  parse: (value) => {
    if (!isRecord(value) || value.version !== 1 || !isRecord(value.cards) || !isStringArray(value.flagged)) {
      throw new Error("not a review cards file of this version");
    }
    const cards: Record<string, StoredCard> = {};
    for (const [id, card] of Object.entries(value.cards)) cards[id] = parseCard(id, card);
    return { version: 1, cards, flagged: [...new Set(value.flagged)] };
  },
};

export const reviewCardsPath = (): string => join(stateDir(), "review-cards.json");

export const openReviewCards = (path = reviewCardsPath()): Promise<OpenedDocument<ReviewCards>> => JsonDocument.open(path, REVIEW_CARDS);

export const withCards = (data: ReviewCards, cards: Readonly<Record<string, StoredCard>>): ReviewCards => ({
  ...data,
  cards: { ...data.cards, ...cards },
});

export const withFlag = (data: ReviewCards, questionId: string, flagged: boolean): ReviewCards => ({
  ...data,
  flagged: flagged ? [...new Set([...data.flagged, questionId])] : data.flagged.filter((id) => id !== questionId),
});
