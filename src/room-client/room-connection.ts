import { ROOM_PATHS, type LiveAnswerAck, type Pacing, type ParticipantActivity, type ParticipantView } from "../room/protocol";
import { roomRequest, RoomRefusal } from "./room-http";
import { Outbox } from "./outbox";
import { PacingStream } from "./pacing-stream";
import type { RoomFiles } from "./room-files";
import { Sender, type SendStatus } from "./sender";
import type { RoomSession } from "./session-file";

/** What the app shows about the room: the pacing, whether the room is there, what is not sent yet. */
export interface RoomLink {
  pacing: Pacing;
  connected: boolean;
  send: SendStatus;
  /** In words, for the status line: "connected", or what is wrong and that nothing is lost. */
  message: string;
  /** Live quiz: what the room holds of this participant's answer to the current question (said on each connection). */
  liveAnswer?: ParticipantView["liveAnswer"];
}

export interface ExamResult {
  score: number;
  total: number;
  passed: boolean;
}

/** How a live quiz answer went: kept by the room (with its time from the question's start), or why not, in words. */
export type LiveAnswerOutcome = { kept: true; ms: number } | { kept: false; why: string };

export interface RoomConnectionOptions {
  /** Shorter waits for tests; 1 s and 30 s by default. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How long a silent stream is trusted (45 s by default). */
  idleMs?: number;
  clock?: () => Date;
}

/**
 * A participant's live link to the room: activities recorded in the outbox and sent by the
 * sender, and the pacing heard from the stream. Nothing here blocks or throws at the app: what
 * goes wrong is in `link.message`, and the work goes on.
 */
export class RoomConnection {
  private listeners = new Set<() => void>();
  private current: RoomLink;

  private constructor(
    readonly session: RoomSession,
    readonly outbox: Outbox,
    private readonly sender: Sender,
    private readonly stream: PacingStream,
    pacing: Pacing,
  ) {
    this.current = { pacing, connected: false, send: sender.status, message: "connecting to the room…" };
  }

  static async open(session: RoomSession, files: RoomFiles, initialPacing: Pacing, options: RoomConnectionOptions = {}): Promise<RoomConnection> {
    const outbox = await Outbox.open(files, options.clock);
    const waits = { ...(options.minDelayMs !== undefined ? { minDelayMs: options.minDelayMs } : {}), ...(options.maxDelayMs !== undefined ? { maxDelayMs: options.maxDelayMs } : {}) };
    let connection: RoomConnection | undefined;
    const sender = new Sender(outbox, { baseUrl: session.baseUrl, token: session.token, ...waits, onStatus: (send) => connection?.update({ send }) });
    const stream = new PacingStream({
      baseUrl: session.baseUrl,
      token: session.token,
      ...waits,
      ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
      onPacing: (pacing) => connection?.update({ pacing }),
      // The room tells what it holds: the sender resends from there (or numbering goes on after it).
      onView: (view) => {
        if (view.liveAnswer) connection?.update({ liveAnswer: view.liveAnswer });
        void outbox.acknowledge(view.acknowledged).then(() => sender.kick(true));
      },
      onConnection: (connected, reason) => connection?.update({ connected, ...(reason ? { reason } : {}) }),
    });
    connection = new RoomConnection(session, outbox, sender, stream, initialPacing);
    sender.start();
    stream.start();
    return connection;
  }

  get link(): RoomLink {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The participant's result of an exam block they finished (this laptop's record), if they did. */
  examResult(block: string): ExamResult | undefined {
    const finished = this.outbox.events.findLast((event) => event.kind === "examFinished" && event.block === block);
    return finished?.kind === "examFinished" ? { score: finished.score, total: finished.total, passed: finished.passed } : undefined;
  }

  /** Records the activity on disk and sends it when it can. */
  report(activity: ParticipantActivity): void {
    // The sender hears of it from the outbox once the line is written.
    this.outbox.record(activity);
  }

  /**
   * Sends a live quiz answer at once. Not through the outbox: an answer that reaches the room after
   * the deadline is refused anyway, so it is not kept for later; the participant is told instead.
   */
  async answerLive(questionId: string, choices: number[]): Promise<LiveAnswerOutcome> {
    try {
      const ack = await roomRequest<LiveAnswerAck>(this.session.baseUrl, ROOM_PATHS.liveAnswer, {
        method: "POST",
        token: this.session.token,
        body: { questionId, choices },
        timeoutMs: 5_000,
      });
      return { kept: true, ms: ack.ms };
    } catch (error) {
      if (error instanceof RoomRefusal && error.code) return { kept: false, why: error.message };
      return { kept: false, why: "the room did not answer, so your answer was not counted (a live answer is not kept for later: it would come too late)" };
    }
  }

  /** Waits up to `timeoutMs` for the room to hold everything recorded; false if it does not. */
  drain(timeoutMs: number): Promise<boolean> {
    return this.sender.drain(timeoutMs);
  }

  async close(): Promise<void> {
    await this.outbox.flush();
    await Promise.all([this.sender.stop(), this.stream.stop()]);
  }

  private reason: string | undefined;

  private update(change: { pacing?: Pacing; connected?: boolean; send?: SendStatus; reason?: string; liveAnswer?: RoomLink["liveAnswer"] }): void {
    if (change.reason !== undefined) this.reason = change.reason;
    const next = { ...this.current, ...withoutReason(change) };
    const diskProblem = this.outbox.problem;
    next.message = diskProblem ? `could not save your progress on this laptop (${diskProblem}); it is still sent to the room` : linkMessage(next, this.reason);
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

const withoutReason = ({ reason: _reason, ...rest }: { reason?: string } & Partial<RoomLink>): Partial<RoomLink> => rest;

const linkMessage = (link: RoomLink, reason: string | undefined): string => {
  if (link.send.state === "waiting" && link.send.message) return link.send.message;
  if (!link.connected) return `${reason ?? "room unreachable"} — your progress is kept and will be sent`;
  return link.send.pending > 0 ? `connected · sending ${link.send.pending}` : "connected";
};
