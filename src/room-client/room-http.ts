import type { RoomErrorBody, RoomErrorCode } from "../room/protocol";

/** One request to the room API, JSON both ways; network failures and refusals become errors that say which. */

/** Nothing answered at the address (refused, timed out, no such host). */
export class RoomUnreachable extends Error {
  constructor(
    readonly baseUrl: string,
    readonly code: string,
  ) {
    super(`nothing answered at ${baseUrl} (${code})`);
    this.name = "RoomUnreachable";
  }
}

/** The room answered with one of its refusals (or with something that is not the room at all: code undefined). */
export class RoomRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: RoomErrorCode | undefined,
    message: string,
  ) {
    super(message);
    this.name = "RoomRefusal";
  }
}

export interface RoomRequest {
  method?: "GET" | "POST";
  body?: unknown;
  token?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export const authorization = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Fetches `path` of the room; resolves with its JSON body on 2xx, else throws RoomRefusal or RoomUnreachable. */
export const roomRequest = async <T>(baseUrl: string, path: string, request: RoomRequest = {}): Promise<T> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      method: request.method ?? "GET",
      headers: { ...authorization(request.token), ...(request.body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal,
    });
  } catch (error) {
    clearTimeout(timer);
    throw new RoomUnreachable(baseUrl, networkCode(error));
  }
  try {
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return body as T;
    const refusal = (body as Partial<RoomErrorBody> | undefined)?.error;
    if (refusal && typeof refusal.code === "string") throw new RoomRefusal(response.status, refusal.code, String(refusal.message ?? ""));
    throw new RoomRefusal(response.status, undefined, `HTTP ${response.status}`);
  } catch (error) {
    if (error instanceof RoomRefusal) throw error;
    if (controller.signal.aborted) throw new RoomUnreachable(baseUrl, "ETIMEDOUT");
    // Not JSON: something else listens there.
    throw new RoomRefusal(response.status, undefined, `HTTP ${response.status}, not JSON`);
  } finally {
    clearTimeout(timer);
  }
};

/** The system's reason a request got no answer: ECONNREFUSED, ENOTFOUND, ETIMEDOUT... */
export const networkCode = (error: unknown): string => {
  const { name, cause } = error as { name?: string; cause?: { code?: string; errors?: Array<{ code?: string }> } };
  if (name === "TimeoutError" || name === "AbortError") return "ETIMEDOUT";
  return cause?.code ?? cause?.errors?.[0]?.code ?? "ECONNREFUSED";
};
