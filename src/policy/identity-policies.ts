import type { PolicyDocument } from "./document";
import { applyingStatements, missingConditionKeys, type AccessRequest } from "./evaluate";

/**
 * A principal's identity policies evaluated together, as IAM does: an explicit Deny in any of
 * them wins, else an Allow in any of them allows, else the request is implicitly denied.
 */

/** IAM's names for the three outcomes (the policy simulator answers with these words). */
export type IdentityDecision = "allowed" | "explicitDeny" | "implicitDeny";

export interface IdentityPolicy {
  /** How the caller names this policy in what it reports (the simulator's SourcePolicyId). */
  id: string;
  document: PolicyDocument;
}

/** One statement that decided the outcome: which policy, and its index in that policy's statements. */
export interface DecidingStatement<P extends IdentityPolicy = IdentityPolicy> {
  policy: P;
  index: number;
}

export interface IdentityVerdict<P extends IdentityPolicy = IdentityPolicy> {
  decision: IdentityDecision;
  /**
   * The statements behind the decision: every applying Deny for explicitDeny, every applying
   * Allow for allowed, none for implicitDeny.
   */
  deciding: DecidingStatement<P>[];
  /** Condition keys the policies test for this request but its context does not carry. */
  missingContextKeys: string[];
}

export const evaluateIdentityPolicies = <P extends IdentityPolicy>(policies: readonly P[], request: AccessRequest): IdentityVerdict<P> => {
  const applying = policies.flatMap((policy) => applyingStatements(policy.document, request).map((index) => ({ policy, index })));
  const withEffect = (effect: "Allow" | "Deny") => applying.filter(({ policy, index }) => policy.document.statements[index]?.effect === effect);
  const denies = withEffect("Deny");
  const allows = withEffect("Allow");
  const missingContextKeys = [...new Set(policies.flatMap((policy) => missingConditionKeys(policy.document, request)))];
  if (denies.length > 0) return { decision: "explicitDeny", deciding: denies, missingContextKeys };
  if (allows.length > 0) return { decision: "allowed", deciding: allows, missingContextKeys };
  return { decision: "implicitDeny", deciding: [], missingContextKeys };
};

/** The most restrictive of several outcomes: any explicit Deny, else any implicit one, else allowed. */
export const mostRestrictive = (decisions: readonly IdentityDecision[]): IdentityDecision =>
  decisions.includes("explicitDeny") ? "explicitDeny" : decisions.includes("implicitDeny") || decisions.length === 0 ? "implicitDeny" : "allowed";
