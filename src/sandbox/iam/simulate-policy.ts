import { evaluateIdentityPolicies } from "../../policy/identity-policies";
import type { QueryCall, QueryHandler } from "../query/protocol";
import { paginate, type Paging } from "./paging";
import { roleOfPolicySource } from "./policy-source";
import { roleVerdict } from "./role-permissions";
import { memberList } from "./role-xml";
import { simulate, type ActionResult } from "./simulation";
import { policyInputs, readSimulationInput, sent } from "./simulation-input";
import { evaluationResultXml } from "./simulation-xml";
import { Constraints } from "./validate";

/**
 * The IAM policy simulator: SimulatePrincipalPolicy evaluates a role's inline policies (the same
 * evaluation replication uses), SimulateCustomPolicy the policies given. Both page by action.
 */

const page = (results: ActionResult[], paging: Paging) => {
  // Results keep the order of ActionNames; the marker carries the position of the last one sent.
  const keyed = results.map((result, index) => ({ result, key: String(index).padStart(6, "0") }));
  const { items, isTruncated, marker } = paginate(keyed, ({ key }) => key, paging);
  return { EvaluationResults: memberList(items.map(({ result }) => evaluationResultXml(result))), IsTruncated: isTruncated, Marker: marker };
};

const simulatePrincipalPolicy = (call: QueryCall) => {
  const source = call.params.get("PolicySourceArn");
  const constraints = new Constraints().length("policySourceArn", source, 20, 2048);
  if (source === undefined) constraints.notNull("policySourceArn", source);
  const input = readSimulationInput(call.params, call.action, constraints);
  constraints.check();
  const role = roleOfPolicySource(call, source ?? "");
  const extra = policyInputs(input.policyTexts);
  return page(
    simulate((request) => roleVerdict(role, request, extra), input),
    input.paging,
  );
};

const simulateCustomPolicy = (call: QueryCall) => {
  const constraints = new Constraints();
  if (!sent(call.params, "PolicyInputList")) constraints.notNull("policyInputList", undefined);
  const input = readSimulationInput(call.params, call.action, constraints);
  constraints.check();
  const policies = policyInputs(input.policyTexts);
  return page(
    simulate((request) => evaluateIdentityPolicies(policies, { ...request, principal: {} }), input),
    input.paging,
  );
};

export const simulationActions: Record<string, QueryHandler> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
};
