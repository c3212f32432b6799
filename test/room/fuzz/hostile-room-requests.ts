import { ROOM_PATHS, ROOM_PROTOCOL } from "../../../src/room/protocol";
import type { SeededRandom } from "../../helpers/seeded-random";
import { hostileText } from "../../sandbox/fuzz/hostile-bodies";
import type { HostileRequest } from "../../sandbox/fuzz/hostile-requests";

/**
 * One hostile request at the room API, as wire bytes: every path and method and then some, missing,
 * made-up and real tokens (a participant's, the instructor's), bodies of random JSON, wrong types,
 * huge strings, near-valid events and joins, broken JSON, lying or missing lengths, cut-off bodies.
 */
export interface RoomFuzzTarget {
  host: string;
  code: string;
  participantToken: string;
  instructorToken: string;
}

const ROUTES: [string, string][] = [
  ["GET", ROOM_PATHS.hello],
  ["POST", ROOM_PATHS.join],
  ["POST", ROOM_PATHS.events],
  ["GET", ROOM_PATHS.me],
  ["GET", ROOM_PATHS.stream],
  ["GET", ROOM_PATHS.state],
  ["POST", ROOM_PATHS.pacing],
];

const METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "post", "TRACE"];

const path = (random: SeededRandom): string =>
  random.pick([
    ...Object.values(ROOM_PATHS).map((known) => () => known),
    () => `${random.pick(Object.values(ROOM_PATHS))}?${encodeURIComponent(hostileText(random))}`,
    () => `/_room/${encodeURIComponent(hostileText(random))}`,
    () => "/_room",
    () => "/_room/",
    () => "/_room/v1/../v1/state",
    () => "/_room/v1/%00%ff%c0%af",
    () => `/_room/v1/${"x".repeat(random.int(100, 6_000))}`,
    () => "/_room/v1/constructor",
    () => "/_room/v1/__proto__",
  ])();

/** Random JSON of any shape, nested a little. */
const randomJson = (random: SeededRandom, depth = 0): unknown => {
  const kinds = depth > 4 ? 5 : 7;
  switch (random.int(0, kinds - 1)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 2, 42]);
    case 3:
      return hostileText(random);
    case 4:
      return "s".repeat(random.pick([0, 1, 1_000, 100_000]));
    case 5:
      return Array.from({ length: random.int(0, 5) }, () => randomJson(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(0, 5) }, () => [random.pick(["events", "kind", "seq", "protocol", "code", "name", "__proto__", "constructor", hostileText(random, 5)]), randomJson(random, depth + 1)]),
      );
  }
};

const EVENT_KINDS = ["blockEntered", "stepEntered", "checkPassed", "checkFailed", "hint", "solve", "quizAnswer", "examFinished", "preflight", "nope"];

/** An event that is almost right: one field is wrong, missing or huge. */
const nearEvent = (random: SeededRandom): Record<string, unknown> => {
  const event: Record<string, unknown> = {
    kind: random.pick(EVENT_KINDS),
    seq: random.int(1, 1_000),
    at: "2026-12-04T10:00:00.000Z",
    block: "namespace",
    lesson: "bucket-names",
    step: "create",
    title: "Create",
    failed: [{ expectation: "e", reason: "r" }],
    questionId: "q1",
    mode: "practice",
    correct: true,
    answer: "a",
    score: 3,
    total: 5,
    passed: true,
    checks: [{ name: "node", ok: true, detail: "20" }],
  };
  const field = random.pick(Object.keys(event));
  event[field] = random.chance(0.3) ? undefined : randomJson(random);
  return event;
};

const body = (random: SeededRandom, target: RoomFuzzTarget): string =>
  random.pick([
    () => JSON.stringify(randomJson(random)),
    () => JSON.stringify({ events: Array.from({ length: random.int(0, 8) }, () => nearEvent(random)) }),
    () => JSON.stringify({ events: Array.from({ length: random.pick([501, 2_000]) }, (_, index) => ({ kind: "hint", seq: index + 1 })) }),
    () => JSON.stringify({ protocol: random.pick([ROOM_PROTOCOL, 0, 99, "1", null]), version: hostileText(random), code: random.pick([target.code, target.code.toLowerCase(), hostileText(random)]), name: random.pick([hostileText(random), "", "n".repeat(random.int(0, 200))]) }),
    () => JSON.stringify({ kind: random.pick(["broadcast", "openBlock", "startExam", "explode"]), text: hostileText(random), block: random.pick(["exam", "namespace", hostileText(random)]) }),
    () => `{"events": [${"[".repeat(random.int(1, 5_000))}`,
    () => hostileText(random, random.int(0, 300)),
    () => "",
    () => JSON.stringify({ events: [{ kind: "hint", seq: 1, at: "2026-12-04T10:00:00Z", block: "b", lesson: "l", step: "s", title: "x".repeat(300 * 1024) }] }),
  ])();

const authorization = (random: SeededRandom, target: RoomFuzzTarget): string | undefined =>
  random.pick([
    () => undefined,
    () => `Bearer ${target.participantToken}`,
    () => `Bearer ${target.instructorToken}`,
    // Only what a header may carry: a header Node's parser refuses never reaches the room.
    () => `Bearer ${hostileText(random).replace(/[^\x20-\x7e]/g, "")}`,
    () => `Bearer ${"t".repeat(random.int(100, 8_000))}`,
    () => `Basic ${Buffer.from("a:b").toString("base64")}`,
    () => "Bearer",
  ])();

export interface HostileRoomRequest extends HostileRequest {
  /** Valid HTTP framing and method: it reaches the room API, so its answer must be the room's JSON. */
  reachesApi: boolean;
}

export const hostileRoomRequest = (random: SeededRandom, target: RoomFuzzTarget): HostileRoomRequest => {
  // Half aim at a real route with its method, so the hostility reaches the handlers and not only the 404.
  const [method, requestPath] = random.chance(0.5) ? random.pick(ROUTES) : [random.pick(METHODS), path(random)];
  const withBody = method !== "GET" || random.chance(0.1);
  const bytes = withBody ? Buffer.from(body(random, target), "utf8") : Buffer.alloc(0);
  const truncated = withBody && bytes.length > 0 && random.chance(0.1);
  const connectionClose = random.chance(0.2);
  const auth = authorization(random, target);
  const lines = [`${method} ${requestPath} HTTP/1.1`, `Host: ${target.host}`];
  if (auth !== undefined) lines.push(`Authorization: ${auth}`);
  if (withBody) lines.push("Content-Type: application/json");
  const framing = random.pick(["length", "length", "length", "chunked", "none", "lies"]);
  let payloadBody = bytes;
  if (withBody && framing === "length") lines.push(`Content-Length: ${bytes.length}`);
  if (withBody && framing === "lies") lines.push(`Content-Length: ${random.pick([bytes.length + 10, 999_999_999, -1])}`);
  if (withBody && framing === "chunked") {
    lines.push("Transfer-Encoding: chunked");
    payloadBody = Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from(bytes.length > 0 ? "\r\n0\r\n\r\n" : "\r\n")]);
  }
  if (random.chance(0.05)) lines.push("Expect: 100-continue");
  if (connectionClose) lines.push("Connection: close");
  const sent = truncated ? payloadBody.subarray(0, Math.floor(payloadBody.length / 2)) : payloadBody;
  return {
    label: `${method} ${requestPath.slice(0, 40)} ${framing}${truncated ? " truncated" : ""}`,
    payload: Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), sent]),
    truncated: truncated || framing === "lies",
    connectionClose,
    reachesApi: method === method.toUpperCase() && (!withBody || framing === "length" || framing === "chunked") && !truncated,
  };
};
