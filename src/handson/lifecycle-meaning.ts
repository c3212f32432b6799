import type { Action } from "../content/schema/lesson";
import type { CheckItem } from "./results";
import { isRecord } from "./values";

/**
 * `expectLifecycle` on s3:GetBucketLifecycleConfiguration: a lifecycle configuration is judged
 * by what it does to named keys, not by how it is written. A whole-bucket rule may be written
 * `Filter: {}`, `Filter: { Prefix: "" }` or a Lifecycle V1 `Prefix: ""`; the action may sit in
 * a rule of its own or beside others. What counts: an Enabled rule whose prefix covers the key
 * with no tag or size condition, taking the action. When several such rules take it, the
 * soonest one is what happens, so that is the one compared.
 */

type Wanted = NonNullable<Action["expectLifecycle"]>;
type Rule = Record<string, unknown>;

/** The rule's condition on a key: its prefix, and anything else that narrows it (tags, sizes). */
interface Scope {
  prefix: string;
  conditions: string[];
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const number = (value: unknown): number | undefined => (typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : undefined);

const tagsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(isRecord).map((tag) => `${text(tag.Key)}=${text(tag.Value)}`);

const predicatesOf = (node: Rule): Scope => {
  const conditions = [...tagsOf(node.Tag), ...tagsOf(node.Tags)].map((tag) => `tagged ${tag}`);
  if (node.ObjectSizeGreaterThan !== undefined) conditions.push(`larger than ${String(node.ObjectSizeGreaterThan)} bytes`);
  if (node.ObjectSizeLessThan !== undefined) conditions.push(`smaller than ${String(node.ObjectSizeLessThan)} bytes`);
  return { prefix: text(node.Prefix), conditions };
};

const scopeOf = (rule: Rule): Scope => {
  // Lifecycle V1: the prefix sits on the rule itself.
  if (!isRecord(rule.Filter)) return { prefix: text(rule.Prefix), conditions: [] };
  const filter = rule.Filter;
  return isRecord(filter.And) ? predicatesOf(filter.And) : predicatesOf(filter);
};

const scopeWords = ({ prefix, conditions }: Scope): string =>
  [prefix === "" ? "the whole bucket" : `the prefix ${prefix}`, ...conditions.map((condition) => `only objects ${condition}`)].join(", ");

const ruleName = (rule: Rule, index: number): string => (text(rule.ID) ? `rule ${text(rule.ID)}` : `rule ${index + 1}`);

/** The action's settings in a rule, or undefined when the rule does not take it. */
const actionOf = (rule: Rule, action: Wanted["action"]): { days?: number; newer?: number } | undefined => {
  const settings = rule[action];
  if (!isRecord(settings)) return undefined;
  if (action === "AbortIncompleteMultipartUpload") return { days: number(settings.DaysAfterInitiation) };
  return { days: number(settings.NoncurrentDays), newer: number(settings.NewerNoncurrentVersions) };
};

/** The mistakes worth naming when no rule takes the action: a look-alike action, in words. */
const EXPIRES_MARKERS_ONLY = "has only Expiration { ExpiredObjectDeleteMarker }, which removes delete markers left with no versions, not the versions themselves";
const LOOK_ALIKES: Record<Wanted["action"], { field: string; says: (rule: Rule) => string }[]> = {
  NoncurrentVersionExpiration: [
    {
      field: "Expiration",
      says: (rule) =>
        isRecord(rule.Expiration) && rule.Expiration.Days === undefined && rule.Expiration.Date === undefined
          ? EXPIRES_MARKERS_ONLY
          : "has Expiration, which acts on current versions (in a versioned bucket it only adds delete markers); noncurrent versions need NoncurrentVersionExpiration",
    },
    { field: "NoncurrentVersionTransitions", says: () => "moves noncurrent versions to another class (NoncurrentVersionTransition) but never deletes them" },
  ],
  AbortIncompleteMultipartUpload: [
    {
      field: "Expiration",
      says: () => "has Expiration, which acts on finished objects; an upload that was never completed is not an object, only AbortIncompleteMultipartUpload removes its parts",
    },
  ],
};

const daysWord = (action: Wanted["action"]) => (action === "AbortIncompleteMultipartUpload" ? "DaysAfterInitiation" : "NoncurrentDays");

const describeSettings = (wanted: Wanted, days: number | undefined, newer: number | undefined): string => {
  const base = `${daysWord(wanted.action)} ${days ?? "missing"}`;
  return wanted.action === "NoncurrentVersionExpiration" && newer !== undefined ? `${base}, keeping the ${newer} newest noncurrent version${newer === 1 ? "" : "s"}` : base;
};

/** Why no Enabled rule takes the action on this key, in words: the nearest miss first. */
const whyNot = (rules: Rule[], wanted: Wanted, key: string): string => {
  const taking = rules.map((rule, index) => ({ rule, index, scope: scopeOf(rule) })).filter(({ rule }) => actionOf(rule, wanted.action));
  if (taking.length === 0) {
    for (const { field, says } of LOOK_ALIKES[wanted.action]) {
      const index = rules.findIndex((rule) => rule[field] !== undefined && (!Array.isArray(rule[field]) || (rule[field] as unknown[]).length > 0));
      if (index >= 0) return `no rule has ${wanted.action}; ${ruleName(rules[index] as Rule, index)} ${says(rules[index] as Rule)}`;
    }
    return `no rule has ${wanted.action}`;
  }
  const covering = taking.filter(({ scope }) => key.startsWith(scope.prefix));
  if (covering.length === 0) {
    const { rule, index, scope } = taking[0] as (typeof taking)[number];
    return `${ruleName(rule, index)} applies to ${scopeWords(scope)}, which does not cover it`;
  }
  const unconditional = covering.filter(({ scope }) => scope.conditions.length === 0);
  if (unconditional.length === 0) {
    const { rule, index, scope } = covering[0] as (typeof covering)[number];
    return `${ruleName(rule, index)} applies to ${scopeWords(scope)}, not to every object there`;
  }
  const { rule, index } = unconditional[0] as (typeof unconditional)[number];
  return `${ruleName(rule, index)} is ${text(rule.Status) || "without a Status"}; only Enabled rules act`;
};

/** Whether the action, as it takes effect on the key (the soonest Enabled rule), is the one wanted. */
const keyItem = (rules: Rule[], wanted: Wanted, key: string): CheckItem => {
  const label = `${wanted.action} after ${wanted.days} day${wanted.days === 1 ? "" : "s"} applies to ${key}`;
  const effective = rules
    .map((rule, index) => ({ rule, index, scope: scopeOf(rule), settings: actionOf(rule, wanted.action) }))
    .filter(({ rule, scope, settings }) => settings && rule.Status === "Enabled" && scope.conditions.length === 0 && key.startsWith(scope.prefix))
    .sort((a, b) => (a.settings?.days ?? Infinity) - (b.settings?.days ?? Infinity))[0];
  if (!effective?.settings) return { label, pass: false, reason: `for ${key}, ${whyNot(rules, wanted, key)}`, actual: rules };
  const { days, newer } = effective.settings;
  const pass = days === wanted.days && newer === wanted.newerNoncurrentVersions;
  if (pass) return { label, pass, reason: "" };
  const reason = `for ${key}, ${ruleName(effective.rule, effective.index)} takes effect with ${describeSettings(wanted, days, newer)}, expected ${describeSettings(wanted, wanted.days, wanted.newerNoncurrentVersions)}`;
  return { label, pass, reason, expected: wanted, actual: effective.rule };
};

/** That no Enabled rule takes the action on a key the goal wants left alone. */
const untouchedItem = (rules: Rule[], wanted: Wanted, key: string): CheckItem => {
  const label = `${wanted.action} leaves ${key} alone`;
  const index = rules.findIndex((rule) => rule.Status === "Enabled" && actionOf(rule, wanted.action) && key.startsWith(scopeOf(rule).prefix));
  if (index < 0) return { label, pass: true, reason: "" };
  const rule = rules[index] as Rule;
  return { label, pass: false, reason: `${key} is not left alone: ${ruleName(rule, index)} applies to ${scopeWords(scopeOf(rule))}, which covers it`, actual: rule };
};

export const lifecycleItems = (action: Action, output: Record<string, unknown>): CheckItem[] => {
  const wanted = action.expectLifecycle;
  if (!wanted) return [];
  const rules = (Array.isArray(output.Rules) ? output.Rules : []).filter(isRecord);
  return [...wanted.appliesTo.map((key) => keyItem(rules, wanted, key)), ...(wanted.notTo ?? []).map((key) => untouchedItem(rules, wanted, key))];
};
