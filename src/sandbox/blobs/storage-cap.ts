/**
 * The sandbox's cap on stored object data. 20 GiB by default: room for the largest things AWS
 * allows one request to make (a 5 GiB PUT) and a 10 GiB multipart object at the same time,
 * while a runaway script cannot fill a learner's disk. S3_TUTOR_SANDBOX_MAX_STORAGE or
 * `s3-tutor sandbox --max-storage` change it.
 */
export const DEFAULT_MAX_STORED_BYTES = 20 * 1024 ** 3;
export const MAX_STORAGE_ENV = "S3_TUTOR_SANDBOX_MAX_STORAGE";

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
  t: 1000 ** 4,
  tb: 1000 ** 4,
  tib: 1024 ** 4,
};

/** "20GiB", "500 MB", "1073741824" as bytes; undefined when it is not a size. */
export const parseByteSize = (text: string): number | undefined => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
};

export class StorageCapError extends Error {}

export const maxStoredBytesFromEnvironment = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env[MAX_STORAGE_ENV];
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAX_STORED_BYTES;
  const bytes = parseByteSize(raw);
  if (bytes === undefined) {
    throw new StorageCapError(`${MAX_STORAGE_ENV}="${raw}" is not a size: write it as bytes or with a unit, such as 20GiB or 500MB.`);
  }
  return bytes;
};
