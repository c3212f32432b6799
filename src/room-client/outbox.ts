import { appendFile, mkdir, truncate } from "node:fs/promises";
import { dirname } from "node:path";
import type { ParticipantActivity, ParticipantEvent } from "../room/protocol";
import { writeJsonAtomic } from "../store/atomic-write";
import { readCompleteText } from "../targets/append-only-file";
import { readJsonFile } from "../store/json-file";
import { isRecord } from "../store/parse-helpers";

/**
 * The participant's events on disk: each activity gets the next seq and is appended to
 * events.jsonl, in order, one write at a time; the file is never trimmed (it is also the
 * participant's own record for `report --out`). acked.json holds the highest seq the room
 * acknowledged: what is above it is sent, again after a restart, until the room has it.
 */
export class Outbox {
  private writing: Promise<void> = Promise.resolve();
  private writeError: Error | undefined;
  /**
   * The highest seq whose write has finished: an event is sent only after its line is on disk, so
   * the room never holds what this laptop lost (when the disk fails, it is sent all the same).
   */
  private written: number;

  private constructor(
    private readonly paths: { events: string; acked: string },
    private readonly list: ParticipantEvent[],
    private ackedSeq: number,
    private readonly clock: () => Date,
  ) {
    this.written = list.at(-1)?.seq ?? 0;
  }

  static async open(paths: { events: string; acked: string }, clock: () => Date = () => new Date()): Promise<Outbox> {
    const events = await readEvents(paths.events);
    const acked = await readJsonFile(paths.acked, parseAck);
    const last = events.at(-1)?.seq ?? 0;
    const outbox = new Outbox(paths, events, acked.status === "ok" ? acked.value : 0, clock);
    outbox.floor = Math.max(acked.status === "ok" ? acked.value : 0, last);
    return outbox;
  }

  /** Every event recorded, in seq order. */
  get events(): readonly ParticipantEvent[] {
    return this.list;
  }

  get acknowledged(): number {
    return this.ackedSeq;
  }

  get lastSeq(): number {
    return Math.max(this.list.at(-1)?.seq ?? 0, this.floor);
  }

  /** The highest seq the room said it holds: numbering never goes below it. */
  private floor = 0;

  /** How many recorded events the room does not have yet. */
  get pending(): number {
    return this.list.filter((event) => event.seq > this.ackedSeq).length;
  }

  /** Why the last write failed, if one did (the app says so; the events stay in memory and are still sent). */
  get problem(): string | undefined {
    return this.writeError?.message;
  }

  /**
   * Records an activity now: numbered at once (so the order is the order things happened) and
   * written behind the previous line. Resolves when the line is on disk.
   */
  record(activity: ParticipantActivity): { event: ParticipantEvent; saved: Promise<void> } {
    const event = { ...activity, seq: this.lastSeq + 1, at: this.clock().toISOString() } as ParticipantEvent;
    this.list.push(event);
    const saved = (this.writing = this.writing.then(async () => {
      try {
        await mkdir(dirname(this.paths.events), { recursive: true });
        await appendFile(this.paths.events, `${JSON.stringify(event)}\n`, "utf8");
        this.writeError = undefined;
      } catch (error) {
        this.writeError = error as Error;
      }
      // Sent even when the disk failed: losing it from the room too would be worse.
      this.written = Math.max(this.written, event.seq);
      for (const listener of this.listeners) listener();
    }));
    return { event, saved };
  }

  /** Up to `limit` events the room does not have, oldest first, of those written. */
  unacknowledged(limit: number): ParticipantEvent[] {
    return this.list.filter((event) => event.seq > this.ackedSeq && event.seq <= this.written).slice(0, limit);
  }

  /**
   * What the room says it holds. Lower than before (a room that lost its tail) sends again from
   * there. Higher than anything here (this laptop lost its files): numbering goes on after it, so
   * the room never takes a new event for one it already has.
   */
  acknowledge(seq: number): Promise<void> {
    this.floor = Math.max(this.floor, seq);
    // One after the other: the sender and the stream's GET me may both tell, and the last told wins.
    this.acking = this.acking.catch(() => undefined).then(async () => {
      if (seq === this.ackedSeq) return;
      await writeJsonAtomic(this.paths.acked, { acknowledged: seq });
      this.ackedSeq = seq;
    });
    return this.acking;
  }

  private acking: Promise<void> = Promise.resolve();

  /** Calls `listener` whenever a recorded event is ready to send (the sender wakes up). */
  onReady(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly listeners = new Set<() => void>();

  /** Waits for every line recorded so far to reach the file. */
  flush(): Promise<void> {
    return this.writing;
  }
}

const parseAck = (value: unknown): number => {
  if (!isRecord(value) || typeof value.acknowledged !== "number" || !Number.isInteger(value.acknowledged)) throw new Error("not an acknowledgement");
  return value.acknowledged;
};

/**
 * The events file's complete lines. A last line a crash cut short is cut off the file too, so
 * the next line starts on a line of its own.
 */
const readEvents = async (path: string): Promise<ParticipantEvent[]> => {
  const { text, cutTail } = await readCompleteText(path);
  if (cutTail) await truncate(path, Buffer.byteLength(text, "utf8"));
  const events: ParticipantEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const event = JSON.parse(line) as ParticipantEvent;
      // Only numbers that go up: a line that breaks the order would be sent in the wrong place.
      if (Number.isInteger(event.seq) && event.seq > (events.at(-1)?.seq ?? 0)) events.push(event);
    } catch {
      // A line that is not JSON is skipped, not fatal: the rest is still the participant's record.
    }
  }
  return events;
};
