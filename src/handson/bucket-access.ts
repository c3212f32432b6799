import type { Action } from "../content/schema/lesson";
import { parsePolicy, type Statement } from "../policy/document";
import { applyingStatements, evaluatePolicy, principalMatches, type Principal } from "../policy/evaluate";
import { wildcardMatch } from "../policy/wildcard";
import type { CheckItem } from "./results";

/**
 * `expectAccess` on s3:GetBucketPolicy: a bucket policy is judged by what it lets each listed
 * request do, evaluated with src/policy as S3 evaluates a resource policy, so Principal "*" or
 * {"AWS": "*"}, StringEquals or a list of values, one statement or several all pass when they
 * mean the same. A grant to everyone with no narrowing condition fails on the outsider's request.
 * Each reason names the request, since a checklist line may show only the action's label.
 */

type Wanted = NonNullable<Action["expectAccess"]>[number];

const requester = (wanted: Wanted): { principal: Principal; context: Record<string, string> } => {
  const aws = wanted.principal.AWS;
  if (aws === undefined) return { principal: {}, context: { ...wanted.context } };
  const account = /^\d{12}$/.test(aws) ? aws : /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(aws)?.[1];
  const arn = /^\d{12}$/.test(aws) ? `arn:aws:iam::${aws}:root` : aws;
  return {
    principal: { ...(account ? { account } : {}), arn },
    context: { ...(account ? { "aws:PrincipalAccount": account } : {}), "aws:PrincipalArn": arn, ...wanted.context },
  };
};

const sids = (statements: (Statement | undefined)[]): string => {
  const named = statements.map((statement) => statement?.sid).filter((sid): sid is string => Boolean(sid));
  return named.length > 0 ? ` (statement ${named.map((sid) => `"${sid}"`).join(", ")})` : "";
};

/** Why no statement allows the request, in words. */
const whyNotAllowed = (statements: Statement[], wanted: Wanted, principal: Principal): string => {
  const forAction = statements.filter(
    (statement) => statement.effect === "Allow" && (statement.action ?? []).some((action) => wildcardMatch(action, wanted.action, true)),
  );
  if (forAction.length === 0) return `no statement allows ${wanted.action}`;
  const forResource = forAction.filter((statement) => (statement.resource ?? []).some((resource) => wildcardMatch(resource, wanted.resource, false)));
  if (forResource.length === 0) return `no statement that allows ${wanted.action} covers ${wanted.resource}`;
  const forPrincipal = forResource.filter((statement) => statement.principal && principalMatches(statement.principal, principal));
  if (forPrincipal.length === 0) return `no statement that allows ${wanted.action} names this principal`;
  return `the Condition of the statement that allows ${wanted.action} does not hold for this request`;
};

export const accessItems = (action: Action, output: Record<string, unknown>): CheckItem[] => {
  const list = action.expectAccess;
  if (!list) return [];
  const label = (wanted: Wanted) => `${wanted.who} ${wanted.allowed ? "may" : "may not"} ${wanted.action} on ${wanted.resource}`;
  const policy = output.Policy;
  const parsed = parsePolicy(typeof policy === "string" ? policy : JSON.stringify(policy ?? null));
  if (!parsed.ok) return list.map((wanted) => ({ label: label(wanted), pass: false, reason: "the bucket policy could not be read as a policy" }));
  const { document } = parsed;
  return list.map((wanted): CheckItem => {
    const { principal, context } = requester(wanted);
    const request = { principal, action: wanted.action, resource: wanted.resource, context };
    const decision = evaluatePolicy(document, request);
    const applying = applyingStatements(document, request).map((index) => document.statements[index]);
    if (wanted.allowed) {
      if (decision === "Allow") return { label: label(wanted), pass: true, reason: "" };
      const why = decision === "Deny" ? `a Deny statement refuses it${sids(applying)}` : whyNotAllowed(document.statements, wanted, principal);
      return { label: label(wanted), pass: false, reason: `${wanted.who} may not ${wanted.action}: ${why}`, actual: policy };
    }
    if (decision !== "Allow") return { label: label(wanted), pass: true, reason: "" };
    const everyone = applying.some((statement) => statement?.principal?.everyone && !statement.condition);
    const reason = `${wanted.who} may ${wanted.action}: the policy allows it${sids(applying)}${everyone ? ', and Principal "*" with no Condition lets anyone in' : ""}`;
    return { label: label(wanted), pass: false, reason, actual: policy };
  });
};
