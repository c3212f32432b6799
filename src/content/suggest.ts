/** "Did you mean" for typos in field names, ids and variables. */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: "titel" is 1 from "title". */
const editDistance = (a: string, b: string): number => {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const cell = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, cell(i - 2, j - 2) + 1);
      rows[i]![j] = best;
    }
  }
  return cell(a.length, b.length);
};

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export const closest = (word: string, candidates: Iterable<string>): string | undefined => {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // A difference only in case is the likeliest mistake of all.
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
};

/** ` (did you mean "title"?)`, or nothing. */
export const didYouMean = (word: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string => {
  const match = closest(word, candidates);
  return match === undefined ? "" : ` (did you mean ${quote(match)}?)`;
};

/** `"a", "b" or "c"`. */
export const listOf = (words: readonly string[], conjunction = "or"): string => {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted.at(-1)}`;
};
