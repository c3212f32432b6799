import type { StoredCard } from "../store/review-cards";

/** Which review cards are due: plain date arithmetic, kept apart from ts-fsrs so the home screen does not load it. */

/** The end of the learner's local day: "due today" is due before midnight, not just before now. */
export const endOfDay = (now: Date): Date => new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);

export const isDueBy = (card: StoredCard, moment: Date): boolean => Date.parse(card.due) <= moment.getTime();

/** Cards of the questions that still exist, due by the end of today. */
export const dueToday = (cards: Readonly<Record<string, StoredCard>>, now: Date, known?: ReadonlySet<string>): string[] =>
  Object.entries(cards)
    .filter(([id, card]) => (known ? known.has(id) : true) && isDueBy(card, endOfDay(now)))
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
    .map(([id]) => id);

/** When the next card falls due after today, if any does. */
export const nextDueAfterToday = (cards: Readonly<Record<string, StoredCard>>, now: Date, known?: ReadonlySet<string>): Date | undefined => {
  const later = Object.entries(cards)
    .filter(([id, card]) => (known ? known.has(id) : true) && !isDueBy(card, endOfDay(now)))
    .map(([, card]) => Date.parse(card.due));
  return later.length > 0 ? new Date(Math.min(...later)) : undefined;
};
