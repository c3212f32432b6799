import { ROOM_PATHS, type EventAck, type EventBatch } from "../room/protocol";
import { Backoff, pause } from "./backoff";
import type { Outbox } from "./outbox";
import { roomRequest, RoomRefusal, RoomUnreachable } from "./room-http";

/** What the app can show about the room's link: everything sent, sending, or waiting to retry. */
export interface SendStatus {
  state: "sent" | "sending" | "waiting";
  /** Events the room does not have yet. */
  pending: number;
  /** Why it waits, in words, e.g. "room unreachable — your progress is kept and will be sent". */
  message?: string;
}

export interface SenderOptions {
  baseUrl: string;
  token: string;
  batchSize?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  onStatus?: (status: SendStatus) => void;
}

export const MAX_BATCH = 200;

/**
 * Posts the outbox's unacknowledged events in batches, oldest first, until the room holds them
 * all; after a failure it waits (1 s doubling to 30 s) and tries again. It never throws and never
 * blocks the caller: `kick()` after recording, `stop()` on the way out.
 */
export class Sender {
  private readonly backoff: Backoff;
  private readonly stopped = new AbortController();
  private wake: AbortController = new AbortController();
  private loop: Promise<void> | undefined;
  private current: SendStatus = { state: "sent", pending: 0 };

  constructor(
    private readonly outbox: Outbox,
    private readonly options: SenderOptions,
  ) {
    this.backoff = new Backoff(options.minDelayMs ?? 1000, options.maxDelayMs ?? 30_000);
  }

  get status(): SendStatus {
    return this.current;
  }

  /** Starts sending (anything left from an earlier run goes first). */
  start(): void {
    if (this.loop) return;
    this.unsubscribe = this.outbox.onReady(() => this.kick());
    this.loop = this.run();
  }

  private unsubscribe: (() => void) | undefined;

  /**
   * Something new was recorded (sent now, unless waiting after a failure), or the room is back
   * (`retryNow`: the wait after a failure is cut short).
   */
  kick(retryNow = false): void {
    if (retryNow || this.current.state !== "waiting") this.wake.abort();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.stopped.abort();
    this.wake.abort();
    await this.loop;
  }

  /** Resolves once the room holds everything recorded so far (or `timeoutMs` passed: false). */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    await this.outbox.flush();
    const target = this.outbox.lastSeq;
    this.kick(true);
    while (this.outbox.acknowledged < target && Date.now() < deadline && !this.stopped.signal.aborted) await pause(25, this.stopped.signal);
    return this.outbox.acknowledged >= target;
  }

  private async run(): Promise<void> {
    const limit = Math.min(MAX_BATCH, this.options.batchSize ?? MAX_BATCH);
    while (!this.stopped.signal.aborted) {
      await this.outbox.flush();
      const batch = this.outbox.unacknowledged(limit);
      if (batch.length === 0) {
        this.setStatus({ state: "sent", pending: this.outbox.pending });
        await this.sleep(60_000);
        continue;
      }
      this.setStatus({ state: "sending", pending: this.outbox.pending });
      const problem = await this.post({ events: batch });
      if (problem === undefined) {
        this.backoff.reset();
        continue;
      }
      const delay = this.backoff.next();
      this.setStatus({ state: "waiting", pending: this.outbox.pending, message: problem });
      await this.sleep(delay);
    }
  }

  /** Sends one batch; undefined when the room took it, else why not in words. */
  private async post(batch: EventBatch): Promise<string | undefined> {
    const before = this.outbox.acknowledged;
    try {
      const ack = await roomRequest<EventAck>(this.options.baseUrl, ROOM_PATHS.events, {
        method: "POST",
        body: batch,
        token: this.options.token,
        signal: this.stopped.signal,
      });
      if (!Number.isInteger(ack?.acknowledged)) return "the room's answer made no sense; your progress is kept and will be sent";
      // Lower than what was sent: the room lacks some of it, and the next batch starts from there.
      await this.outbox.acknowledge(ack.acknowledged);
      // The same answer as before to a batch above it: the room is not taking it, so wait and retry.
      const lastSent = batch.events.at(-1)?.seq ?? 0;
      if (ack.acknowledged === before && ack.acknowledged < lastSent) return "the room did not take the events; they are kept and will be sent again";
      return undefined;
    } catch (error) {
      if (error instanceof RoomUnreachable) return "room unreachable — your progress is kept and will be sent";
      if (error instanceof RoomRefusal && error.code === "RateLimited") return "the room is busy — your progress is kept and will be sent";
      if (error instanceof RoomRefusal && error.code === "Unauthorized") return "the room does not know you any more — run the same s3-tutor join again to rejoin; your progress is kept";
      if (error instanceof RoomRefusal) return `the room refused the events (${error.message}) — they are kept and will be sent again`;
      return `could not send: ${(error as Error).message}`;
    }
  }

  private async sleep(ms: number): Promise<void> {
    // A kick while a batch was on its way is not lost: the wait is skipped.
    if (!this.wake.signal.aborted) await pause(ms, AbortSignal.any([this.wake.signal, this.stopped.signal]));
    this.wake = new AbortController();
  }

  private setStatus(status: SendStatus): void {
    if (status.state === this.current.state && status.pending === this.current.pending && status.message === this.current.message) return;
    this.current = status;
    this.options.onStatus?.(status);
  }
}
