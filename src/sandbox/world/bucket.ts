import type { PolicyDocument } from "../../policy/document";
import type { ReplicationConfiguration } from "../replication/config";
import { BucketChanges } from "./changes";
import { ObjectStore, type VersioningState } from "./object-store";
import type { Tag } from "./versions";

export type BucketNamespace = "global" | "account-regional";

/** A lifecycle configuration as stored: the validated rules, echoed back by GetBucketLifecycleConfiguration. */
export interface LifecycleConfiguration {
  rules: unknown[];
}

export interface BucketPolicy {
  /** The policy exactly as the owner sent it; GetBucketPolicy returns it unchanged. */
  text: string;
  document: PolicyDocument;
}

/** A general purpose bucket: where it lives, who owns it, its configuration and its objects. */
export interface Bucket {
  readonly name: string;
  readonly owner: string;
  readonly region: string;
  /** What GetBucketLocation answers: "" for us-east-1, "EU" for legacy eu-west-1 buckets, else the region. */
  readonly locationConstraint: string;
  readonly namespace: BucketNamespace;
  readonly createdAt: Date;
  versioning: VersioningState;
  tags?: Tag[];
  policy?: BucketPolicy;
  lifecycle?: LifecycleConfiguration;
  replication?: ReplicationConfiguration;
  /** Created with Object Lock, which keeps versioning on for good. */
  objectLock?: boolean;
  /**
   * Configurations that other sandbox modules own (replication, ...), by sub-resource name.
   * Keeping them here means a bucket is deleted with all of its configuration.
   */
  readonly configurations: Map<string, unknown>;
  readonly objects: ObjectStore;
  /** Which keys and uploads changed, for persistence (records nothing in an in-memory sandbox). */
  readonly changes: BucketChanges;
}

/** The fields a bucket is created with; the rest starts empty. */
export type BucketIdentity = Omit<Bucket, "versioning" | "configurations" | "objects" | "changes">;

export const newBucket = (fields: BucketIdentity): Bucket => {
  const changes = new BucketChanges();
  return { ...fields, versioning: "Unversioned", configurations: new Map(), objects: new ObjectStore(changes), changes };
};

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;

export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;
