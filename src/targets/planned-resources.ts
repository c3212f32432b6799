import type { ResourceKind } from "./journal";
import type { PlannedCall } from "./target";

/** What the guard reasons about: the buckets and roles a call names. */

export interface NamedResource {
  kind: ResourceKind;
  name: string;
}

/** IAM's policy simulator only evaluates policies: it reads, though its names start with neither Get nor List. */
const IAM_READS = new Set(["SimulatePrincipalPolicy", "SimulateCustomPolicy"]);

/** Reads (Get*, List*, Head*, IAM's policy simulator) and every STS call change nothing. */
export const isMutating = (call: PlannedCall): boolean =>
  call.service !== "sts" && !/^(Get|List|Head)/.test(call.operation) && !(call.service === "iam" && IAM_READS.has(call.operation));

const CREATES: Record<string, ResourceKind> = { "s3:CreateBucket": "bucket", "iam:CreateRole": "role" };
const DELETES: Record<string, ResourceKind> = { "s3:DeleteBucket": "bucket", "iam:DeleteRole": "role" };

const nameOf = (call: PlannedCall, kind: ResourceKind): string | undefined => {
  const value = call.input[kind === "bucket" ? "Bucket" : "RoleName"];
  return typeof value === "string" && value !== "" ? value : undefined;
};

const resourceIn = (table: Record<string, ResourceKind>, call: PlannedCall): NamedResource | undefined => {
  const kind = table[`${call.service}:${call.operation}`];
  const name = kind && nameOf(call, kind);
  return kind && name ? { kind, name } : undefined;
};

/** The bucket or role this call creates, if it is a CreateBucket or CreateRole. */
export const createdResource = (call: PlannedCall): NamedResource | undefined => resourceIn(CREATES, call);

/** The bucket or role this call deletes, if it is a DeleteBucket or DeleteRole. */
export const deletedResource = (call: PlannedCall): NamedResource | undefined => resourceIn(DELETES, call);

/** "arn:aws:s3:::name" → "name". */
const bucketOfArn = (arn: unknown): string | undefined =>
  typeof arn === "string" ? /^arn:[^:]+:s3:::([^/]+)$/.exec(arn)?.[1] ?? arn : undefined;

/** Replication writes into its destination buckets, so they count as changed too. */
const replicationDestinations = (input: Record<string, unknown>): string[] => {
  const configuration = input.ReplicationConfiguration as { Rules?: { Destination?: { Bucket?: unknown } }[] } | undefined;
  return (configuration?.Rules ?? []).flatMap((rule) => bucketOfArn(rule?.Destination?.Bucket) ?? []);
};

/**
 * The buckets and roles a mutating call would change, or undefined when it names neither
 * (iam:CreateUser, a bucket-less S3 write): the guard cannot vouch for those.
 */
export const resourcesChanged = (call: PlannedCall): NamedResource[] | undefined => {
  if (call.service === "s3") {
    const bucket = nameOf(call, "bucket");
    if (!bucket) return undefined;
    return [{ kind: "bucket", name: bucket }, ...replicationDestinations(call.input).map((name) => ({ kind: "bucket" as const, name }))];
  }
  if (call.service === "iam") {
    const role = nameOf(call, "role");
    return role ? [{ kind: "role", name: role }] : undefined;
  }
  return [];
};

/** One line of the confirmation list: what this write will create or change. */
export const describeWrite = (call: PlannedCall): string => {
  const created = createdResource(call);
  if (created && call.expectsError) return `${call.service}:${call.operation} of ${created.kind} ${created.name} (expected to fail)`;
  if (created?.kind === "bucket") return `bucket ${created.name} in ${call.region}`;
  if (created?.kind === "role") return `IAM role ${created.name}`;
  const changed = resourcesChanged(call)?.[0];
  return `${call.service}:${call.operation}${changed ? ` on ${changed.kind} ${changed.name}` : ""}`;
};
