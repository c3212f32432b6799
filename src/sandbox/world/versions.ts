import { randomBytes } from "node:crypto";
import type { ObjectBody } from "./body";

export type Tag = { Key: string; Value: string };

export type StorageClass = string;
export type ReplicationStatus = "PENDING" | "COMPLETED" | "FAILED" | "REPLICA";
export type ChecksumAlgorithm = "CRC32" | "CRC32C" | "SHA1" | "SHA256" | "CRC64NVME";

/** The bytes and attributes of one object version. */
export interface ObjectData {
  body: ObjectBody;
  /** Quoted hex MD5, as S3 returns it. */
  etag: string;
  contentType: string;
  /** Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires. */
  contentHeaders: Record<string, string>;
  /** User metadata without the x-amz-meta- prefix, names lower-cased. */
  metadata: Record<string, string>;
  tags: Tag[];
  storageClass: StorageClass;
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  replicationStatus?: ReplicationStatus;
  /** Why replication of this version FAILED, in words (the sandbox shows it; AWS does not). */
  replicationFailure?: string;
}

/** Copies replication still has to make of a version; kept so a restarted sandbox carries on. */
export interface ReplicationProgress {
  /** Destination buckets not yet copied to. */
  remaining: string[];
  /** A copy already failed, so the version ends FAILED. */
  failed: boolean;
}

export interface StoredObject extends ObjectData {
  kind: "object";
  key: string;
  versionId: string;
  lastModified: Date;
  replicationProgress?: ReplicationProgress;
}

export interface DeleteMarker {
  kind: "deleteMarker";
  key: string;
  versionId: string;
  lastModified: Date;
  /** Put here by replication: never replicated again (no chaining). */
  replica?: boolean;
  replicationProgress?: ReplicationProgress;
}

export type ObjectVersion = StoredObject | DeleteMarker;

/** The version id of objects written while versioning was never enabled, or suspended. */
export const NULL_VERSION = "null";

const VERSION_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

/** A 32-character opaque version id in the alphabet S3 uses. */
export const newVersionId = (): string =>
  Array.from(randomBytes(32), (byte) => VERSION_ALPHABET[byte % VERSION_ALPHABET.length]).join("");
