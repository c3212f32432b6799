/** Reading the errors the AWS SDK throws without importing it. */

export interface Fault {
  /** The service's error code (NoSuchBucket, NoSuchEntity, ...), else the error's name. */
  code: string;
  status?: number;
  message: string;
}

export const faultOf = (error: unknown): Fault => {
  const shaped = (error ?? {}) as { Code?: unknown; name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const code = typeof shaped.Code === "string" ? shaped.Code : typeof shaped.name === "string" ? shaped.name : "Error";
  const message = typeof shaped.message === "string" ? shaped.message : String(error);
  return { code, status: shaped.$metadata?.httpStatusCode, message };
};

/** "NoSuchBucket: The specified bucket does not exist" — code and message, never a stack. */
export const describeFault = (error: unknown): string => {
  const fault = faultOf(error);
  return fault.message && fault.message !== fault.code ? `${fault.code}: ${fault.message}` : fault.code;
};

/** The resource (or the configuration asked about) is not there: nothing to remove. */
export const isAbsent = (error: unknown): boolean => {
  const { code } = faultOf(error);
  return code.startsWith("NoSuch") || code === "NotFound" || code === "ReplicationConfigurationNotFoundError";
};

/** The endpoint does not offer this operation (the sandbox answers 501 for some). */
export const isNotImplemented = (error: unknown): boolean => {
  const { code, status } = faultOf(error);
  return code === "NotImplemented" || code === "InvalidAction" || status === 501;
};

/** Runs `work`, treating "not there" and "not offered" as nothing to do. */
export const unlessAbsent = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await work();
  } catch (error) {
    if (isAbsent(error) || isNotImplemented(error)) return undefined;
    throw error;
  }
};
