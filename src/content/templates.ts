/** `{{variable}}` references in lesson text and action inputs, and the variables every lesson has. */

/** Filled in by the runner for every lesson: the session prefix, the target's regions and accounts. */
export const BUILT_IN_VARIABLES = ["prefix", "region", "otherRegion", "account", "otherAccount"] as const;

export interface TemplateReference {
  name: string;
  /** Exactly as written, e.g. `{{ prefix }}`: to find it in the source. */
  text: string;
}

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** What a variable may be called: letters, digits and underscores, not starting with a digit. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const templateReferences = (text: string): TemplateReference[] =>
  [...text.matchAll(REFERENCE)].map((match) => ({ name: match[1] ?? "", text: match[0] }));

/** Every string inside a value (action inputs and expectations nest), with its path below the value. */
export const stringsIn = (value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; text: string }[] => {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...path, index]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...path, key]));
  }
  return [];
};
