import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ROOM_PATHS,
  ROOM_PROTOCOL,
  type EventBatch,
  type HelloResponse,
  type JoinRequest,
  type JoinResponse,
  type Pacing,
  type ParticipantEvent,
  type RoomErrorCode,
} from "../../src/room/protocol";

/**
 * A tiny room that speaks the protocol (the client's seam, not the real room): hello, join,
 * events kept once per seq and acknowledged up to the highest contiguous seq, me, and a pacing
 * stream. Knobs let a test refuse, lose an acknowledgement, or go away and come back.
 */
export class TinyRoom {
  /** Every batch as it arrived, in order. */
  readonly batches: ParticipantEvent[][] = [];
  /** The events kept, by seq (a batch sent again is not doubled). */
  readonly kept = new Map<number, ParticipantEvent>();
  hello: HelloResponse = {
    service: "s3-tutor-room",
    protocol: ROOM_PROTOCOL,
    version: "9.9.9",
    workshop: { id: "tiny", title: "A tiny workshop" },
    serverTime: "",
  };
  /** Set: the room's clock is off by this much (the pre-flight's skew). */
  clockOffsetMs = 0;
  /** Set: the join is refused with this code. */
  refuseJoin: RoomErrorCode | undefined;
  /** How many next batches are kept but their answer lost (the connection is cut instead). */
  loseAcks = 0;
  pacing: Pacing = { startedAt: "2026-12-04T09:00:00.000Z", openBlocks: ["intro"], messages: [] };
  workshop: unknown = { id: "tiny", title: "A tiny workshop", blocks: [] };
  joins: JoinRequest[] = [];
  /** The tokens this room gave out (forgetEveryone() plays a new room at the same address). */
  private tokens = new Set<string>();

  private issue(token: string): string {
    this.tokens.add(token);
    return token;
  }

  forgetEveryone(): void {
    this.tokens.clear();
    this.kept.clear();
  }
  private server: Server | undefined;
  private streams = new Set<ServerResponse>();
  /** How many times a client opened the stream. */
  streamsOpened = 0;
  port = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The highest seq below which every event is kept. */
  get acknowledged(): number {
    let seq = 0;
    while (this.kept.has(seq + 1)) seq += 1;
    return seq;
  }

  async start(port = this.port): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Goes away (the port stays known, so start() brings it back at the same address). */
  async stop(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Tells every listener the pacing changed. */
  setPacing(pacing: Pacing): void {
    this.pacing = pacing;
    for (const stream of this.streams) stream.write(`event: pacing\ndata: ${JSON.stringify(pacing)}\n\n`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = request.url ?? "";
    const authorized = this.tokens.has((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (path === ROOM_PATHS.hello) return json(response, 200, { ...this.hello, serverTime: new Date(Date.now() + this.clockOffsetMs).toISOString() });
    if (path === ROOM_PATHS.join && request.method === "POST") {
      const join = JSON.parse(body) as JoinRequest;
      this.joins.push(join);
      if (this.refuseJoin) return refuse(response, this.refuseJoin === "RoomFull" ? 409 : this.refuseJoin === "RateLimited" ? 429 : 403, this.refuseJoin);
      const joined: JoinResponse = {
        participantId: `p${this.joins.length}`,
        token: this.issue(`token-${this.joins.length}`),
        name: join.name,
        ...(join.table ? { table: join.table } : {}),
        workshop: this.workshop,
        target: { kind: "own", region: "eu-west-1", otherRegion: "us-west-2", prefix: "p1" },
        pacing: this.pacing,
        serverTime: new Date().toISOString(),
      };
      return json(response, 200, joined);
    }
    if (!authorized) return refuse(response, 401, "Unauthorized");
    if (path === ROOM_PATHS.events && request.method === "POST") {
      const batch = JSON.parse(body) as EventBatch;
      this.batches.push(batch.events);
      for (const event of batch.events) if (!this.kept.has(event.seq)) this.kept.set(event.seq, event);
      if (this.loseAcks > 0) {
        this.loseAcks -= 1;
        request.socket.destroy();
        return;
      }
      return json(response, 200, { acknowledged: this.acknowledged });
    }
    if (path === ROOM_PATHS.me) {
      return json(response, 200, { participantId: "p1", name: "Ada", acknowledged: this.acknowledged, pacing: this.pacing, serverTime: new Date().toISOString() });
    }
    if (path === ROOM_PATHS.stream) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.write(": hello\n\n");
      this.streamsOpened += 1;
      this.streams.add(response);
      response.on("close", () => this.streams.delete(response));
      return;
    }
    refuse(response, 404, "NotFound");
  }
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

const json = (response: ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
};

const refuse = (response: ServerResponse, status: number, code: RoomErrorCode) => json(response, status, { error: { code, message: `refused: ${code}` } });

/** Polls `condition` until it holds (generous: these tests assert what happens, never how fast). */
export const until = async (condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
