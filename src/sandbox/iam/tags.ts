import type { QueryParams } from "../query/protocol";
import type { Tag } from "../world/versions";
import { invalidInput, limitExceeded } from "./errors";
import type { Constraints } from "./validate";

/**
 * IAM role tags: up to 50 per role, keys unique without regard to case (a new "dept" replaces
 * an existing "Dept"), keys 1–128 and values 0–256 characters of letters, digits, spaces and _.:/=+-@.
 */

export const MAX_TAGS_PER_ROLE = 50;

const KEY_PATTERN = { regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, shown: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+" };
const VALUE_PATTERN = { regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, shown: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*" };

/** Reads Tags.member.N.Key/Value, recording violations in `constraints` (the caller checks them). */
export const readTags = (params: QueryParams, constraints: Constraints): Tag[] =>
  params.structList("Tags", ["Key", "Value"]).map(({ Key, Value }, index) => {
    const at = `tags.${index + 1}.member`;
    constraints
      .notNull(`${at}.key`, Key)
      .length(`${at}.key`, Key, 1, 128)
      .pattern(`${at}.key`, Key, KEY_PATTERN.regex, KEY_PATTERN.shown)
      .notNull(`${at}.value`, Value)
      .length(`${at}.value`, Value, 0, 256)
      .pattern(`${at}.value`, Value, VALUE_PATTERN.regex, VALUE_PATTERN.shown);
    return { Key: Key ?? "", Value: Value ?? "" };
  });

const tagQuotaExceeded = () => limitExceeded(`Cannot exceed quota for TagsPerRole: ${MAX_TAGS_PER_ROLE}`);

/** The rules on one request's tags: no key twice (in any case), at most 50. */
export const checkRequestTags = (tags: readonly Tag[]): void => {
  const keys = new Set(tags.map(({ Key }) => Key.toLowerCase()));
  if (keys.size !== tags.length) {
    throw invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }
  if (tags.length > MAX_TAGS_PER_ROLE) throw tagQuotaExceeded();
};

/** The role's tags after TagRole: a tag whose key matches (in any case) is replaced, others are added. */
export const mergeTags = (existing: readonly Tag[], added: readonly Tag[]): Tag[] => {
  const merged = existing.map((tag) => ({ ...tag }));
  for (const tag of added) {
    const index = merged.findIndex(({ Key }) => Key.toLowerCase() === tag.Key.toLowerCase());
    if (index === -1) merged.push({ ...tag });
    else merged[index] = { ...tag };
  }
  if (merged.length > MAX_TAGS_PER_ROLE) throw tagQuotaExceeded();
  return merged;
};
