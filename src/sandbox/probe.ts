/**
 * How a client tells an s3-tutor sandbox from anything else listening on a port: the sandbox
 * answers GET SANDBOX_HEALTH_PATH (no signature needed) with who it is. The path names no
 * bucket a learner could create (bucket names have no underscore).
 */
export const SANDBOX_HEALTH_PATH = "/_s3-tutor/sandbox";

export interface SandboxHealth {
  service: "s3-tutor-sandbox";
  /** The process serving it. */
  pid: number;
  /** Whether it keeps its world in a data directory. */
  persistent: boolean;
  /** How long its replication waits, in ms or a [min, max] range (absent when chosen per bucket by code). */
  replicationDelay?: number | readonly [number, number];
}

export type SandboxProbe =
  | { kind: "sandbox"; health: SandboxHealth }
  /** Something answered, but not as a sandbox (LocalStack, another server). */
  | { kind: "other"; status: number }
  /** Nothing answered: ECONNREFUSED, ETIMEDOUT, ENOTFOUND, ... */
  | { kind: "unreachable"; code: string };

const isHealth = (value: unknown): value is SandboxHealth =>
  typeof value === "object" && value !== null && (value as SandboxHealth).service === "s3-tutor-sandbox" && Number.isInteger((value as SandboxHealth).pid);

/** Asks `endpoint` whether it is a sandbox; never throws. */
export const probeSandbox = async (endpoint: string, timeoutMs = 2000): Promise<SandboxProbe> => {
  let url: URL;
  try {
    url = new URL(SANDBOX_HEALTH_PATH, endpoint);
  } catch {
    return { kind: "unreachable", code: "EINVAL" };
  }
  // A timer of our own rather than AbortSignal.timeout, whose timer outlives a quick answer.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok && isHealth(body) ? { kind: "sandbox", health: body } : { kind: "other", status: response.status };
  } catch (error) {
    const { name, cause } = error as { name?: string; cause?: { code?: string; errors?: Array<{ code?: string }> } };
    if (name === "TimeoutError" || name === "AbortError") return { kind: "unreachable", code: "ETIMEDOUT" };
    return { kind: "unreachable", code: cause?.code ?? cause?.errors?.[0]?.code ?? "ECONNREFUSED" };
  } finally {
    clearTimeout(timer);
  }
};
