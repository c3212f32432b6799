import { parsePolicy, type PolicyDocument, type PolicyProblem } from "../../policy/document";
import { malformedPolicyDocument } from "./errors";

/**
 * What IAM accepts as a role's trust policy (AssumeRolePolicyDocument) and as an inline role
 * policy, with the MalformedPolicyDocument messages IAM gives for each kind of mistake.
 */

const problemMessage = (problem: PolicyProblem): string => {
  switch (problem.kind) {
    case "json":
      return "This policy contains invalid Json";
    case "version":
    case "empty":
    case "unknownElement":
      return "Syntax errors in policy.";
    case "missing":
      return problem.field === "Action" ? "Policy statement must contain actions." : "Syntax errors in policy.";
    case "effect":
      // "allow" passes IAM's grammar but not its older, case-sensitive parser.
      return ["allow", "deny"].includes(problem.value.toLowerCase()) ? "The policy failed legacy parsing" : "Syntax errors in policy.";
    case "principal":
      return "Invalid principal in policy";
    case "syntax":
      return "Syntax errors in policy.";
  }
};

/** The grammar shared by both kinds of policy, checked in the order IAM reports problems. */
const parseOrThrow = (text: string): PolicyDocument => {
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw malformedPolicyDocument(problemMessage(parsed.problem));
  const document = parsed.document;
  const sids = new Set<string>();
  for (const statement of document.statements) {
    if (statement.sid) {
      if (sids.has(statement.sid)) throw malformedPolicyDocument("Statement IDs (SID) in a single policy must be unique.");
      sids.add(statement.sid);
    }
    const actions = statement.action ?? statement.notAction ?? [];
    if (actions.length === 0) throw malformedPolicyDocument("Policy statement must contain actions.");
    if (actions.some((action) => action !== "*" && !action.includes(":"))) {
      throw malformedPolicyDocument("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    }
  }
  return document;
};

/** A role's trust policy: who may assume it. Principals required, resources forbidden. */
export const checkTrustPolicy = (text: string): void => {
  for (const statement of parseOrThrow(text).statements) {
    if (statement.resource || statement.notResource) throw malformedPolicyDocument("Has prohibited field Resource");
    if (!statement.principal && !statement.notPrincipal) throw malformedPolicyDocument("Missing required field Principal");
  }
};

/** An identity policy (PutRolePolicy): what the role may do. Resources required, principals forbidden. */
export const checkIdentityPolicy = (text: string): void => {
  for (const statement of parseOrThrow(text).statements) {
    if (statement.principal || statement.notPrincipal) throw malformedPolicyDocument("Policy document should not specify a principal.");
    const resources = statement.resource ?? statement.notResource ?? [];
    if (resources.length === 0) throw malformedPolicyDocument("Policy statement must contain resources.");
  }
};

/** IAM's size quotas count characters other than white space. */
export const policySize = (text: string): number => text.replace(/\s/g, "").length;
