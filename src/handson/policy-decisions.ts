import type { Action } from "../content/schema/lesson";
import type { CheckItem } from "./results";
import { isRecord } from "./values";

/**
 * `expectDecision` on iam:SimulatePrincipalPolicy: what IAM's policy simulator decided for each
 * action on each resource, one checklist item each, with the reason in words. Permissions are
 * judged by evaluating them as AWS does, so any policy name, a Resource list or a single one,
 * and wildcards that cover the actions all pass, while a Deny anywhere or a missing action fails.
 */

interface EvaluationResult {
  EvalActionName?: string;
  EvalResourceName?: string;
  EvalDecision?: string;
  MatchedStatements?: { SourcePolicyId?: string }[];
}

/** "arn:aws:iam::111122223333:role/s3t-replication" → "role s3t-replication". */
const principalName = (arn: unknown): string => {
  if (typeof arn !== "string") return "the principal";
  const match = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? `${match[1]} ${match[2]}` : arn;
};

const policiesNamed = (result: EvaluationResult): string => {
  const names = [...new Set((result.MatchedStatements ?? []).map((statement) => statement.SourcePolicyId).filter(Boolean))];
  return names.length === 0 ? "" : ` (policy ${names.map((name) => `"${name}"`).join(", ")})`;
};

const decisionItem = (wanted: "allowed" | "denied", who: string, result: EvaluationResult): CheckItem => {
  const action = result.EvalActionName ?? "?";
  const resource = result.EvalResourceName ?? "*";
  const decision = result.EvalDecision ?? "none";
  const allowed = decision === "allowed";
  const label = `${who} ${wanted === "allowed" ? "may" : "may not"} ${action} on ${resource}`;
  const actual = { decision, ...(result.MatchedStatements?.length ? { matched: result.MatchedStatements } : {}) };
  if (wanted === "allowed") {
    if (allowed) return { label, pass: true, reason: "", actual };
    const reason =
      decision === "explicitDeny"
        ? `an explicit Deny refuses it${policiesNamed(result)}; a Deny wins over every Allow`
        : `no statement allows it (implicit deny): the policies need ${action} on a Resource that covers ${resource}`;
    return { label, pass: false, reason, actual };
  }
  return allowed
    ? { label, pass: false, reason: `it is allowed${policiesNamed(result)}`, actual }
    : { label, pass: true, reason: "", actual };
};

export const decisionItems = (action: Action, output: Record<string, unknown>): CheckItem[] => {
  const wanted = action.expectDecision;
  if (!wanted) return [];
  const results = Array.isArray(output.EvaluationResults) ? (output.EvaluationResults as unknown[]).filter(isRecord) : [];
  const who = principalName(action.input?.PolicySourceArn);
  if (results.length === 0) return [{ label: `${who}'s permissions are ${wanted}`, pass: false, reason: "the simulator returned no results" }];
  return results.map((result) => decisionItem(wanted, who, result as EvaluationResult));
};
