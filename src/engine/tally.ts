/** Right answers out of all, per topic or tag. */
export interface Tally {
  name: string;
  correct: number;
  total: number;
  /** 0-100, rounded. */
  percent: number;
}

export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * Counts `items` under each of their names (a question with two tags counts under both),
 * weakest first, then by name, so the rows to work on lead.
 */
export const tallyBy = <T>(items: readonly T[], namesOf: (item: T) => readonly string[], isCorrect: (item: T) => boolean): Tally[] => {
  const counts = new Map<string, { correct: number; total: number }>();
  for (const item of items) {
    for (const name of new Set(namesOf(item))) {
      const count = counts.get(name) ?? { correct: 0, total: 0 };
      count.total += 1;
      if (isCorrect(item)) count.correct += 1;
      counts.set(name, count);
    }
  }
  return [...counts.entries()]
    .map(([name, { correct, total }]) => ({ name, correct, total, percent: percentOf(correct, total) }))
    .sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name));
};
