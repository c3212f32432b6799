import { mostRestrictive, type IdentityDecision, type IdentityVerdict } from "../../policy/identity-policies";
import type { AccessRequest } from "../../policy/evaluate";
import type { WrittenPolicy } from "./role-permissions";
import type { SimulationContext } from "./simulation-input";
import { statementSpans, type StatementSpan } from "./statement-positions";

/**
 * The IAM policy simulator's answer: one result per action (AWS stopped answering one per
 * action and resource), whose decision is the most restrictive over the resources tried, with
 * each resource's own decision under ResourceSpecificResults when resources were named.
 */

export interface MatchedStatement {
  sourcePolicyId: string;
  span?: StatementSpan;
}

export interface ResourceResult {
  resource: string;
  decision: IdentityDecision;
  matched: MatchedStatement[];
  missingContextValues: string[];
}

export interface ActionResult {
  action: string;
  resourceName: string;
  decision: IdentityDecision;
  matched: MatchedStatement[];
  missingContextValues: string[];
  /** Present when ResourceArns named resources. */
  perResource?: ResourceResult[];
}

/** Decides one action on one resource; the simulator does not care whose policies decide it. */
export type Decider = (request: Omit<AccessRequest, "principal">) => IdentityVerdict<WrittenPolicy>;

export interface SimulationRequest {
  actions: readonly string[];
  resources: readonly string[] | undefined;
  context: SimulationContext;
}

export const simulate = (decide: Decider, request: SimulationRequest): ActionResult[] => {
  const spans = new Map<string, StatementSpan[]>();
  const spanOf = (policy: WrittenPolicy, index: number): StatementSpan | undefined => {
    if (!spans.has(policy.text)) spans.set(policy.text, statementSpans(policy.text));
    return spans.get(policy.text)?.[index];
  };
  const resourceResult = (action: string, resource: string): ResourceResult => {
    const verdict = decide({ action, resource, context: request.context });
    return {
      resource,
      decision: verdict.decision,
      matched: verdict.deciding.map(({ policy, index }) => ({ sourcePolicyId: policy.id, span: spanOf(policy, index) })),
      missingContextValues: verdict.missingContextKeys,
    };
  };
  return request.actions.map((action) => {
    if (request.resources === undefined) {
      const { resource, ...result } = resourceResult(action, "*");
      return { action, resourceName: resource, ...result };
    }
    const perResource = request.resources.map((resource) => resourceResult(action, resource));
    const decision = mostRestrictive(perResource.map((result) => result.decision));
    const deciding = perResource.filter((result) => result.decision === decision);
    return {
      action,
      // AWS does not say which name an aggregate over several resources carries: the first that decided it.
      resourceName: deciding[0]?.resource ?? "*",
      decision,
      matched: uniqueStatements(deciding.flatMap((result) => result.matched)),
      // With resources named, AWS reports missing context values per resource only.
      missingContextValues: [],
      perResource,
    };
  });
};

const uniqueStatements = (statements: MatchedStatement[]): MatchedStatement[] => {
  const seen = new Set<string>();
  return statements.filter((statement) => {
    const key = `${statement.sourcePolicyId}@${statement.span?.start.line}:${statement.span?.start.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
