import { parsePolicy } from "../../policy/document";
import { evaluatePolicy } from "../../policy/evaluate";
import { roleVerdict } from "../iam/role-permissions";
import { bucketArn, type Bucket } from "../world/bucket";
import type { Role } from "../world/account";
import type { DeleteMarker, StoredObject } from "../world/versions";
import type { World } from "../world/world";

/**
 * Whether S3, acting as the configuration's role, may replicate one version to one destination,
 * checked as AWS does at replication time. Returns why not, in words, or undefined if it may.
 * These are the permanent failures: replication marks the object FAILED and never retries.
 */

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/((?:[^/]+\/)*)([^/]+)$/;
const S3_SERVICE = "s3.amazonaws.com";

interface AssumedRole {
  arn: string;
  role: Role;
}

const findRole = (world: World, source: Bucket, roleArn: string): AssumedRole | string => {
  const match = ROLE_ARN.exec(roleArn);
  if (!match) return `role ${roleArn} is not an IAM role ARN`;
  const [, account = "", path = "", name = ""] = match;
  if (account !== source.owner) return `role ${roleArn} is not in the source bucket's account ${source.owner}`;
  const role = world.account(account).role(name);
  if (!role || role.path !== `/${path}`) return `role ${roleArn} does not exist`;
  return { arn: roleArn, role };
};

const trustsS3 = (role: Role, source: Bucket): boolean => {
  const parsed = parsePolicy(role.assumeRolePolicyDocument);
  return (
    parsed.ok &&
    evaluatePolicy(parsed.document, {
      principal: { service: S3_SERVICE },
      action: "sts:AssumeRole",
      resource: role.arn,
      context: { "aws:SourceAccount": source.owner, "aws:SourceArn": bucketArn(source.name) },
    }) === "Allow"
  );
};

/** The destination's bucket policy: another account's bucket must grant the role; a Deny refuses anyone. */
const destinationAllows = (destination: Bucket, source: Bucket, assumed: AssumedRole, action: string, resource: string): boolean => {
  const decision = destination.policy
    ? evaluatePolicy(destination.policy.document, {
        principal: { account: source.owner, arn: assumed.arn },
        action,
        resource,
        context: { "aws:PrincipalAccount": source.owner, "aws:PrincipalArn": assumed.arn },
      })
    : "NoMatch";
  if (decision === "Deny") return false;
  return destination.owner === source.owner || decision === "Allow";
};

export const replicationProblem = (
  world: World,
  source: Bucket,
  roleArn: string,
  destinationName: string,
  version: StoredObject | DeleteMarker,
): string | undefined => {
  const assumed = findRole(world, source, roleArn);
  if (typeof assumed === "string") return assumed;
  if (!trustsS3(assumed.role, source)) return `role ${assumed.role.name}'s trust policy does not let ${S3_SERVICE} assume it`;

  const sourceObject = `${bucketArn(source.name)}/${version.key}`;
  const destinationObjects = `${bucketArn(destinationName)}/*`;
  const destinationObject = `${bucketArn(destinationName)}/${version.key}`;
  const needs: Array<[action: string, resource: string, shown: string]> =
    version.kind === "deleteMarker"
      ? [["s3:ReplicateDelete", destinationObject, destinationObjects]]
      : [
          ["s3:GetObjectVersionForReplication", sourceObject, `${bucketArn(source.name)}/*`],
          ...(version.tags.length > 0
            ? ([
                ["s3:GetObjectVersionTagging", sourceObject, `${bucketArn(source.name)}/*`],
                ["s3:ReplicateTags", destinationObject, destinationObjects],
              ] as Array<[string, string, string]>)
            : []),
          ["s3:ReplicateObject", destinationObject, destinationObjects],
        ];
  for (const [action, resource, shown] of needs) {
    // The role's inline policies together, exactly as iam:SimulatePrincipalPolicy evaluates them.
    if (roleVerdict(assumed.role, { action, resource }).decision !== "allowed") return `role lacks ${action} on ${shown}`;
  }

  const destination = world.bucket(destinationName);
  if (!destination) return `destination bucket ${destinationName} does not exist`;
  if (destination.versioning !== "Enabled") {
    return `destination bucket ${destinationName} has versioning ${destination.versioning === "Suspended" ? "suspended" : "off"}`;
  }
  const action = version.kind === "deleteMarker" ? "s3:ReplicateDelete" : "s3:ReplicateObject";
  if (!destinationAllows(destination, source, assumed, action, destinationObject)) {
    return `destination bucket ${destinationName} (account ${destination.owner}) does not grant ${roleArn} ${action} in its bucket policy`;
  }
  return undefined;
};
