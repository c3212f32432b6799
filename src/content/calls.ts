import { didYouMean, listOf } from "./suggest";

/** The services lessons may call: the tutorial is about S3, with IAM and STS for roles and identities. */
export const ALLOWED_SERVICES = ["s3", "iam", "sts", "s3control"] as const;
export type AllowedService = (typeof ALLOWED_SERVICES)[number];

/** Whether the AWS SDK client for `service` has `<operation>Command`. Supplied by the CLI so content never loads the SDK. */
export type OperationExists = (service: AllowedService, operation: string) => boolean;

/** `s3:CreateBucket` → { service: "s3", operation: "CreateBucket" }; undefined if it is not of that shape. */
export const parseCall = (call: string): { service: string; operation: string } | undefined => {
  const match = /^([A-Za-z0-9-]+):([A-Za-z0-9]+)$/.exec(call.trim());
  return match ? { service: match[1]!, operation: match[2]! } : undefined;
};

const isAllowed = (service: string): service is AllowedService => (ALLOWED_SERVICES as readonly string[]).includes(service);

// Likely slips when naming an operation: lower-case first letter, the SDK's class name, a plural.
const variantsOf = (operation: string) => {
  const capitalised = operation.charAt(0).toUpperCase() + operation.slice(1);
  return [capitalised, capitalised.replace(/Command$/, ""), capitalised.replace(/s$/, ""), `${capitalised}s`];
};

/** What is wrong with a `call:` value, in words, or undefined when it names an operation we can run. */
export const callProblem = (call: string, operationExists?: OperationExists): string | undefined => {
  const parsed = parseCall(call);
  if (!parsed) return `"${call}" is not service:Operation, such as "s3:CreateBucket"`;
  const { service, operation } = parsed;
  if (!isAllowed(service)) {
    return `"${service}" is not a service lessons may call: use ${listOf(ALLOWED_SERVICES)}${didYouMean(service, ALLOWED_SERVICES)}`;
  }
  if (!operationExists || operationExists(service, operation)) return undefined;
  const suggestion = variantsOf(operation).find((variant) => variant !== operation && operationExists(service, variant));
  return `the ${service.toUpperCase()} SDK has no operation "${operation}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
};
