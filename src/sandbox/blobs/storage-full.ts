import { ServiceError } from "../errors";

/**
 * The sandbox's own limit on the bytes it keeps (AWS has none). Told as EntityTooLarge, 400: the
 * code an SDK user already handles for "this upload is too big", not retried as a 5xx would
 * be, with a message that says it is the sandbox's cap and how to raise it.
 */
export const storageFull = (maxStoredBytes: number, usedBytes: number, proposed: number) =>
  new ServiceError(
    "EntityTooLarge",
    400,
    `The sandbox's storage cap is reached: it keeps at most ${formatBytes(maxStoredBytes)} of object data and holds ` +
      `${formatBytes(usedBytes)}. Delete objects or abort multipart uploads you no longer need, or start the sandbox ` +
      `with a larger cap (s3-tutor sandbox --max-storage, or S3_TUTOR_SANDBOX_MAX_STORAGE). AWS itself has no such limit.`,
    { ProposedSize: proposed, MaxSizeAllowed: Math.max(0, maxStoredBytes - usedBytes) },
  );

const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB"];

export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${UNITS[unit]}`;
};
