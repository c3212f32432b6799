import type { Caller } from "../auth/identity";
import type { BlobStore } from "../blobs/blob-store";
import type { SandboxRequest, SandboxResponse } from "../http/exchange";
import type { ChecksumAlgorithm } from "../world/versions";
import type { World } from "../world/world";

/** One S3 request on its way through a handler. */
export interface S3Call {
  world: World;
  request: SandboxRequest;
  caller: Caller;
  operation: string;
  bucket: string;
  key: string;
  /** The request body's Content-MD5 and x-amz-checksum-* values, already verified against it. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  storage: S3Storage;
}

/** Where uploaded bytes go, and how large one upload may be. */
export interface S3Storage {
  blobs: BlobStore;
  /** The largest PutObject or UploadPart body (5 GiB on AWS). */
  maxUploadBytes: number;
}

export type S3Handler = (call: S3Call) => SandboxResponse | Promise<SandboxResponse>;

export const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
