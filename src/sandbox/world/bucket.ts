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

/** The secure defaults of every bucket created since April 2023 (s3-facts.md §6). */
export interface DefaultEncryption {
  sseAlgorithm: "AES256";
  bucketKeyEnabled: boolean;
}

// A type, not an interface, so it goes into an XML document as it is (a bucket's, an MRAP's).
export type PublicAccessBlock = {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
};

export const OBJECT_OWNERSHIPS = ["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"] as const;
export type ObjectOwnership = (typeof OBJECT_OWNERSHIPS)[number];

export const SSE_S3_DEFAULT: DefaultEncryption = { sseAlgorithm: "AES256", bucketKeyEnabled: false };

export const allPublicAccessBlocked = (): PublicAccessBlock => ({
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
});

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
  /** Default encryption for new objects: SSE-S3 unless changed; deleting it reverts to SSE-S3, as on AWS. */
  defaultEncryption: DefaultEncryption;
  /** The bucket's Block Public Access settings; all on for a new bucket, null once deleted. */
  publicAccessBlock: PublicAccessBlock | null;
  /** Object Ownership; BucketOwnerEnforced (ACLs disabled) for a new bucket, null once deleted. */
  objectOwnership: ObjectOwnership | null;
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
export type BucketIdentity = Omit<
  Bucket,
  "versioning" | "configurations" | "objects" | "changes" | "defaultEncryption" | "publicAccessBlock" | "objectOwnership"
>;

export const newBucket = (fields: BucketIdentity): Bucket => {
  const changes = new BucketChanges();
  return {
    ...fields,
    versioning: "Unversioned",
    // Buckets loaded from data written before these settings existed get them too: they were made with them.
    defaultEncryption: { ...SSE_S3_DEFAULT },
    publicAccessBlock: allPublicAccessBlocked(),
    objectOwnership: "BucketOwnerEnforced",
    configurations: new Map(),
    objects: new ObjectStore(changes),
    changes,
  };
};

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;

export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;
