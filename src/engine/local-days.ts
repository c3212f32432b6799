/** Calendar days in the learner's own time zone: a streak or a week follows their midnight, not UTC's. */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the local calendar date of `date`. */
export const localDayNumber = (date: Date): number => Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);

/** 2026-03-01, the local calendar date. */
export const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** Days in a row with at least one of `days`, ending today, or yesterday when today has none yet. */
export const streakDays = (days: ReadonlySet<number>, today: number): number => {
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
};
