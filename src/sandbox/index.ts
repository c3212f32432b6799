/**
 * The embedded S3/IAM/STS sandbox: a real HTTP server in this process that behaves as AWS does
 * for what the lessons use. Depends on nothing else in src/ but the policy language (src/policy).
 */
export { startSandbox, DEFAULT_MAX_BODY_BYTES } from "./server";
export type { Sandbox, SandboxOptions, RequestLogEntry } from "./server";
export type { SandboxBucketView, SandboxMrapView } from "./world/world-view";
export { SandboxDataDirInUseError, SandboxDataError } from "./persist/errors";
export { DEFAULT_MAX_STORED_BYTES, MAX_STORAGE_ENV, parseByteSize, StorageCapError } from "./blobs/storage-cap";
export { acquireDataDirLock, liveLockHolder as dataDirHolder, LOCK_FILE as DATA_DIR_LOCK_FILE } from "./persist/lock";
export type { DataDirLock, LockHolder as DataDirHolder } from "./persist/lock";
export { probeSandbox, SANDBOX_HEALTH_PATH } from "./probe";
export type { SandboxHealth, SandboxProbe } from "./probe";
export { DEFAULT_REPLICATION_DELAY } from "./replication/worker";
export type { ReplicationDelay, ReplicationEvent } from "./replication/worker";
export {
  accountForAccessKey,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCOUNT_ID,
  SANDBOX_SECRET_ACCESS_KEY,
} from "./auth/identity";
export type { AccessKey, CredentialLookup } from "./auth/identity";
