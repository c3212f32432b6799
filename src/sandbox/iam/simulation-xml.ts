import type { XmlContent } from "../http/xml";
import { memberList } from "./role-xml";
import type { ActionResult, MatchedStatement, ResourceResult } from "./simulation";
import type { Position } from "./statement-positions";

/** EvaluationResult elements as IAM sends them, in the order of the IAM API model. */

/**
 * IAM calls every identity policy's source type "IAM Policy" (inline or managed, role or user),
 * though the API model's PolicySourceType enumeration lists "role", "user" and others instead.
 */
export const SOURCE_POLICY_TYPE = "IAM Policy";

const positionXml = ({ line, column }: Position): XmlContent => ({ Line: line, Column: column });

const statementXml = ({ sourcePolicyId, span }: MatchedStatement): XmlContent => ({
  SourcePolicyId: sourcePolicyId,
  SourcePolicyType: SOURCE_POLICY_TYPE,
  StartPosition: span && positionXml(span.start),
  EndPosition: span && positionXml(span.end),
});

const resourceXml = (result: ResourceResult): XmlContent => ({
  EvalResourceName: result.resource,
  EvalResourceDecision: result.decision,
  MatchedStatements: memberList(result.matched.map(statementXml)),
  MissingContextValues: memberList(result.missingContextValues),
});

export const evaluationResultXml = (result: ActionResult): XmlContent => ({
  EvalActionName: result.action,
  EvalResourceName: result.resourceName,
  EvalDecision: result.decision,
  MatchedStatements: memberList(result.matched.map(statementXml)),
  MissingContextValues: memberList(result.missingContextValues),
  // Same-account simulations of named resources carry an empty EvalDecisionDetails; of "*", none.
  EvalDecisionDetails: result.perResource ? {} : undefined,
  ResourceSpecificResults: result.perResource && memberList(result.perResource.map(resourceXml)),
});
