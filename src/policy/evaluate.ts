import type { Conditions, PolicyDocument, Principals, Statement } from "./document";
import { wildcardMatch } from "./wildcard";

/** Who is asking: an account's root user, a role, or an AWS service principal. */
export interface Principal {
  account?: string;
  arn?: string;
  service?: string;
}

export interface AccessRequest {
  principal: Principal;
  /** service:Action, e.g. s3:GetObject. */
  action: string;
  /** The ARN of the resource, e.g. arn:aws:s3:::bucket/key. */
  resource: string;
  /** Condition keys and their values for this request (aws:PrincipalAccount, s3:prefix, ...). */
  context?: Record<string, string | string[] | undefined>;
}

/** The verdict of one policy: an explicit Deny beats an Allow; no matching statement is neither. */
export type Decision = "Allow" | "Deny" | "NoMatch";

export const evaluatePolicy = (policy: PolicyDocument, request: AccessRequest): Decision => {
  const applying = applyingStatements(policy, request).map((index) => policy.statements[index]);
  if (applying.some((statement) => statement?.effect === "Deny")) return "Deny";
  return applying.length > 0 ? "Allow" : "NoMatch";
};

/** The indexes of the statements that apply to the request: principal, action, resource and conditions all match. */
export const applyingStatements = (policy: PolicyDocument, request: AccessRequest): number[] =>
  policy.statements.flatMap((statement, index) =>
    statementTargets(statement, request) && conditionsHold(statement.condition, request.context ?? {}) ? [index] : [],
  );

/**
 * The condition keys that statements aimed at this request (principal, action and resource
 * match) test but the request does not carry: what a policy simulator reports as missing.
 */
export const missingConditionKeys = (policy: PolicyDocument, request: AccessRequest): string[] => {
  const carried = new Set(Object.keys(request.context ?? {}).map((key) => key.toLowerCase()));
  const missing = new Set<string>();
  for (const statement of policy.statements) {
    if (!statementTargets(statement, request)) continue;
    for (const keys of Object.values(statement.condition ?? {})) {
      for (const key of Object.keys(keys)) if (!carried.has(key.toLowerCase())) missing.add(key);
    }
  }
  return [...missing];
};

/** Whether a statement is about this request at all, before its conditions are looked at. */
const statementTargets = (statement: Statement, request: AccessRequest): boolean =>
  principalApplies(statement, request.principal) &&
  listApplies(statement.action, statement.notAction, request.action, true) &&
  // Trust policies name no Resource: their statements apply to the role they belong to.
  (statement.resource || statement.notResource ? listApplies(statement.resource, statement.notResource, request.resource, false) : true);

const principalApplies = (statement: Statement, principal: Principal): boolean => {
  // Identity policies have no Principal: they apply to whoever they are attached to.
  if (!statement.principal && !statement.notPrincipal) return true;
  if (statement.principal) return principalMatches(statement.principal, principal);
  return !principalMatches(statement.notPrincipal as Principals, principal);
};

export const principalMatches = (principals: Principals, principal: Principal): boolean => {
  if (principals.everyone) return true;
  if (principal.service) return principals.service.includes(principal.service);
  return principals.aws.some(
    (entry) =>
      (principal.account !== undefined &&
        (entry === principal.account || entry === `arn:aws:iam::${principal.account}:root`)) ||
      (principal.arn !== undefined && entry === principal.arn),
  );
};

const listApplies = (
  included: string[] | undefined,
  excluded: string[] | undefined,
  value: string,
  ignoreCase: boolean,
): boolean => {
  if (included) return included.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  if (excluded) return !excluded.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  return false;
};

type Comparator = (actual: string, expected: string) => boolean;

const COMPARATORS: Record<string, Comparator> = {
  StringEquals: (a, e) => a === e,
  StringNotEquals: (a, e) => a !== e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringNotEqualsIgnoreCase: (a, e) => a.toLowerCase() !== e.toLowerCase(),
  StringLike: (a, e) => wildcardMatch(e, a),
  StringNotLike: (a, e) => !wildcardMatch(e, a),
  ArnEquals: (a, e) => a === e,
  ArnLike: (a, e) => wildcardMatch(e, a),
  ArnNotEquals: (a, e) => a !== e,
  ArnNotLike: (a, e) => !wildcardMatch(e, a),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  NumericEquals: (a, e) => Number(a) === Number(e),
  NumericNotEquals: (a, e) => Number(a) !== Number(e),
  NumericLessThan: (a, e) => Number(a) < Number(e),
  NumericLessThanEquals: (a, e) => Number(a) <= Number(e),
  NumericGreaterThan: (a, e) => Number(a) > Number(e),
  NumericGreaterThanEquals: (a, e) => Number(a) >= Number(e),
};

const NEGATED = new Set(["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike", "NumericNotEquals"]);

/**
 * Every condition must hold. A key the request does not carry fails the condition (unless the
 * operator ends in IfExists); an operator the sandbox does not know never holds, so an
 * unsupported condition can only withhold access, never grant it by mistake.
 */
const conditionsHold = (conditions: Conditions | undefined, context: Record<string, string | string[] | undefined>): boolean => {
  if (!conditions) return true;
  const lowerContext = new Map(Object.entries(context).map(([key, value]) => [key.toLowerCase(), value]));
  return Object.entries(conditions).every(([rawOperator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = lowerContext.get(key.toLowerCase());
      if (rawOperator === "Null") {
        const isNull = actual === undefined;
        return expected.some((value) => (value.toLowerCase() === "true") === isNull);
      }
      const ifExists = rawOperator.endsWith("IfExists");
      const operator = ifExists ? rawOperator.slice(0, -"IfExists".length) : rawOperator;
      const compare = COMPARATORS[operator];
      if (!compare) return false;
      if (actual === undefined) return ifExists;
      const actualValues = Array.isArray(actual) ? actual : [actual];
      return NEGATED.has(operator)
        ? actualValues.every((a) => expected.every((e) => compare(a, e)))
        : actualValues.some((a) => expected.some((e) => compare(a, e)));
    }),
  );
};
