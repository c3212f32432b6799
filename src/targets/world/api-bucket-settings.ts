import { regionOfLocation } from "../regions";
import { describeFault, faultOf } from "../sdk-faults";
import type { AwsClient, Target } from "../target";
import type { ListedBucket } from "./api-bucket-list";
import type { WorldBucket } from "./world-snapshot";

/** A bucket's place and settings: what the panel draws before any object is read. */
export interface BucketSettings {
  region: string;
  versioning: WorldBucket["versioning"];
  rules: { rule: string; enabled: boolean; to: string }[];
}

interface ReplicationRuleOutput {
  ID?: string;
  Status?: string;
  Destination?: { Bucket?: string };
}

const BUCKET_ARN = "arn:aws:s3:::";

/** GetBucketLocation answers in any Region; an empty LocationConstraint is us-east-1, "EU" eu-west-1. */
const readRegion = async (target: Target, bucket: ListedBucket): Promise<string> => {
  if (bucket.region) return bucket.region;
  const { GetBucketLocationCommand } = await import("@aws-sdk/client-s3");
  const s3 = await target.client("s3", bucket.identity, target.region);
  const answer = (await s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }))) as { LocationConstraint?: string };
  return regionOfLocation(answer.LocationConstraint);
};

const readVersioning = async (s3: AwsClient, bucket: string): Promise<WorldBucket["versioning"]> => {
  const { GetBucketVersioningCommand } = await import("@aws-sdk/client-s3");
  const answer = (await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))) as { Status?: string };
  return answer.Status === "Enabled" || answer.Status === "Suspended" ? answer.Status : "Unversioned";
};

const NO_REPLICATION = new Set(["ReplicationConfigurationNotFoundError", "NoSuchReplicationConfiguration"]);

const readRules = async (s3: AwsClient, bucket: string): Promise<BucketSettings["rules"]> => {
  const { GetBucketReplicationCommand } = await import("@aws-sdk/client-s3");
  try {
    const answer = (await s3.send(new GetBucketReplicationCommand({ Bucket: bucket }))) as {
      ReplicationConfiguration?: { Rules?: ReplicationRuleOutput[] };
    };
    return (answer.ReplicationConfiguration?.Rules ?? []).map((rule, index) => ({
      rule: rule.ID ?? `rule ${index + 1}`,
      enabled: rule.Status === "Enabled",
      to: (rule.Destination?.Bucket ?? "?").replace(BUCKET_ARN, ""),
    }));
  } catch (error) {
    if (NO_REPLICATION.has(faultOf(error).code)) return [];
    throw error;
  }
};

/**
 * Region, versioning and replication rules of one bucket, each read with the owner's client in
 * the bucket's Region. A refused read becomes a line in `unseen` and a plain default; without a
 * Region the bucket cannot be placed, so it is left out (and said so).
 */
export const readBucketSettings = async (target: Target, bucket: ListedBucket, unseen: string[]): Promise<BucketSettings | undefined> => {
  let region: string;
  try {
    region = await readRegion(target, bucket);
  } catch (error) {
    unseen.push(`${bucket.name}: not drawn, its Region could not be read (GetBucketLocation: ${describeFault(error)}).`);
    return undefined;
  }
  const s3 = await target.client("s3", bucket.identity, region);
  const [versioning, rules] = await Promise.all([
    readVersioning(s3, bucket.name).catch((error: unknown) => {
      unseen.push(`${bucket.name}: versioning not read (${describeFault(error)}).`);
      return "Unversioned" as const;
    }),
    readRules(s3, bucket.name).catch((error: unknown) => {
      unseen.push(`${bucket.name}: replication rules not read (${describeFault(error)}).`);
      return [];
    }),
  ]);
  return { region, versioning, rules };
};
