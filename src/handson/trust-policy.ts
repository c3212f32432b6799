import type { Action } from "../content/schema/lesson";
import { parsePolicy, type Statement } from "../policy/document";
import { evaluatePolicy, principalMatches, type Principal } from "../policy/evaluate";
import { wildcardMatch } from "../policy/wildcard";
import type { CheckItem } from "./results";
import { isRecord } from "./values";

/**
 * `expectTrust` on iam:GetRole: a trust policy is judged by who it lets assume the role, by
 * evaluating it as AWS does (AWS has no API that simulates a trust policy for a service
 * principal). A Deny, a wrong principal, another action or a condition that does not hold fails,
 * with the reason in words; any statement layout that grants the assumption passes.
 */

const ASSUME = "sts:AssumeRole";

type Wanted = NonNullable<Action["expectTrust"]>;

const principalOf = (wanted: Wanted["principal"]): { principal: Principal; shown: string } => {
  if (wanted.Service) return { principal: { service: wanted.Service }, shown: wanted.Service };
  const aws = wanted.AWS ?? "";
  return /^\d{12}$/.test(aws) ? { principal: { account: aws }, shown: `account ${aws}` } : { principal: { arn: aws }, shown: aws };
};

const principalsNamed = (statements: Statement[]): string[] =>
  statements.flatMap((statement) => {
    const principals = statement.principal;
    if (!principals) return [];
    if (principals.everyone) return ["everyone (*)"];
    return [...principals.service, ...principals.aws, ...principals.federated];
  });

/** Why the policy does not let the principal assume the role, in words. */
const whyNot = (statements: Statement[], principal: Principal, shown: string): string => {
  const allowsAssume = statements.filter(
    (statement) => statement.effect === "Allow" && (statement.action ?? []).some((action) => wildcardMatch(action, ASSUME, true)),
  );
  if (allowsAssume.length === 0) {
    const actions = [...new Set(statements.flatMap((statement) => statement.action ?? []))];
    return `no statement allows ${ASSUME}${actions.length ? ` (its actions: ${actions.join(", ")})` : ""}`;
  }
  const forPrincipal = allowsAssume.filter((statement) => statement.principal && principalMatches(statement.principal, principal));
  if (forPrincipal.length === 0) return `it trusts ${principalsNamed(allowsAssume).join(", ") || "no principal"}, not ${shown}`;
  return `its Condition does not hold when ${shown} assumes the role`;
};

export const trustItems = (action: Action, output: Record<string, unknown>): CheckItem[] => {
  const wanted = action.expectTrust;
  if (!wanted) return [];
  const { principal, shown } = principalOf(wanted.principal);
  const label = `${shown} may assume the role (${ASSUME})`;
  const role = isRecord(output.Role) ? output.Role : {};
  const document = role.AssumeRolePolicyDocument;
  const parsed = parsePolicy(typeof document === "string" ? document : JSON.stringify(document ?? null));
  if (!parsed.ok) return [{ label, pass: false, reason: "the role's trust policy could not be read as a policy" }];
  const decision = evaluatePolicy(parsed.document, {
    principal,
    action: ASSUME,
    resource: typeof role.Arn === "string" ? role.Arn : "*",
    context: wanted.context ?? {},
  });
  if (decision === "Allow") return [{ label, pass: true, reason: "" }];
  const reason = decision === "Deny" ? `a Deny statement refuses ${shown}` : whyNot(parsed.document.statements, principal, shown);
  return [{ label, pass: false, reason, actual: document }];
};
