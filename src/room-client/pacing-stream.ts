import { ROOM_PATHS, type Pacing, type ParticipantView } from "../room/protocol";
import { Backoff, pause } from "./backoff";
import { authorization, networkCode, roomRequest, RoomRefusal, RoomUnreachable } from "./room-http";
import { SseParser } from "./sse-parser";

export interface PacingStreamOptions {
  baseUrl: string;
  token: string;
  /** The instructor changed the pacing (and on every (re)connection, from GET me). */
  onPacing: (pacing: Pacing) => void;
  /** On every (re)connection: what the room holds of this participant (the outbox resends from there). */
  onView?: (view: ParticipantView) => void;
  /** Connected (true) or lost, with why (false). */
  onConnection?: (connected: boolean, reason?: string) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** With no byte from the room for this long, the stream is taken as dead (a Wi-Fi that dropped silently) and opened again. */
  idleMs?: number;
}

/** Why listening stopped, when it was only quiet: connect again at once, and say nothing. */
const QUIET = Symbol("quiet");

/** Longer than the room's keep-alive comments are apart, so a healthy stream is never cut. */
const DEFAULT_IDLE_MS = 45_000;

/**
 * Listens to the room's pacing: GET me (the pacing now, and what the room holds), then the
 * stream of `pacing` events, for as long as it runs; when the stream ends or fails it waits
 * (1 s doubling to 30 s) and connects again.
 */
export class PacingStream {
  private readonly stopped = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly backoff: Backoff;

  constructor(private readonly options: PacingStreamOptions) {
    this.backoff = new Backoff(options.minDelayMs ?? 1000, options.maxDelayMs ?? 30_000);
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const signal = this.stopped.signal;
    while (!signal.aborted) {
      let reason: string | typeof QUIET;
      try {
        reason = await this.listenOnce(signal);
      } catch (error) {
        reason = describe(error);
      }
      if (signal.aborted) return;
      if (reason === QUIET) continue;
      this.options.onConnection?.(false, reason);
      await pause(this.backoff.next(), signal);
    }
  }

  /** One connection, until it ends; resolves with why it ended. */
  private async listenOnce(signal: AbortSignal): Promise<string | typeof QUIET> {
    const { baseUrl, token } = this.options;
    const view = await roomRequest<ParticipantView>(baseUrl, ROOM_PATHS.me, { token, signal, timeoutMs: 5000 });
    const response = await fetch(new URL(ROOM_PATHS.stream, baseUrl), { headers: { ...authorization(token), accept: "text/event-stream" }, signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return `the room's stream answered HTTP ${response.status}`;
    }
    this.options.onView?.(view);
    this.options.onPacing(view.pacing);
    this.options.onConnection?.(true);
    this.backoff.reset();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const read = await withinIdle(reader.read(), this.options.idleMs ?? DEFAULT_IDLE_MS);
        if (read === QUIET) {
          await reader.cancel().catch(() => undefined);
          return QUIET;
        }
        const { done, value } = read;
        if (done) return "the room closed the stream";
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event !== "pacing") continue;
          try {
            this.options.onPacing(JSON.parse(event.data) as Pacing);
          } catch {
            // A garbled event is skipped; the next one, or the next GET me, brings the pacing.
          }
        }
      }
    } finally {
      reader.releaseLock();
    }
  }
}

/** The read, or QUIET when nothing arrives within `ms`. */
const withinIdle = async <T>(read: Promise<T>, ms: number): Promise<T | typeof QUIET> => {
  let timer: NodeJS.Timeout | undefined;
  const quiet = new Promise<typeof QUIET>((resolve) => {
    timer = setTimeout(() => resolve(QUIET), ms);
  });
  try {
    return await Promise.race([read, quiet]);
  } finally {
    clearTimeout(timer);
  }
};

const describe = (error: unknown): string => {
  if (error instanceof RoomUnreachable) return `room unreachable (${error.code})`;
  if (error instanceof RoomRefusal) return `the room refused: ${error.message || `HTTP ${error.status}`}`;
  const name = (error as { name?: string }).name;
  if (name === "TypeError" || name === "AbortError") return `room unreachable (${networkCode(error)})`;
  return error instanceof Error ? error.message : String(error);
};
