import type { z } from "zod";
import { isMap } from "./is-map";
import { fieldsAt, fieldsOfOptions } from "./schema-shape";
import { closest, didYouMean, listOf } from "./suggest";
import type { Anchor, ContentPath } from "./yaml-source";

/** A zod issue retold for someone editing YAML: where to look and what is wrong, in words. */
export interface LocatedMessage {
  path: ContentPath;
  anchor: Anchor;
  message: string;
}

/** Kept while describing, to drop a "missing" that only echoes a typo ("titel" for "title"). */
interface Told extends LocatedMessage {
  missingField?: string;
  suggestedField?: string;
}

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

interface Context {
  schema: Schema;
  data: unknown;
}

const valueAt = (data: unknown, path: ContentPath): unknown =>
  path.reduce<unknown>((value, segment) => (isMap(value) || Array.isArray(value) ? (value as never)[segment as never] : undefined), data);

/** The field is absent from a map that exists (as opposed to present with the wrong type). */
const isMissing = (data: unknown, path: ContentPath) => {
  const key = path.at(-1);
  const parent = valueAt(data, path.slice(0, -1));
  return typeof key === "string" && isMap(parent) && parent[key] === undefined;
};

/** `"minutes"`, `item 2 of "requires"`, or `the file`. */
const label = (path: ContentPath): string => {
  const last = path.at(-1);
  if (last === undefined) return "the file";
  if (typeof last === "number") {
    const parent = path.at(-2);
    return typeof parent === "string" ? `item ${last + 1} of "${parent}"` : `item ${last + 1}`;
  }
  return `"${String(last)}"`;
};

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map of fields",
  record: "a map",
};

const at = (path: ContentPath, message: string, anchor: Anchor = "value"): Told => ({ path, anchor, message });

const missing = (path: ContentPath, extra = ""): Told => ({
  ...at(path.slice(0, -1), `missing field "${String(path.at(-1))}"${extra}`),
  missingField: String(path.at(-1)),
});

const invalidType = (issue: Extract<Issue, { code: "invalid_type" }>, path: ContentPath, context: Context): Told => {
  if (isMissing(context.data, path)) return missing(path);
  const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
  if (path.length === 0) return at(path, `expected the file to be ${expected}, one "field: value" per line`);
  return at(path, `expected ${expected} for ${label(path)}`);
};

const tooSmall = (issue: Extract<Issue, { code: "too_small" }>, path: ContentPath): Told => {
  const minimum = Number(issue.minimum);
  if (issue.origin === "string" && minimum === 1) return at(path, `${label(path)} must not be empty`);
  if (issue.origin === "array") return at(path, `${label(path)} needs at least ${minimum} item${minimum === 1 ? "" : "s"}`);
  if (issue.origin === "string") return at(path, `${label(path)} needs at least ${minimum} characters`);
  return at(path, `${label(path)} must be at least ${minimum}`);
};

const tooBig = (issue: Extract<Issue, { code: "too_big" }>, path: ContentPath): Told => {
  const maximum = Number(issue.maximum);
  if (issue.origin === "array") return at(path, `${label(path)} has more than ${maximum} items`);
  if (issue.origin === "string") return at(path, `${label(path)} is longer than ${maximum} characters`);
  return at(path, `${label(path)} must be at most ${maximum}`);
};

const invalidFormat = (issue: Extract<Issue, { code: "invalid_format" }>, path: ContentPath): Told => {
  if (issue.format === "url") return at(path, `${label(path)} must be a URL, such as https://docs.aws.amazon.com/...`);
  // Our schemas give regexes a message that completes "must be ..."; zod's own defaults start with "Invalid".
  const custom = !issue.message.startsWith("Invalid");
  return at(path, `${label(path)} must be ${custom ? issue.message : `text matching ${issue.pattern ?? issue.format}`}`);
};

const oneOf = (values: readonly unknown[], given: unknown): string => {
  const words = values.map(String);
  const suggestion = typeof given === "string" ? didYouMean(given, words) : "";
  return `${words.length === 1 ? `"${words[0]}"` : `one of ${listOf(words)}`}${suggestion}`;
};

const unknownFields = (keys: readonly string[], path: ContentPath, context: Context): Told[] => {
  const present = Object.keys((valueAt(context.data, path) as object | undefined) ?? {});
  const candidates = fieldsAt(context.schema, path).filter((field) => !present.includes(field));
  return keys.map((key) => ({
    ...at([...path, key], `unknown field "${key}"${didYouMean(key, candidates)}`, "key"),
    suggestedField: closest(key, candidates),
  }));
};

/**
 * A union of maps told apart by the one required field each has and the others lack (a step is
 * `read:`, `quiz:` or `handsOn:`; a workshop block, beside the `id`, `title` and `minutes` all
 * blocks may have, is `break:`, `lesson:`, `quiz:` or `exam:`): explain with the one option the map chose,
 * or say which fields choose an option.
 */
const invalidUnion = (issue: Extract<Issue, { code: "invalid_union" }>, path: ContentPath, context: Context): Told[] => {
  if (issue.discriminator !== undefined) {
    const choices = (issue as { options?: unknown[] }).options ?? [];
    if (isMissing(context.data, path)) return [missing(path, ` (${oneOf(choices, undefined)})`)];
    return [at(path, `${label(path)} must be ${oneOf(choices, valueAt(context.data, path))}`)];
  }
  const options = fieldsOfOptions(context.schema, path);
  // The required fields no other option has at all: what makes a map this option.
  const own = options.map(({ required }, index) => required.filter((field) => options.every((other, at) => at === index || !other.all.includes(field))));
  const shared = options.some(({ all }, index) => all.some((field) => options.some((other, at) => at !== index && other.all.includes(field))));
  if (options.length !== issue.errors.length || own.some((fields) => fields.length !== 1)) {
    return (issue.errors[0] ?? []).flatMap((inner) => describe(inner, path, context));
  }
  const chooser = own.flat();
  const value = valueAt(context.data, path);
  if (!isMap(value)) return [at(path, `expected one of ${listOf(chooser)} for ${label(path)}`)];
  const chosen = chooser.filter((field) => field in value);
  if (chosen.length === 1) return (issue.errors[chooser.indexOf(chosen[0]!)] ?? []).flatMap((inner) => describe(inner, path, context));
  if (chosen.length > 1) return [at(path, `use only one of ${listOf(chooser)} here, not ${listOf(chosen, "and")} together`)];
  // The field that was meant to choose: one no option knows (a typo), else, when options share no field, the first.
  const known = fieldsAt(context.schema, path);
  const keys = Object.keys(value);
  const stray = keys.find((key) => !known.includes(key)) ?? (shared ? undefined : keys[0]);
  if (stray === undefined) return [at(path, `expected one of ${listOf(chooser)} for ${label(path)}`)];
  return [at([...path, stray], `expected one of ${listOf(chooser)}, found "${stray}"${didYouMean(stray, chooser)}`, "key")];
};

const describe = (issue: Issue, prefix: ContentPath, context: Context): Told[] => {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "unrecognized_keys":
      return unknownFields(issue.keys, path, context);
    case "invalid_type":
      return [invalidType(issue, path, context)];
    case "invalid_union":
      return invalidUnion(issue, path, context);
    case "too_small":
      return [tooSmall(issue, path)];
    case "too_big":
      return [tooBig(issue, path)];
    case "invalid_format":
      return [invalidFormat(issue, path)];
    case "invalid_value":
      return [at(path, `${label(path)} must be ${oneOf(issue.values, valueAt(context.data, path))}`)];
    default:
      return [at(path, `${label(path)}: ${issue.message}`)];
  }
};

const fieldKey = (mapPath: ContentPath, field: string) => JSON.stringify([...mapPath, field]);

/** A typo like `titel` shows up as an unknown field and as a missing `title`; say it once. */
const withoutEchoes = (told: Told[]): LocatedMessage[] => {
  const suggested = new Set(told.flatMap((t) => (t.suggestedField ? [fieldKey(t.path.slice(0, -1), t.suggestedField)] : [])));
  return told
    .filter((t) => !t.missingField || !suggested.has(fieldKey(t.path, t.missingField)))
    .map(({ path, anchor, message }) => ({ path, anchor, message }));
};

/** Retells zod's issues for `data` against `schema` as messages located by path. */
export const describeIssues = (issues: readonly Issue[], schema: Schema, data: unknown): LocatedMessage[] =>
  withoutEchoes(issues.flatMap((issue) => describe(issue, [], { schema, data })));
