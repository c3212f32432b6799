import { fileURLToPath } from "node:url";
import type * as Sandbox from "../sandbox/index";
import { chunkLoader } from "./chunk-loader";

/**
 * dist/sandbox.js, the package's `s3-tutor/sandbox` export: the sandbox's chunk, loaded the way the
 * command loads it (src/bundle/chunk-loader.ts), without a code cache of its own. Its names are
 * those of src/sandbox/index.ts (a test compares them).
 */
const sandbox = (await chunkLoader().load(fileURLToPath(new URL("./chunks/sandbox.js", import.meta.url)))) as typeof Sandbox;

export const {
  startSandbox,
  DEFAULT_MAX_BODY_BYTES,
  SandboxDataDirInUseError,
  SandboxDataError,
  DEFAULT_MAX_STORED_BYTES,
  MAX_STORAGE_ENV,
  parseByteSize,
  StorageCapError,
  acquireDataDirLock,
  dataDirHolder,
  DATA_DIR_LOCK_FILE,
  probeSandbox,
  SANDBOX_HEALTH_PATH,
  DEFAULT_REPLICATION_DELAY,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCOUNT_ID,
  SANDBOX_SECRET_ACCESS_KEY,
  accountForAccessKey,
} = sandbox;
