import { randomBytes } from "node:crypto";
import type { ObjectBody } from "./body";
import type { Bucket } from "./bucket";
import { BucketChanges } from "./changes";
import { SortedKeys } from "./sorted-keys";
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
  /** Each key's uploads by initiation time, and the keys in S3's order: what ListMultipartUploads walks. */
  private readonly byKey = new Map<string, MultipartUpload[]>();
  private readonly keys = new SortedKeys();

  constructor(private readonly changes: BucketChanges = new BucketChanges()) {}

  start(plan: UploadPlan, now: Date): MultipartUpload {
    const upload: MultipartUpload = { ...plan, uploadId: newUploadId(), initiated: now, parts: new Map() };
    this.add(upload);
    this.changes.upload(upload.uploadId);
    return upload;
  }

  /** The upload with this id, whatever its key (persistence looks uploads up by id). */
  byUploadId(uploadId: string): MultipartUpload | undefined {
    return this.byId.get(uploadId);
  }

  /** Puts back an upload as persistence kept it; nothing is recorded. */
  restore(upload: MultipartUpload): void {
    this.add(upload);
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
    this.remove(upload.uploadId);
    this.changes.upload(upload.uploadId);
  }

  /** Uploads as ListMultipartUploads lists them: by key, then by initiation time. */
  inProgress(): MultipartUpload[] {
    return [...this.keys.from()].flatMap((key) => this.uploadsOf(key));
  }

  /** Keys with uploads in S3's order, from the first for which `before` is false (see SortedKeys.from). */
  keysInOrder(before?: (key: string) => boolean): Generator<string, void, undefined> {
    return this.keys.from(before);
  }

  /** A key's uploads, oldest first. */
  uploadsOf(key: string): readonly MultipartUpload[] {
    return this.byKey.get(key) ?? [];
  }

  private remove(uploadId: string): void {
    const upload = this.byId.get(uploadId);
    if (!upload) return;
    this.byId.delete(uploadId);
    const uploads = this.byKey.get(upload.key) ?? [];
    uploads.splice(uploads.indexOf(upload), 1);
    if (uploads.length === 0) {
      this.byKey.delete(upload.key);
      this.keys.delete(upload.key);
    }
  }

  private add(upload: MultipartUpload): void {
    this.remove(upload.uploadId);
    this.byId.set(upload.uploadId, upload);
    const uploads = this.byKey.get(upload.key);
    if (!uploads) {
      this.byKey.set(upload.key, [upload]);
      this.keys.add(upload.key);
      return;
    }
    // After every upload initiated at the same time or earlier, as a stable sort would place it.
    let at = uploads.length;
    while (at > 0 && uploads[at - 1]!.initiated.getTime() > upload.initiated.getTime()) at--;
    uploads.splice(at, 0, upload);
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

/**
 * Upload ids are long opaque URL-safe tokens on S3. None starts with "-": pasted after
 * `--upload-id`, the AWS CLI would take it for an option and stop with a usage error.
 */
const newUploadId = (): string => {
  const id = randomBytes(48).toString("base64url");
  return id.startsWith("-") ? `A${id.slice(1)}` : id;
};
