import type { Action } from "../content/schema/lesson";
import { isRecord } from "./values";

/**
 * `{{name}}` templating of actions. Variables come from the target (prefix, region,
 * otherRegion, account, otherAccount) and from values saved by earlier calls with `save:`.
 */

export type Variables = Record<string, unknown>;

/** `{{ name }}`: letters, digits and underscores; spaces inside the braces are allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

export class TemplateError extends Error {
  constructor(
    readonly variable: string,
    readonly where: string,
    known: readonly string[],
  ) {
    super(`{{${variable}}} in ${where} is not defined (defined: ${known.length ? [...known].sort().join(", ") : "nothing"})`);
    this.name = "TemplateError";
  }
}

/** The names a string refers to, e.g. ["prefix", "region"]. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);

/** What to do with a variable that is not defined: throw (running), or keep "{{name}}" (showing). */
export type MissingVariables = "throw" | "keep";

const lookup = (variables: Variables, name: string, where: string, missing: MissingVariables): unknown => {
  const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
  if (value !== undefined) return value;
  if (missing === "keep") return `{{${name}}}`;
  throw new TemplateError(name, where, Object.keys(variables).filter((key) => variables[key] !== undefined));
};

const asText = (value: unknown): string => (typeof value === "string" ? value : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

/**
 * Renders one string. Exactly "{{name}}" keeps the variable's type (a saved number stays a
 * number); inside a longer string the value is interpolated as text.
 */
export const renderString = (text: string, variables: Variables, where = "a string", missing: MissingVariables = "throw"): unknown => {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  if (whole) return lookup(variables, whole[1] as string, where, missing);
  return text.replace(PLACEHOLDER, (_, name: string) => asText(lookup(variables, name, where, missing)));
};

/** Renders every string inside a value (objects and arrays deeply; keys are left alone). */
export const renderValue = (value: unknown, variables: Variables, where = "the value", missing: MissingVariables = "throw"): unknown => {
  if (typeof value === "string") return renderString(value, variables, where, missing);
  if (Array.isArray(value)) return value.map((item, index) => renderValue(item, variables, `${where}[${index}]`, missing));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, variables, `${where}.${key}`, missing)]));
  }
  return value;
};

/**
 * The action with its input, expect, region, label, expectError.code, ask.question, expectTrust,
 * expectLifecycle, expectAccess and eventually.retryWhile rendered. With
 * missing "keep", undefined variables stay as "{{name}}" (to show an action that cannot run yet).
 */
export const renderAction = (action: Action, variables: Variables, missing: MissingVariables = "throw"): Action => {
  const text = (value: string, where: string) => asText(renderString(value, variables, where, missing));
  const rendered: Action = { ...action };
  if (action.input) rendered.input = renderValue(action.input, variables, "input", missing) as Record<string, unknown>;
  if (action.expect) rendered.expect = renderValue(action.expect, variables, "expect", missing) as Record<string, unknown>;
  if (action.region !== undefined) rendered.region = text(action.region, "region");
  if (action.label !== undefined) rendered.label = text(action.label, "label");
  if (action.expectError) rendered.expectError = { ...action.expectError, code: text(action.expectError.code, "expectError.code") };
  if (action.ask) rendered.ask = { ...action.ask, question: text(action.ask.question, "ask.question") };
  if (action.expectTrust) rendered.expectTrust = renderValue(action.expectTrust, variables, "expectTrust", missing) as Action["expectTrust"];
  if (action.expectLifecycle) rendered.expectLifecycle = renderValue(action.expectLifecycle, variables, "expectLifecycle", missing) as Action["expectLifecycle"];
  if (action.expectAccess) rendered.expectAccess = renderValue(action.expectAccess, variables, "expectAccess", missing) as Action["expectAccess"];
  if (action.eventually?.retryWhile) {
    rendered.eventually = { ...action.eventually, retryWhile: renderValue(action.eventually.retryWhile, variables, "eventually.retryWhile", missing) as Record<string, unknown> };
  }
  return rendered;
};
