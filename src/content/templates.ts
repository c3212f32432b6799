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

export interface MalformedTemplate {
  /** As written, to find it in the source: `{{prefix}`, `{prefix}}`. */
  text: string;
  message: string;
}

const REFERENCE_HERE = /\{\{\s*[^{}]*?\s*\}\}/y;
/** What an unclosed `{{` shows: the name after it and a single closing brace, if any. */
const UNCLOSED_SHOWN = /\{\{\s*[^{}\s]*\}?/y;
/** `{name}}`: one brace short of a variable (a `}}` ending JSON is not preceded by `{name`). */
const ONE_BRACE = /(?<!\{)\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g;

const HOW = "write a variable as {{name}}";

/**
 * Braces that look meant as a variable but are not one, which the runner would otherwise send
 * as written: a `{{` that never closes, and `{name}}`. A `{{{name}}}` holds a variable in
 * braces; a `}}` alone may end JSON, so neither is reported.
 */
export const malformedTemplates = (text: string): MalformedTemplate[] => {
  const found: MalformedTemplate[] = [];
  for (let at = text.indexOf("{{"); at !== -1; at = text.indexOf("{{", at)) {
    if (text[at + 2] === "{") {
      at += 1;
      continue;
    }
    REFERENCE_HERE.lastIndex = at;
    const reference = REFERENCE_HERE.exec(text);
    if (reference) {
      at += reference[0].length;
      continue;
    }
    UNCLOSED_SHOWN.lastIndex = at;
    const shown = UNCLOSED_SHOWN.exec(text)?.[0] ?? "{{";
    found.push({ text: shown, message: `"${shown}" is not closed: ${HOW}` });
    at += 2;
  }
  for (const match of text.matchAll(ONE_BRACE)) found.push({ text: match[0], message: `"${match[0]}" opens with one brace: ${HOW}` });
  return found;
};

/** Every string inside a value (action inputs and expectations nest), with its path below the value. */
export const stringsIn = (value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; text: string }[] => {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...path, index]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...path, key]));
  }
  return [];
};
