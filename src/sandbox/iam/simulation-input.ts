import { parsePolicy } from "../../policy/document";
import { ServiceError } from "../errors";
import type { QueryParams } from "../query/protocol";
import { invalidInput } from "./errors";
import { readPaging, type Paging } from "./paging";
import { checkIdentityPolicy } from "./policy-rules";
import type { WrittenPolicy } from "./role-permissions";
import { Constraints, POLICY_DOCUMENT_PATTERN } from "./validate";

/**
 * What SimulatePrincipalPolicy and SimulateCustomPolicy share in their requests: the actions and
 * resources to try, extra policies, context entries and paging, checked against the IAM API
 * model's constraints.
 */

export type SimulationContext = Record<string, string | string[]>;

export interface SimulationInput {
  /** PolicyInputList.N as sent; policyInputs() reads them once the constraints are checked. */
  policyTexts: string[];
  actions: string[];
  /** Undefined when ResourceArns names none: the simulator then tries "*". */
  resources: string[] | undefined;
  context: SimulationContext;
  paging: Paging;
}

const CONTEXT_KEY_TYPES = ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"];

/** Whether a member was sent at all: a value, an empty list ("Name="), or list members. */
export const sent = (params: QueryParams, name: string): boolean => params.get(name) !== undefined || params.memberIndexes(name).length > 0;

/**
 * Members that would change the answer in ways the sandbox does not model (a permissions
 * boundary, a resource policy, excluded policies): refused rather than silently ignored, so the
 * simulator never says "allowed" where AWS would not.
 */
const UNSUPPORTED = ["PermissionsBoundaryPolicyInputList", "PolicyExclusionList", "ResourcePolicy", "OrderedOrganizationPolicyInputList"];

const refuseUnsupported = (params: QueryParams, action: string): void => {
  const sentMember = UNSUPPORTED.find((name) => sent(params, name));
  if (sentMember) {
    throw new ServiceError(
      "NotImplemented",
      501,
      `The sandbox's ${action} does not simulate ${sentMember}. Leave it out, or use a real AWS account for it.`,
    );
  }
};

/**
 * Reads the shared members in the model's order, recording constraint violations in
 * `constraints`; the caller checks them, so one ValidationError names every problem.
 */
export const readSimulationInput = (params: QueryParams, action: string, constraints: Constraints): SimulationInput => {
  refuseUnsupported(params, action);
  const policyTexts = params.list("PolicyInputList");
  policyTexts.forEach((text, index) =>
    constraints
      .length(`policyInputList.${index + 1}.member`, text, 1, 131072)
      .pattern(`policyInputList.${index + 1}.member`, text, POLICY_DOCUMENT_PATTERN.regex, POLICY_DOCUMENT_PATTERN.shown),
  );
  const actions = readActions(params, constraints);
  const listed = params.list("ResourceArns");
  const resources = listed.length > 0 ? listed : undefined;
  resources?.forEach((resource, index) => constraints.length(`resourceArns.${index + 1}.member`, resource, 1, 2048));
  const context = readContext(params, constraints);
  const paging = readPaging(params, constraints);
  return { policyTexts, actions, resources, context, paging };
};

/** PolicyInputList.N as policies, named "PolicyInputList.N" as IAM names them in MatchedStatements. */
export const policyInputs = (texts: readonly string[]): WrittenPolicy[] => texts.map((text, index) => policyInput(text, index + 1));

/** ActionNames is required; each name is 3 to 128 characters. */
const readActions = (params: QueryParams, constraints: Constraints): string[] => {
  if (!sent(params, "ActionNames")) constraints.notNull("actionNames", undefined);
  const actions = params.list("ActionNames");
  actions.forEach((action, index) => constraints.length(`actionNames.${index + 1}.member`, action, 3, 128));
  return actions;
};

/** ContextEntries.member.N.{ContextKeyName, ContextKeyType, ContextKeyValues.member.M}; list types keep every value. */
const readContext = (params: QueryParams, constraints: Constraints): SimulationContext => {
  const context: SimulationContext = {};
  for (const n of params.memberIndexes("ContextEntries")) {
    const at = `ContextEntries.member.${n}`;
    const name = params.get(`${at}.ContextKeyName`);
    const type = params.get(`${at}.ContextKeyType`);
    const field = `contextEntries.${n}.member`;
    constraints.length(`${field}.contextKeyName`, name, 5, 256).oneOf(`${field}.contextKeyType`, type, CONTEXT_KEY_TYPES);
    if (name === undefined) continue;
    const values = params.list(`${at}.ContextKeyValues`);
    context[name] = type?.endsWith("List") || values.length !== 1 ? values : (values[0] ?? "");
  }
  return context;
};

/** One extra policy: it must be an identity policy IAM would accept; a bad one is InvalidInput. */
const policyInput = (text: string, n: number): WrittenPolicy => {
  try {
    checkIdentityPolicy(text);
  } catch (error) {
    throw invalidInput(`PolicyInputList.${n}: ${(error as Error).message}`);
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw invalidInput(`PolicyInputList.${n}: This policy contains invalid Json`);
  return { id: `PolicyInputList.${n}`, document: parsed.document, text };
};
