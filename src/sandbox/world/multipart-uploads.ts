import { randomBytes } from "node:crypto";
import type { ObjectBody } from "./body";
import type { Bucket } from "./bucket";
import { BucketChanges } from "./changes";
import { compareKeys } from "./object-store";
import type { ChecksumAlgorithm, StorageClass, Tag } from "./versions";

/** How S3 combines part checksums into the object's: a checksum of checksums, or of all the bytes. */
export type ChecksumType = "COMPOSITE" | "FULL_OBJECT";

/** One uploaded part, kept until the upload is completed or aborted. */
export interface UploadedPart {
  partNumber: number;
  body: ObjectBody;
  /** Quoted hex MD5 of the part. */
  etag: string;
  lastModified: Date;
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/** What CreateMultipartUpload fixed for the object the upload will become. */
export interface UploadPlan {
  key: string;
  initiator: string;
  contentType: string;
  contentHeaders: Record<string, string>;
  metadata: Record<string, string>;
  tags: Tag[];
  storageClass: StorageClass;
  checksum?: { algorithm: ChecksumAlgorithm; type: ChecksumType };
  /**
   * The key's current object when the upload began (absent when there was none, or a delete
   * marker): a conditional Complete answers 409 when the key changed since.
   */
  currentAtStart?: ObjectIdentity;
}

/** Enough of a stored object to tell whether it is still the same one. */
export interface ObjectIdentity {
  versionId: string;
  etag: string;
  lastModified: Date;
}

export interface MultipartUpload extends UploadPlan {
  uploadId: string;
  initiated: Date;
  parts: Map<number, UploadedPart>;
}

/**
 * The multipart uploads in progress in one bucket. A key may have several at once; each is
 * independent until it is completed (it becomes an object version) or aborted.
 */
export class MultipartUploads {
  private readonly byId = new Map<string, MultipartUpload>();

  constructor(private readonly changes: BucketChanges = new BucketChanges()) {}

  start(plan: UploadPlan, now: Date): MultipartUpload {
    const upload: MultipartUpload = { ...plan, uploadId: newUploadId(), initiated: now, parts: new Map() };
    this.byId.set(upload.uploadId, upload);
    this.changes.upload(upload.uploadId);
    return upload;
  }

  /** The upload with this id, whatever its key (persistence looks uploads up by id). */
  byUploadId(uploadId: string): MultipartUpload | undefined {
    return this.byId.get(uploadId);
  }

  /** Puts back an upload as persistence kept it; nothing is recorded. */
  restore(upload: MultipartUpload): void {
    this.byId.set(upload.uploadId, upload);
  }

  /** The upload with this id for this key; an id used with another key does not exist. */
  find(key: string, uploadId: string): MultipartUpload | undefined {
    const upload = this.byId.get(uploadId);
    return upload?.key === key ? upload : undefined;
  }

  /** Stores a part, replacing an earlier upload of the same part number. */
  putPart(upload: MultipartUpload, part: UploadedPart): void {
    upload.parts.set(part.partNumber, part);
    this.changes.upload(upload.uploadId);
  }

  end(upload: MultipartUpload): void {
    this.byId.delete(upload.uploadId);
    this.changes.upload(upload.uploadId);
  }

  /** Uploads sorted as ListMultipartUploads lists them: by key, then by initiation time. */
  inProgress(): MultipartUpload[] {
    return [...this.byId.values()].sort(
      (a, b) => compareKeys(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime(),
    );
  }
}

/** The `?uploads` slot of a bucket's configurations: its uploads leave with the bucket. */
const SLOT = "uploads";

export const uploadsOf = (bucket: Bucket): MultipartUploads => {
  let uploads = bucket.configurations.get(SLOT);
  if (!(uploads instanceof MultipartUploads)) {
    uploads = new MultipartUploads(bucket.changes);
    bucket.configurations.set(SLOT, uploads);
  }
  return uploads as MultipartUploads;
};

/** Upload ids are long opaque URL-safe tokens on S3. */
const newUploadId = (): string => randomBytes(48).toString("base64url");
