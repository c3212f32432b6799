import { isMap } from "./is-map";
import { problemAt, type Located } from "./located";
import type { Problem } from "./problem";
import type { ContentPath } from "./yaml-source";

/** The marker of a list that may hold nothing more than its elements (src/handson/match.ts). */
export const ONLY = "$only";

/**
 * Field names starting with `$` in an `expect` (or `retryWhile`) are markers for the matcher, never
 * fields of an answer (the SDK's own `$metadata` is not matched): `$only` is the one there is, alone in
 * its map and over a list. Anything else would be read as a field no answer has, and fail every time.
 */
export const expectMarkerProblems = (where: Located, path: ContentPath, value: unknown): Problem[] => {
  if (Array.isArray(value)) return value.flatMap((element, index) => expectMarkerProblems(where, [...path, index], element));
  if (!isMap(value)) return [];
  const keys = Object.keys(value);
  return keys.flatMap((key) => {
    const at = [...path, key];
    if (!key.startsWith("$")) return expectMarkerProblems(where, at, value[key]);
    if (key !== ONLY) return [problemAt(where, at, `"${key}" is no marker expect knows: "${ONLY}: [...]" is a list that holds nothing more`, "key")];
    if (keys.length > 1) return [problemAt(where, at, `"${ONLY}" stands alone in its map: it takes the place of the list`, "key")];
    if (!Array.isArray(value[key])) return [problemAt(where, at, `"${ONLY}" takes a list: the elements the list holds, and nothing more`)];
    return expectMarkerProblems(where, at, value[key]);
  });
};
