import { ONLY } from "../content/expect-markers";
import type { CheckItem } from "./results";
import { formatValue, isRecord } from "./values";

/**
 * `expect` as a partial deep match, one checklist item per expected leaf.
 *
 * Rules (what a lesson author can rely on):
 * - Objects: every field given must be present and match; fields not given are ignored.
 * - Lists: each expected element must match some element of the actual list, in any order
 *   (elements are themselves partial matches), one item per expected element. The actual list
 *   may hold more. An empty expected list means "none": the list is empty or absent (the SDK
 *   leaves empty lists out, e.g. ListObjectsV2 `Contents`).
 * - `{ $only: [...] }` is a list that may hold nothing more: each element of the actual list
 *   matches a different one of the expected elements, in any order (a lifecycle rule's
 *   Transitions, where one more would move the objects on). One more item says so.
 * - `null` means absent: the field is missing, null or "" (GetBucketLocation answers nothing
 *   for us-east-1). A record of nothing but `null`s also holds when the record itself is absent
 *   (`Filter: { Prefix: null }` holds for a rule without a Filter).
 * - An object's `Body` also matches with one trailing newline, as `echo` and editors write it.
 * - Scalars compare by their text, so 5 matches "5" and true matches "true": YAML authors quote
 *   or not, and the SDK types some header values as numbers. Strings are case-sensitive.
 * - Dates match an ISO 8601 string for the same instant.
 */

const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === "";

const scalarMatches = (expected: unknown, actual: unknown): boolean => {
  if (actual instanceof Date) {
    const instant = typeof expected === "string" ? Date.parse(expected) : Number.NaN;
    return !Number.isNaN(instant) && instant === actual.getTime();
  }
  const isScalar = (value: unknown) => typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  return isScalar(expected) && isScalar(actual) && String(expected) === String(actual);
};

/** The elements of `{ $only: [...] }`, or undefined when `expected` is anything else. */
const onlyList = (expected: unknown): unknown[] | undefined => {
  if (!isRecord(expected)) return undefined;
  const keys = Object.keys(expected);
  const list = expected[ONLY];
  return keys.length === 1 && keys[0] === ONLY && Array.isArray(list) ? list : undefined;
};

/** Whether each actual element matches a different expected element and none is left over: a perfect matching, found by augmenting paths. */
const matchesOneToOne = (expected: readonly unknown[], actual: readonly unknown[]): boolean => {
  if (expected.length !== actual.length) return false;
  const fits = actual.map((element) => expected.map((wanted) => matches(wanted, element)));
  // holder[e]: the actual element that expected element e is paired with, if any.
  const holder = new Array<number | undefined>(expected.length).fill(undefined);
  const pair = (index: number, seen: boolean[]): boolean =>
    expected.some((_, candidate) => {
      if (!fits[index]![candidate] || seen[candidate]) return false;
      seen[candidate] = true;
      const current = holder[candidate];
      if (current !== undefined && !pair(current, seen)) return false;
      holder[candidate] = index;
      return true;
    });
  return actual.every((_, index) => pair(index, new Array<boolean>(expected.length).fill(false)));
};

const matchesOnly = (expected: readonly unknown[], actual: unknown): boolean =>
  expected.length === 0 ? matches([], actual) : Array.isArray(actual) && matchesOneToOne(expected, actual);

/** Whether `actual` matches `expected` under the rules above (used for list elements). */
export const matches = (expected: unknown, actual: unknown): boolean => {
  if (expected === null) return isAbsent(actual);
  const only = onlyList(expected);
  if (only) return matchesOnly(only, actual);
  if (Array.isArray(expected)) {
    if (expected.length === 0) return actual === undefined || actual === null || (Array.isArray(actual) && actual.length === 0);
    return Array.isArray(actual) && expected.every((wanted) => actual.some((element) => matches(wanted, element)));
  }
  if (isRecord(expected)) {
    const entries = Object.entries(expected);
    if (entries.length === 0) return isRecord(actual);
    // An absent record has every field absent, so { Prefix: null } holds where there is no Filter.
    if (actual === undefined || actual === null) return entries.every(([, wanted]) => wanted === null);
    return isRecord(actual) && entries.every(([key, wanted]) => matches(wanted, actual[key]));
  }
  return scalarMatches(expected, actual);
};

/** A body written with echo or a text editor ends in a newline the lesson's text does not have. */
const sameBody = (expected: unknown, actual: unknown): boolean =>
  typeof expected === "string" && typeof actual === "string" && actual === `${expected}\n`;

const item = (label: string, pass: boolean, reason: string, expected: unknown, actual: unknown): CheckItem => ({
  label,
  pass,
  reason: pass ? "" : reason,
  expected,
  actual,
});

const listItems = (path: string, expected: unknown[], actual: unknown): CheckItem[] => {
  if (expected.length === 0) {
    const count = Array.isArray(actual) ? actual.length : 0;
    const pass = matches(expected, actual);
    const reason = Array.isArray(actual) ? `${path} has ${count} element${count === 1 ? "" : "s"}: ${formatValue(actual)}, expected none` : `${path} is ${formatValue(actual)}, expected an empty list`;
    return [item(`${path} is empty`, pass, reason, expected, actual)];
  }
  return expected.map((wanted) => {
    const label = isRecord(wanted) || Array.isArray(wanted) ? `${path} has an element matching ${formatValue(wanted)}` : `${path} includes ${formatValue(wanted)}`;
    if (actual === undefined) return item(label, false, `${path} is missing, expected an element matching ${formatValue(wanted)}`, wanted, actual);
    if (!Array.isArray(actual)) return item(label, false, `${path} is ${formatValue(actual)}, expected a list`, wanted, actual);
    if (actual.length === 0) return item(label, false, `${path} is empty, expected an element matching ${formatValue(wanted)}`, wanted, actual);
    const pass = actual.some((element) => matches(wanted, element));
    return item(label, pass, `${path} has no element matching ${formatValue(wanted)}${closestMiss(path, wanted, actual)}`, wanted, actual);
  });
};

/**
 * The element that came closest (fewest expectations missed) and what it missed first, so
 * "no element matching" also says "the nearest, Rules[0], has Filter.Prefix reports/".
 */
const closestMiss = (path: string, wanted: unknown, actual: unknown[]): string => {
  if (!isRecord(wanted)) return "";
  let best: { missed: CheckItem[]; firstMiss: number } | undefined;
  actual.forEach((element, index) => {
    const items = itemsAt(`${path}[${index}]`, wanted, element);
    const missed = items.filter((candidate) => !candidate.pass);
    // Ties go to the element that matches more of the first fields (usually its name).
    const firstMiss = items.findIndex((candidate) => !candidate.pass);
    if (!best || missed.length < best.missed.length || (missed.length === best.missed.length && firstMiss > best.firstMiss)) best = { missed, firstMiss };
  });
  const first = best?.missed[0];
  return first ? `; the nearest: ${first.reason}` : "";
};

/**
 * The item of `{ $only: [...] }` beyond its elements' own: the list holds nothing else. An expected element
 * nothing matches is its own item's to say, so this one then judges only what is there too many.
 */
const nothingElseItem = (path: string, expected: unknown[], actual: unknown[]): CheckItem => {
  const label = `${path} holds nothing else`;
  const extras = actual.filter((element) => !expected.some((wanted) => matches(wanted, element)));
  const fail = (reason: string) => item(label, false, reason, { [ONLY]: expected }, actual);
  if (matchesOneToOne(expected, actual)) return item(label, true, "", { [ONLY]: expected }, actual);
  if (extras.length > 0) return fail(`${path} also has ${extras.map((extra) => formatValue(extra)).join(", ")}, which the step does not ask for`);
  if (actual.length > expected.length) return fail(`${path} has ${actual.length} elements, expected ${expected.length}, each matching a different one`);
  if (expected.some((wanted) => !actual.some((element) => matches(wanted, element)))) return item(label, true, "", { [ONLY]: expected }, actual);
  return fail(`${path} has ${actual.length} elements, but they cannot each match a different one of the ${expected.length} expected`);
};

const itemsAt = (path: string, expected: unknown, actual: unknown): CheckItem[] => {
  if (expected === null) {
    return [item(`${path} is absent`, isAbsent(actual), `${path} is ${formatValue(actual)}, expected it absent`, expected, actual)];
  }
  const only = onlyList(expected);
  if (only) {
    const elements = listItems(path, only, actual);
    return only.length > 0 && Array.isArray(actual) && actual.length > 0 ? [...elements, nothingElseItem(path, only, actual)] : elements;
  }
  if (Array.isArray(expected)) return listItems(path, expected, actual);
  if (isRecord(expected)) {
    const entries = Object.entries(expected);
    if (actual !== undefined && !isRecord(actual)) {
      return [item(`${path} is ${formatValue(expected)}`, false, `${path} is ${formatValue(actual)}, expected ${formatValue(expected)}`, expected, actual)];
    }
    if (entries.length === 0) return [item(`${path} is present`, actual !== undefined, `${path} is missing`, expected, actual)];
    return entries.flatMap(([key, wanted]) => itemsAt(`${path}.${key}`, wanted, isRecord(actual) ? actual[key] : undefined));
  }
  const label = `${path} is ${formatValue(expected)}`;
  if (actual === undefined) return [item(label, false, `${path} is missing, expected ${formatValue(expected)}`, expected, actual)];
  const pass = scalarMatches(expected, actual) || (path === "Body" && sameBody(expected, actual));
  return [item(label, pass, `${path} is ${formatValue(actual)}, expected ${formatValue(expected)}`, expected, actual)];
};

/** One checklist item per expected leaf (or list element) of `expect` against the output. */
export const expectationItems = (expected: Record<string, unknown>, output: Record<string, unknown>): CheckItem[] =>
  Object.entries(expected).flatMap(([key, wanted]) => itemsAt(key, wanted, output[key]));
