import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import {
  ROOM_PATHS,
  type EventAck,
  type Pacing,
  type ParticipantEvent,
  type ParticipantView,
  type RoomErrorBody,
} from "../../src/room/protocol";
import type { RoomSnapshot } from "../../src/room/room-state";
import { at, events } from "./helpers/events";
import { call, joinRoom, startTestRoom } from "./helpers/room-api";

const errorOf = (body: unknown) => (body as RoomErrorBody).error;

describe("progress events", () => {
  it("acknowledges what it holds and keeps each event once however often it is sent", async () => {
    const room = await startTestRoom();
    const { token, participantId } = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const first = await call<EventAck>(room.endpoint, ROOM_PATHS.events, { token, body: { events: events.slice(0, 3) } });
    expect(first).toMatchObject({ status: 200, body: { acknowledged: 3 } });
    // The acknowledgement was lost: the client sends everything again, plus one new event, out of order.
    const again = await call<EventAck>(room.endpoint, ROOM_PATHS.events, { token, body: { events: [events[3], ...events.slice(0, 3)] } });
    expect(again.body).toEqual({ acknowledged: 4 });
    const progress = room.state.participants.get(participantId);
    expect(progress).toMatchObject({ lastSeq: 4, checksFailed: 1, checksPassed: 1, passedSteps: ["bucket-names/create"] });
    const me = await call<ParticipantView>(room.endpoint, ROOM_PATHS.me, { token });
    expect(me.body).toMatchObject({ participantId, name: "Ada", acknowledged: 4 });
    const logged = (await readFile(join(room.dataDir, "room.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { type: string; event?: ParticipantEvent });
    expect(logged.filter((record) => record.type === "event").map((record) => record.event?.seq)).toEqual([1, 2, 3, 4]);
  });

  it("keeps each event once when the same batch arrives many times at once, from many participants", async () => {
    const room = await startTestRoom();
    const joined = await Promise.all(["A", "B", "C", "D", "E"].map(async (name) => (await joinRoom(room.endpoint, room.code, name)).body));
    const acks = await Promise.all(
      joined.flatMap((participant) =>
        Array.from({ length: 6 }, (_, copy) =>
          call<EventAck>(room.endpoint, ROOM_PATHS.events, { token: participant.token, body: { events: copy % 2 ? events : events.slice(0, 2) } }),
        ),
      ),
    );
    expect(acks.every((ack) => ack.status === 200 && ack.body.acknowledged >= 2)).toBe(true);
    const logged = (await readFile(join(room.dataDir, "room.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { type: string; participantId?: string; event?: ParticipantEvent });
    for (const participant of joined) {
      const seqs = logged.filter((record) => record.type === "event" && record.participantId === participant.participantId).map((record) => record.event?.seq);
      expect(seqs).toEqual([1, 2, 3, 4]);
      expect(room.state.participants.get(participant.participantId)?.lastSeq).toBe(4);
    }
  });

  it("writes each record to the log before acknowledging it", async () => {
    const room = await startTestRoom();
    const { token } = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    await call(room.endpoint, ROOM_PATHS.events, { token, body: { events } });
    const lines = (await readFile(join(room.dataDir, "room.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { type: string });
    expect(lines.map((line) => line.type)).toEqual(["opened", "joined", "event", "event", "event", "event"]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it("refuses a bad event saying which one and why", async () => {
    const room = await startTestRoom();
    const { token } = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const cases: [unknown, RegExp][] = [
      [{ events: [{ ...events[0], seq: 0 }] }, /events\[0\]\.seq: 1 or more/],
      [{ events: [events[0], { ...events[1], seq: 2.5 }] }, /events\[1\]\.seq: a whole number/],
      [{ events: [{ ...events[0], kind: "teleported" }] }, /events\[0\]\.kind/],
      [{ events: [{ ...events[1], title: "x".repeat(600) }] }, /events\[0\]\.title: at most 500 characters/],
      [{ events: [{ ...events[0], at: "yesterday-ish" }] }, /events\[0\]\.at: a date and time/],
      // An escape sequence would drive the instructor's terminal when the console shows the title.
      [{ events: [{ ...events[1], title: "\u001b[2J\u001b[31mpwned" }] }, /events\[0\]\.title: no control characters/],
      [{ events: [] }, /events: at least one event/],
      [{ nothing: true }, /events:/],
      [[1, 2, 3], /Bad event batch/],
    ];
    for (const [body, message] of cases) {
      const refused = await call(room.endpoint, ROOM_PATHS.events, { token, body });
      expect(refused.status).toBe(400);
      expect(errorOf(refused.body).code).toBe("BadRequest");
      expect(errorOf(refused.body).message).toMatch(message);
    }
    expect((await call(room.endpoint, ROOM_PATHS.events, { token, rawBody: '{"events": [' })).status).toBe(400);
  });

  it("refuses a body or a batch over the limits with TooLarge", async () => {
    const room = await startTestRoom();
    const { token } = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const many = Array.from({ length: 501 }, (_, index) => ({ seq: index + 1, at, kind: "blockEntered", block: "namespace" }));
    const tooMany = await call(room.endpoint, ROOM_PATHS.events, { token, body: { events: many } });
    expect(tooMany.status).toBe(413);
    expect(errorOf(tooMany.body)).toEqual({ code: "TooLarge", message: expect.stringContaining("at most 500 events") });
    const huge = await call(room.endpoint, ROOM_PATHS.events, { token, body: { events: [{ ...events[0], block: "b".repeat(300 * 1024) }] } });
    expect(huge.status).toBe(413);
    expect(errorOf(huge.body).message).toContain("256 KiB");
    expect(room.state.participants.values().next().value?.lastSeq).toBe(0);
  });
});

describe("who may do what", () => {
  it("asks for a token (401) and keeps participants off the instructor's controls (403)", async () => {
    const room = await startTestRoom();
    const { token } = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    for (const path of [ROOM_PATHS.events, ROOM_PATHS.me, ROOM_PATHS.state, ROOM_PATHS.stream]) {
      const method = path === ROOM_PATHS.events ? "POST" : "GET";
      const none = await call(room.endpoint, path, { method });
      expect(none.status).toBe(401);
      expect(errorOf(none.body).code).toBe("Unauthorized");
      expect((await call(room.endpoint, path, { method, token: "made-up-token" })).status).toBe(401);
    }
    const state = await call(room.endpoint, ROOM_PATHS.state, { token });
    expect(state.status).toBe(403);
    expect(errorOf(state.body)).toEqual({ code: "Forbidden", message: "Only the instructor can do this." });
    const pacing = await call(room.endpoint, ROOM_PATHS.pacing, { token, body: { kind: "broadcast", text: "everyone go home" } });
    expect(pacing.status).toBe(403);
    expect(room.state.pacing.messages).toEqual([]);
    // The instructor token is not a participant's either.
    expect((await call(room.endpoint, ROOM_PATHS.events, { token: room.instructorToken, body: { events } })).status).toBe(403);
  });

  it("files events under the token's participant, whatever the batch claims", async () => {
    const room = await startTestRoom();
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const bob = (await joinRoom(room.endpoint, room.code, "Bob")).body;
    const posted = await call<EventAck>(room.endpoint, ROOM_PATHS.events, {
      token: ada.token,
      body: { participantId: bob.participantId, events: events.map((event) => ({ ...event, participantId: bob.participantId })) },
    });
    expect(posted.body).toEqual({ acknowledged: 4 });
    expect(room.state.participants.get(ada.participantId)?.lastSeq).toBe(4);
    expect(room.state.participants.get(bob.participantId)?.lastSeq).toBe(0);
  });

  it("shows a participant their own progress only, and the instructor everyone's without secrets", async () => {
    const room = await startTestRoom();
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    await joinRoom(room.endpoint, room.code, "Bob");
    const me = await call<ParticipantView>(room.endpoint, ROOM_PATHS.me, { token: ada.token });
    expect(Object.keys(me.body).sort()).toEqual(["acknowledged", "name", "pacing", "participantId", "serverTime"]);
    expect(JSON.stringify(me.body)).not.toContain("Bob");
    const snapshot = await call<RoomSnapshot>(room.endpoint, ROOM_PATHS.state, { token: room.instructorToken });
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.participants.map((participant) => participant.name).sort()).toEqual(["Ada", "Bob"]);
    expect(JSON.stringify(snapshot.body)).not.toContain(ada.token);
    if (ada.target.kind === "room") expect(JSON.stringify(snapshot.body)).not.toContain(ada.target.identities.default.secretAccessKey);
  });

  it("limits the rate of joins per address with RateLimited and Retry-After", async () => {
    const room = await startTestRoom({ limits: { join: { perSecond: 1 / 60, burst: 3 } } });
    const answers = [];
    for (let index = 0; index < 5; index += 1) answers.push(await joinRoom(room.endpoint, room.code, `P${index}`));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect(errorOf(answers[3]?.body).code).toBe("RateLimited");
    expect(Number(answers[3]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("limits the rate of event batches per token", async () => {
    const room = await startTestRoom({ limits: { events: { perSecond: 0.01, burst: 2 } } });
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const bob = (await joinRoom(room.endpoint, room.code, "Bob")).body;
    const statuses = [];
    for (const event of events) statuses.push((await call(room.endpoint, ROOM_PATHS.events, { token: ada.token, body: { events: [event] } })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    // Bob's batches are his own bucket.
    expect((await call(room.endpoint, ROOM_PATHS.events, { token: bob.token, body: { events: [events[0]] } })).status).toBe(200);
  });
});

describe("event streams", () => {
  /** Opens a stream and collects what arrives on it. */
  const openStream = (endpoint: string, token: string) => {
    const chunks: string[] = [];
    let ended = false;
    const req = request(new URL(ROOM_PATHS.stream, endpoint), { headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
      response.on("end", () => (ended = true));
    });
    req.on("error", () => (ended = true));
    req.end();
    return { text: () => chunks.join(""), ended: () => ended, close: () => req.destroy() };
  };
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it("sends a heartbeat comment, and closes a participant's oldest stream for a newer one", async () => {
    const room = await startTestRoom({ limits: { heartbeatMs: 50, maxStreamsPerParticipant: 2 } });
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const first = openStream(room.endpoint, ada.token);
    await until(() => first.text().includes(": heartbeat\n\n"));
    expect(first.text()).toMatch(/^event: pacing\ndata: \{.*"openBlocks":\["namespace"\]/);
    const second = openStream(room.endpoint, ada.token);
    await until(() => second.text().includes("event: pacing"));
    expect(first.ended()).toBe(false);
    const third = openStream(room.endpoint, ada.token);
    await until(() => first.ended());
    expect(second.ended()).toBe(false);
    for (const stream of [second, third]) stream.close();
  });

  it("refuses streams past the room's bound with RateLimited", async () => {
    const room = await startTestRoom({ limits: { maxStreams: 1 } });
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const bob = (await joinRoom(room.endpoint, room.code, "Bob")).body;
    const open = openStream(room.endpoint, ada.token);
    await until(() => open.text().includes("event: pacing"));
    const refused = await call(room.endpoint, ROOM_PATHS.stream, { token: bob.token });
    expect(refused.status).toBe(429);
    expect(errorOf(refused.body).code).toBe("RateLimited");
    open.close();
  });
});

describe("pacing", () => {
  it("takes the instructor's commands, refuses impossible ones, and streams changes to participants", async () => {
    const room = await startTestRoom();
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const received: Pacing[] = [];
    let connected!: () => void;
    const firstPacing = new Promise<void>((resolve) => (connected = resolve));
    const streamed = new Promise<void>((resolve, reject) => {
      const url = new URL(ROOM_PATHS.stream, room.endpoint);
      const req = request(url, { headers: { authorization: `Bearer ${ada.token}` } }, (response) => {
        expect(response.headers["content-type"]).toContain("text/event-stream");
        let buffer = "";
        response.on("data", (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
            const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (data) received.push(JSON.parse(data) as Pacing);
            if (received.length === 1) connected();
            if (received.length === 2) {
              req.destroy();
              resolve();
            }
          }
        });
      });
      req.on("error", (error) => (received.length === 2 ? undefined : reject(error)));
      req.end();
    });
    // The stream sends the pacing at once; then the console's key opens the next block.
    await firstPacing;
    expect(await room.pace({ kind: "openBlock" })).toEqual({ pacing: expect.objectContaining({ openBlocks: ["namespace", "replication"] }) });
    await streamed;
    expect(received.map((pacing) => pacing.openBlocks)).toEqual([["namespace"], ["namespace", "replication"]]);

    const broadcast = await call<Pacing>(room.endpoint, ROOM_PATHS.pacing, { token: room.instructorToken, body: { kind: "broadcast", text: "Ten minutes left" } });
    expect(broadcast.status).toBe(200);
    expect(broadcast.body.messages.map((message) => message.text)).toEqual(["Ten minutes left"]);
    const refused = await call(room.endpoint, ROOM_PATHS.pacing, { token: room.instructorToken, body: { kind: "startExam", block: "namespace" } });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).message).toBe('The room cannot do that: block "namespace" is not an exam.');
    expect(await room.pace({ kind: "openBlock", block: "nowhere" })).toEqual({ refused: 'the workshop has no block "nowhere"' });
  });
});
