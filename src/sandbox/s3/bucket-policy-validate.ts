import { ServiceError } from "../errors";
import { parsePolicy, type PolicyDocument, type PolicyProblem, type Principals, type Statement } from "../../policy/document";
import { measureJson } from "../../policy/json-measure";
import { wildcardMatch } from "../../policy/wildcard";
import { bucketArn } from "../world/bucket";
import type { World } from "../world/world";

/**
 * What S3 checks in a bucket policy before it stores it, with S3's MalformedPolicy messages.
 * The grammar shared with IAM lives in policy/document.ts; what is particular to a bucket
 * policy (a Principal is required, resources must be this bucket, actions must be S3's) is here.
 */

/** "Bucket policies are limited to 20 KB in size" (S3 user guide). */
export const MAX_POLICY_BYTES = 20 * 1024;

export const malformedPolicy = (message: string) => new ServiceError("MalformedPolicy", 400, message);

const INVALID_PRINCIPAL = "Invalid principal in policy";
const INVALID_ACTION = "Policy has invalid action";
const INVALID_RESOURCE = "Policy has invalid resource";

/** Parses and checks a PutBucketPolicy body; throws MalformedPolicy with S3's wording. */
export const validateBucketPolicy = (text: string, bucket: string, world: World): PolicyDocument => {
  checkJson(text);
  // S3 counts the document without insignificant whitespace, so pretty-printing is free.
  if (measureJson(text).compactBytes > MAX_POLICY_BYTES) {
    throw malformedPolicy("Policy exceeds the maximum allowed document size.");
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw malformedPolicy(problemMessage(parsed.problem));
  for (const statement of parsed.document.statements) checkStatement(statement, bucket, world);
  return parsed.document;
};

const checkJson = (text: string): void => {
  const notJson = () => malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  if (!text.startsWith("{")) throw notJson();
  try {
    const raw: unknown = JSON.parse(text);
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return;
  } catch {
    // fall through: S3 answers text that opens with '{' but does not parse in other words
  }
  throw malformedPolicy("This policy contains invalid Json");
};

const problemMessage = (problem: PolicyProblem): string => {
  switch (problem.kind) {
    case "json":
      return "This policy contains invalid Json";
    case "version":
      return "The policy must contain a valid version string";
    case "empty":
      return "Could not parse the policy: Statement is empty!";
    case "unknownElement":
      return `Unknown field ${problem.name}`;
    case "missing":
      return `Missing required field ${problem.field}`;
    case "effect":
      return `Invalid effect: ${problem.value}`;
    case "principal":
      return INVALID_PRINCIPAL;
    case "syntax":
      if (/^(Not)?Action\b/.test(problem.detail)) return INVALID_ACTION;
      if (/^(Not)?Resource\b/.test(problem.detail)) return INVALID_RESOURCE;
      return "This policy contains invalid Json";
  }
};

const checkStatement = (statement: Statement, bucket: string, world: World): void => {
  const principals = statement.principal ?? statement.notPrincipal;
  if (!principals) throw malformedPolicy("Missing required field Principal");
  const resources = statement.resource ?? statement.notResource;
  if (!resources) throw malformedPolicy("Missing required field Resource");
  checkPrincipals(principals, world);
  const actions = statement.action ?? statement.notAction ?? [];
  if (actions.length === 0 || !actions.every(isS3Action)) throw malformedPolicy(INVALID_ACTION);
  if (resources.length === 0 || !resources.every((resource) => isOfBucket(resource, bucket))) {
    throw malformedPolicy(INVALID_RESOURCE);
  }
  if (statement.action && statement.resource) checkActionsApply(statement.action, statement.resource);
};

/** "s3:GetObject", "s3:Get*", "s3:*" or "*"; the service prefix is case-insensitive as in IAM. */
const isS3Action = (action: string): boolean => action === "*" || /^s3:[A-Za-z*?]+$/i.test(action);

/** A bucket policy may only name its own bucket and the objects in it. */
const isOfBucket = (resource: string, bucket: string): boolean => {
  const arn = bucketArn(bucket);
  return resource === arn || resource.startsWith(`${arn}/`);
};

const checkPrincipals = (principals: Principals, world: World): void => {
  const valid =
    principals.aws.every((entry) => isAwsPrincipal(entry, world)) &&
    principals.service.every((entry) => /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(entry)) &&
    principals.canonicalUser.every((entry) => /^[0-9a-f]{64}$/.test(entry)) &&
    // Federated principals belong in role trust policies, not bucket policies.
    principals.federated.length === 0 &&
    (principals.everyone || principals.aws.length + principals.service.length + principals.canonicalUser.length > 0);
  if (!valid) throw malformedPolicy(INVALID_PRINCIPAL);
};

const ACCOUNT = /^\d{12}$/;
const ROOT = /^arn:aws:iam::\d{12}:root$/;
const NAME = "[\\w+=,.@-]+";
const USER = new RegExp(`^arn:aws:iam::\\d{12}:user/(${NAME}/)*${NAME}$`);
const ROLE = new RegExp(`^arn:aws:iam::(\\d{12}):role/((?:${NAME}/)*)(${NAME})$`);
const ASSUMED_ROLE = new RegExp(`^arn:aws:sts::(\\d{12}):assumed-role/(${NAME})/${NAME}$`);

/**
 * S3 resolves every named principal when the policy is stored, so a role that does not exist
 * is refused. The sandbox has no IAM users, so a user ARN is only checked for its shape.
 */
const isAwsPrincipal = (entry: string, world: World): boolean => {
  if (ACCOUNT.test(entry) || ROOT.test(entry) || USER.test(entry)) return true;
  const role = ROLE.exec(entry);
  if (role) {
    const found = world.account(role[1] ?? "").role(role[3] ?? "");
    return found !== undefined && found.path === `/${role[2] ?? ""}`;
  }
  const session = ASSUMED_ROLE.exec(entry);
  if (session) return world.account(session[1] ?? "").role(session[2] ?? "") !== undefined;
  return false;
};

/**
 * S3 refuses a statement whose actions apply to none of its resources (s3:GetObject on the
 * bucket ARN alone is the classic mistake). Actions this table does not know pass.
 */
const OBJECT_ACTIONS = `AbortMultipartUpload DeleteObject DeleteObjectTagging DeleteObjectVersion
  DeleteObjectVersionTagging GetObject GetObjectAcl GetObjectAttributes GetObjectLegalHold GetObjectRetention
  GetObjectTagging GetObjectTorrent GetObjectVersion GetObjectVersionAcl GetObjectVersionAttributes
  GetObjectVersionForReplication GetObjectVersionTagging GetObjectVersionTorrent ListMultipartUploadParts
  PutObject PutObjectAcl PutObjectLegalHold PutObjectRetention PutObjectTagging PutObjectVersionAcl
  PutObjectVersionTagging ReplicateDelete ReplicateObject ReplicateTags RestoreObject`;

const BUCKET_ACTIONS = `CreateBucket DeleteBucket DeleteBucketPolicy DeleteBucketWebsite GetAccelerateConfiguration
  GetBucketAcl GetBucketCORS GetBucketLocation GetBucketLogging GetBucketNotification GetBucketObjectLockConfiguration
  GetBucketOwnershipControls GetBucketPolicy GetBucketPolicyStatus GetBucketPublicAccessBlock GetBucketRequestPayment
  GetBucketTagging GetBucketVersioning GetBucketWebsite GetEncryptionConfiguration GetLifecycleConfiguration
  GetReplicationConfiguration ListBucket ListBucketMultipartUploads ListBucketVersions PutAccelerateConfiguration
  PutBucketAcl PutBucketCORS PutBucketLogging PutBucketNotification PutBucketObjectLockConfiguration
  PutBucketOwnershipControls PutBucketPolicy PutBucketPublicAccessBlock PutBucketRequestPayment PutBucketTagging
  PutBucketVersioning PutBucketWebsite PutEncryptionConfiguration PutLifecycleConfiguration
  PutReplicationConfiguration`;

const ACTION_KINDS: ReadonlyArray<readonly [string, "object" | "bucket"]> = [
  ...OBJECT_ACTIONS.split(/\s+/).map((name) => [`s3:${name}`, "object"] as const),
  ...BUCKET_ACTIONS.split(/\s+/).map((name) => [`s3:${name}`, "bucket"] as const),
];

const checkActionsApply = (actions: string[], resources: string[]): void => {
  const kinds = new Set(resources.map((resource) => (resource.includes("/") ? "object" : "bucket")));
  for (const action of actions) {
    const matching = ACTION_KINDS.filter(([name]) => wildcardMatch(action, name, true));
    if (matching.length > 0 && !matching.some(([, kind]) => kinds.has(kind))) {
      throw malformedPolicy("Action does not apply to any resource(s) in statement");
    }
  }
};
