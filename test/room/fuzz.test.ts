import { rm } from "node:fs/promises";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_PATHS, type EventAck, type HelloResponse } from "../../src/room/protocol";
import { pool } from "../helpers/pool";
import { SeededRandom, seedFrom } from "../helpers/seeded-random";
import { exchange, type ExchangeOutcome } from "../sandbox/fuzz/raw-exchange";
import { hostileRoomRequest, type HostileRoomRequest } from "./fuzz/hostile-room-requests";
import { call, joinRoom, roomDir, startTestRoom } from "./helpers/room-api";
import { startRoomProcess, type RoomProcess } from "./helpers/room-process";

// A few hundred hostile requests at the room API of a room in its own process: each is answered (a
// request the room API sees, with its JSON error), none hangs, nothing is a 500, and the room still
// serves afterwards. Replay with S3_TUTOR_FUZZ_SEED=<seed> (printed); size it with S3_TUTOR_ROOM_FUZZ_REQUESTS.
const SEED = seedFrom("S3_TUTOR_FUZZ_SEED");
const REQUESTS = Number(process.env.S3_TUTOR_ROOM_FUZZ_REQUESTS ?? 400);
const CONCURRENCY = 8;
const BOUND_MS = 5_000;

let room: RoomProcess;
let dir: string;
let exited: unknown;

beforeAll(async () => {
  dir = await roomDir();
  // Hostile joins with the right code would use up the address's joins for a minute: the check after the fuzz needs one.
  room = await startRoomProcess(dir, { join: { perSecond: 10, burst: 1_000 } });
  void room.exited.then((how) => (exited = how));
}, 40_000);

afterAll(async () => {
  room.child.kill("SIGKILL");
  await room.exited;
  await rm(dir, { recursive: true, force: true });
});

/** Calls again after Retry-After while the room says RateLimited, as a well-behaved client does. */
const politely = async <T extends { status: number; headers: Headers }>(attempt: () => Promise<T>): Promise<T> => {
  let answer = await attempt();
  for (let tries = 0; answer.status === 429 && tries < 10; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get("retry-after")) * 1000));
    answer = await attempt();
  }
  return answer;
};

/** The body of a complete answer in an exchange's first bytes (HEAD and 204 have none). */
const bodyOf = (head: string): string => head.slice(head.indexOf("\r\n\r\n") + 4);

describe("the room API under fuzzing", () => {
  it(`answers ${REQUESTS} hostile requests with JSON errors, never hangs, and keeps serving`, { timeout: 120_000 }, async () => {
    const joined = await joinRoom(room.endpoint, room.code, "Fuzz Target");
    const participantToken = joined.body.token;
    const random = new SeededRandom(SEED);
    const host = new URL(room.endpoint).host;
    const requests = Array.from({ length: REQUESTS }, () => hostileRoomRequest(random, { host, code: room.code, participantToken, instructorToken: room.instructorToken }));
    const port = Number(new URL(room.endpoint).port);
    const outcomes = await pool(requests, CONCURRENCY, async (request): Promise<{ request: HostileRoomRequest; outcome: ExchangeOutcome }> => ({
      request,
      outcome: await exchange(port, request.payload, { truncated: request.truncated, connectionClose: request.connectionClose, boundMs: BOUND_MS }),
    }));
    const byStatus: Record<string, number> = {};
    for (const { outcome } of outcomes) byStatus[outcome.status ?? (outcome.timedOut ? "hang" : "closed")] = (byStatus[outcome.status ?? (outcome.timedOut ? "hang" : "closed")] ?? 0) + 1;
    console.log(`room fuzz figures ${JSON.stringify({ seed: SEED, requests: REQUESTS, byStatus })}`);

    const context = `seed ${SEED} (replay: S3_TUTOR_FUZZ_SEED=${SEED})`;
    expect(exited, `${context}: the room process died\n${room.output().slice(-2_000)}`).toBeUndefined();
    // An event stream that stays open is what a stream does (the participant's newest streams are kept).
    const isStream = (outcome: ExchangeOutcome) => outcome.status === 200 && /\r\ncontent-type: text\/event-stream/i.test(outcome.head);
    const hung = outcomes.filter(({ outcome }) => outcome.timedOut && !isStream(outcome)).map(({ request }) => request.label);
    expect(hung, `${context}: not answered within ${BOUND_MS} ms`).toEqual([]);
    const notJson = outcomes
      .filter(({ request }) => request.reachesApi)
      .filter(({ request, outcome }) => {
        if (outcome.status === undefined) return true;
        if (isStream(outcome)) return false;
        // The projector page's script is JavaScript by design (the one room path that is not JSON).
        if (outcome.status === 200 && request.label.includes(ROOM_PATHS.pageScript) && /\r\ncontent-type: text\/javascript/i.test(outcome.head)) return false;
        if (!/\r\ncontent-type: application\/json/i.test(outcome.head)) return true;
        if (outcome.status < 400 || request.label.startsWith("HEAD")) return false;
        return !/^\{"error":\{"code":"[A-Za-z]+","message":"/.test(bodyOf(outcome.head));
      })
      .map(({ request, outcome }) => `${request.label}: ${outcome.head.slice(0, 200)}`);
    expect(notJson, `${context}: API requests not answered with the room's JSON`).toEqual([]);
    const internal = outcomes.filter(({ outcome }) => (outcome.status ?? 0) >= 500).map(({ request, outcome }) => `${request.label}: ${bodyOf(outcome.head).slice(0, 200)}`);
    expect(internal, `${context}: room bugs (5xx)`).toEqual([]);
    expect(outcomes.some(({ outcome }) => outcome.head.includes("    at "))).toBe(false);

    // Still serving — once the fuzz's share of the rates has refilled, as Retry-After says: anyone, a new
    // participant, and the participant the fuzz used.
    expect((await politely(() => call<HelloResponse>(room.endpoint, ROOM_PATHS.hello))).status).toBe(200);
    expect((await politely(() => joinRoom(room.endpoint, room.code, "After The Storm"))).status).toBe(200);
    const me = await politely(() => call<{ acknowledged: number }>(room.endpoint, ROOM_PATHS.me, { token: participantToken }));
    const next = me.body.acknowledged + 1;
    const ack = await politely(() =>
      call<EventAck>(room.endpoint, ROOM_PATHS.events, {
        token: participantToken,
        body: { events: [{ seq: next, at: new Date().toISOString(), kind: "blockEntered", block: "namespace" }] },
      }),
    );
    expect(ack.body).toEqual({ acknowledged: next });
  });
});

describe("a slow client", () => {
  it("gets 408 and its connection closed when its body does not arrive in time", async () => {
    const slow = await startTestRoom({ limits: { bodyTimeoutMs: 300 } });
    const port = Number(new URL(slow.endpoint).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.write(`POST ${ROOM_PATHS.join} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"protocol":`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(answer)).toBe('{"error":{"code":"BadRequest","message":"The request body did not arrive within 0 s."}}');
  });
});
