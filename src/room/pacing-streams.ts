import type { ServerResponse } from "node:http";
import type { Pacing } from "./protocol";
import { RoomApiError } from "./http-json";

/**
 * The open `stream` connections: server-sent events carrying the room's Pacing whenever the instructor
 * changes it (and once on connect), a comment line as a heartbeat, a bounded number of them.
 */
export class PacingStreams {
  private readonly open = new Map<ServerResponse, string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly limits: { maxStreams: number; maxStreamsPerParticipant: number; heartbeatMs: number },
  ) {
    this.heartbeat = setInterval(() => this.writeAll(": heartbeat\n\n"), limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.open.size;
  }

  /** Starts a stream for a participant; a participant's oldest stream makes way for a new one (a reconnect). */
  add(participantId: string, response: ServerResponse, pacing: Pacing): void {
    const theirs = [...this.open].filter(([, owner]) => owner === participantId).map(([stream]) => stream);
    while (theirs.length >= this.limits.maxStreamsPerParticipant) this.end(theirs.shift());
    if (this.open.size >= this.limits.maxStreams) {
      throw new RoomApiError(429, "RateLimited", "The room has as many open streams as it serves; try again in a minute.", { "retry-after": "60" });
    }
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    response.socket?.setNoDelay(true);
    this.open.set(response, participantId);
    response.on("close", () => this.open.delete(response));
    response.write(pacingEvent(pacing));
  }

  /** Tells every open stream. */
  publish(pacing: Pacing): void {
    this.writeAll(pacingEvent(pacing));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of [...this.open.keys()]) this.end(stream);
  }

  private writeAll(chunk: string): void {
    for (const stream of this.open.keys()) {
      // A client that stopped reading is dropped rather than buffered for without end.
      if (stream.writableLength > 64 * 1024) this.end(stream);
      else stream.write(chunk);
    }
  }

  private end(stream: ServerResponse | undefined): void {
    if (!stream) return;
    this.open.delete(stream);
    stream.end();
  }
}

const pacingEvent = (pacing: Pacing): string => `event: pacing\ndata: ${JSON.stringify(pacing)}\n\n`;
