/**
 * IAM policy documents (bucket policies, trust policies, role policies) parsed into one
 * normalised shape. Validation that depends on where a policy is attached lives with the
 * operation that attaches it; this module only checks the grammar shared by all of them.
 */

import { measureJson } from "./json-measure";

export type Effect = "Allow" | "Deny";

export interface Principals {
  /** `"Principal": "*"` or `{"AWS": "*"}`: everyone, including anonymous callers. */
  everyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

/** Condition blocks: operator → condition key → accepted values. */
export type Conditions = Record<string, Record<string, string[]>>;

export interface Statement {
  sid?: string;
  effect: Effect;
  principal?: Principals;
  notPrincipal?: Principals;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  condition?: Conditions;
}

export interface PolicyDocument {
  version?: string;
  statements: Statement[];
}

export type PolicyParse = { ok: true; document: PolicyDocument } | { ok: false; problem: PolicyProblem };

/** What is wrong with a policy, in words each service turns into its own error message. */
export type PolicyProblem =
  | { kind: "json" }
  | { kind: "version" }
  | { kind: "empty" }
  | { kind: "unknownElement"; name: string }
  | { kind: "missing"; field: string }
  | { kind: "effect"; value: string }
  | { kind: "principal" }
  | { kind: "syntax"; detail: string };

const fail = (problem: PolicyProblem): PolicyParse => ({ ok: false, problem });

/** The policy language versions IAM and S3 accept. */
const VERSIONS = ["2012-10-17", "2008-10-17"];
const TOP_LEVEL_ELEMENTS = ["Version", "Id", "Statement"];
const STATEMENT_ELEMENTS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

/** Misspelt elements ("Actions", "Resources") are errors, not silently ignored. */
const unknownElement = (fields: Record<string, unknown>, allowed: readonly string[]): string | undefined =>
  Object.keys(fields).find((name) => !allowed.includes(name));

const stringList = (value: unknown): string[] | undefined => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value as string[];
  return undefined;
};

const parsePrincipals = (value: unknown): Principals | undefined => {
  const empty: Principals = { everyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (value === "*") return { ...empty, everyone: true };
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const principals = { ...empty };
  for (const [kind, raw] of Object.entries(value as Record<string, unknown>)) {
    const list = stringList(raw);
    if (!list) return undefined;
    if (kind === "AWS") {
      if (list.includes("*")) principals.everyone = true;
      principals.aws.push(...list.filter((item) => item !== "*"));
    } else if (kind === "Service") principals.service.push(...list);
    else if (kind === "Federated") principals.federated.push(...list);
    else if (kind === "CanonicalUser") principals.canonicalUser.push(...list);
    else return undefined;
  }
  return principals;
};

const parseConditions = (value: unknown): Conditions | undefined => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const conditions: Conditions = {};
  for (const [operator, block] of Object.entries(value as Record<string, unknown>)) {
    if (block === null || typeof block !== "object" || Array.isArray(block)) return undefined;
    conditions[operator] = {};
    for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
      const values = Array.isArray(raw) ? raw : [raw];
      if (!values.every((item) => ["string", "number", "boolean"].includes(typeof item))) return undefined;
      conditions[operator][key] = values.map(String);
    }
  }
  return conditions;
};

const parseStatement = (raw: unknown): Statement | PolicyProblem => {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { kind: "syntax", detail: "a Statement must be an object" };
  const fields = raw as Record<string, unknown>;
  const unknown = unknownElement(fields, STATEMENT_ELEMENTS);
  if (unknown !== undefined) return { kind: "unknownElement", name: unknown };
  const effect = fields.Effect;
  if (effect === undefined) return { kind: "missing", field: "Effect" };
  if (effect !== "Allow" && effect !== "Deny") return { kind: "effect", value: String(effect) };
  const statement: Statement = { effect };
  if (typeof fields.Sid === "string") statement.sid = fields.Sid;
  for (const [field, target] of [
    ["Principal", "principal"],
    ["NotPrincipal", "notPrincipal"],
  ] as const) {
    if (fields[field] === undefined) continue;
    const principals = parsePrincipals(fields[field]);
    if (!principals) return { kind: "principal" };
    statement[target] = principals;
  }
  for (const [field, target] of [
    ["Action", "action"],
    ["NotAction", "notAction"],
    ["Resource", "resource"],
    ["NotResource", "notResource"],
  ] as const) {
    if (fields[field] === undefined) continue;
    const list = stringList(fields[field]);
    if (!list) return { kind: "syntax", detail: `${field} must be a string or a list of strings` };
    statement[target] = list;
  }
  if (!statement.action && !statement.notAction) return { kind: "missing", field: "Action" };
  if (fields.Condition !== undefined) {
    const condition = parseConditions(fields.Condition);
    if (!condition) return { kind: "syntax", detail: "Condition must map operators to keys and values" };
    statement.condition = condition;
  }
  return statement;
};

/**
 * The policy grammar nests 6 deep at most (Statement, a statement, Condition, an operator, a
 * key, its values); far deeper is no policy, and is refused before anything walks it.
 */
export const MAX_POLICY_DEPTH = 16;

export const parsePolicy = (text: string): PolicyParse => {
  if (measureJson(text).depth > MAX_POLICY_DEPTH) return fail({ kind: "json" });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail({ kind: "json" });
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return fail({ kind: "json" });
  const fields = raw as Record<string, unknown>;
  const unknown = unknownElement(fields, TOP_LEVEL_ELEMENTS);
  if (unknown !== undefined) return fail({ kind: "unknownElement", name: unknown });
  if (fields.Version !== undefined && !(typeof fields.Version === "string" && VERSIONS.includes(fields.Version))) {
    return fail({ kind: "version" });
  }
  if (fields.Statement === undefined) return fail({ kind: "missing", field: "Statement" });
  const rawStatements = Array.isArray(fields.Statement) ? fields.Statement : [fields.Statement];
  if (rawStatements.length === 0) return fail({ kind: "empty" });
  const statements: Statement[] = [];
  for (const rawStatement of rawStatements) {
    const parsed = parseStatement(rawStatement);
    if ("kind" in parsed) return fail(parsed);
    statements.push(parsed);
  }
  const document: PolicyDocument = { statements };
  if (typeof fields.Version === "string") document.version = fields.Version;
  return { ok: true, document };
};
