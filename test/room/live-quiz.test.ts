import { mkdtemp, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tmpdir } from "node:os";
import { openRoomSession } from "../../src/room-client/open-session";
import { PacingStream } from "../../src/room-client/pacing-stream";
import { RoomConnection } from "../../src/room-client/room-connection";
import {
  ROOM_PATHS,
  type LiveAnswerAck,
  type LiveQuestion,
  type Pacing,
  type ParticipantView,
  type RoomErrorBody,
} from "../../src/room/protocol";
import type { RoomSnapshot } from "../../src/room/room-state";
import { call, joinRoom, roomDir, startTestRoom } from "./helpers/room-api";
import { cleanedAfterEach } from "./helpers/room-process";

const rooms = cleanedAfterEach();

const question: LiveQuestion = {
  id: "namespace.global-names",
  prompt: "Bucket names are unique within…",
  choices: ["your account", "a Region", "all of AWS (the partition)"],
  correct: [2],
  explain: "Bucket names share one namespace across every account in the partition.",
};

/** A clock the test moves: answers' speed and the deadline are measured on it. */
const testClock = (start = Date.parse("2026-12-04T13:00:00.000Z")) => {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

const errorOf = (body: unknown) => (body as RoomErrorBody).error;

describe("the live room quiz", () => {
  it("collects one answer each, hides them until the reveal, then publishes distribution, explanation and leaderboard", async () => {
    const clock = testClock();
    const room = await startTestRoom({ now: clock.now });
    const [ada, bo, cy] = await Promise.all(["Ada", "Bo", "Cy"].map(async (name) => (await joinRoom(room.endpoint, room.code, name)).body));
    const instructor = room.instructorToken;

    // Bo listens with the participant app's own stream client.
    const seen: Pacing[] = [];
    const stream = new PacingStream({ baseUrl: room.endpoint, token: bo!.token, onPacing: (pacing) => seen.push(pacing) });
    stream.start();
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);

      const asked = await call<Pacing>(room.endpoint, ROOM_PATHS.pacing, { token: instructor, body: { kind: "askQuestion", question, seconds: 30 } });
      expect(asked.status).toBe(200);
      expect(asked.body.liveQuestion).toEqual({
        id: question.id,
        prompt: question.prompt,
        choices: question.choices,
        multi: false,
        startedAt: "2026-12-04T13:00:00.000Z",
        deadline: "2026-12-04T13:00:30.000Z",
      });
      // Everyone learns it at once over the stream; the answer is not in it.
      await expect.poll(() => seen.at(-1)?.liveQuestion?.id).toBe(question.id);
      expect(JSON.stringify(seen.at(-1))).not.toContain(question.explain);
      expect(seen.at(-1)?.liveQuestion).not.toHaveProperty("correct");

      clock.advance(4_000);
      const adaAnswer = await call<LiveAnswerAck>(room.endpoint, ROOM_PATHS.liveAnswer, { token: ada!.token, body: { questionId: question.id, choices: [2] } });
      expect(adaAnswer).toMatchObject({ status: 200, body: { questionId: question.id, ms: 4_000 } });
      clock.advance(2_000);
      expect((await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: bo!.token, body: { questionId: question.id, choices: [0] } })).status).toBe(200);
      clock.advance(1_000);
      expect((await call<LiveAnswerAck>(room.endpoint, ROOM_PATHS.liveAnswer, { token: cy!.token, body: { questionId: question.id, choices: [2] } })).body.ms).toBe(7_000);

      // A second answer is refused: the first one stands.
      const again = await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: bo!.token, body: { questionId: question.id, choices: [2] } });
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toEqual({ code: "AlreadyAnswered", message: "You answered this question already; one answer per question." });

      // Before the reveal: the instructor sees how many answered, not what; participants see neither.
      const before = (await call<RoomSnapshot>(room.endpoint, ROOM_PATHS.state, { token: instructor })).body;
      expect(before.live.current).toMatchObject({ id: question.id, answered: 3 });
      expect(before.live.current).not.toHaveProperty("revealed");
      expect(before.live.leaderboard).toEqual([]);
      const boBefore = (await call<ParticipantView>(room.endpoint, ROOM_PATHS.me, { token: bo!.token })).body;
      expect(boBefore.pacing.liveQuestion).not.toHaveProperty("revealed");
      expect(JSON.stringify(boBefore.pacing)).not.toMatch(/distribution|answered|explain/);
      // Each sees their own answer only (an app restarted mid-question knows it answered).
      expect(boBefore.liveAnswer).toEqual({ questionId: question.id, choices: [0], ms: 6_000 });
      expect(JSON.stringify(boBefore)).not.toMatch(/"choices":\[2\]/);

      // The instructor reveals: the stream carries the answer, the distribution, the explanation and the leaderboard.
      const revealed = await call<Pacing>(room.endpoint, ROOM_PATHS.pacing, { token: instructor, body: { kind: "revealQuestion" } });
      expect(revealed.body.liveQuestion?.revealed).toEqual({ correct: [2], explain: question.explain, distribution: [1, 0, 2], answered: 3, correctCount: 2 });
      await expect.poll(() => seen.at(-1)?.liveQuestion?.revealed?.distribution).toEqual([1, 0, 2]);
      expect(seen.at(-1)?.liveLeaderboard).toEqual([
        { participantId: ada!.participantId, name: "Ada", correct: 1, correctMs: 4_000 },
        { participantId: cy!.participantId, name: "Cy", correct: 1, correctMs: 7_000 },
        { participantId: bo!.participantId, name: "Bo", correct: 0, correctMs: 0 },
      ]);

      // Answers are closed once revealed; revealing twice is refused.
      const late = await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: cy!.token, body: { questionId: question.id, choices: [1] } });
      expect(errorOf(late.body).code).toBe("QuestionClosed");
      const twice = await call(room.endpoint, ROOM_PATHS.pacing, { token: instructor, body: { kind: "revealQuestion" } });
      expect(errorOf(twice.body).message).toBe("The room cannot do that: the current question is revealed already.");
    } finally {
      await stream.stop();
    }
  });

  it("shows a late joiner and a reconnecting participant the current question, and refuses answers after the deadline", async () => {
    const clock = testClock();
    const room = await startTestRoom({ now: clock.now });
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    await call(room.endpoint, ROOM_PATHS.pacing, { token: room.instructorToken, body: { kind: "askQuestion", question, seconds: 20 } });

    const late = (await joinRoom(room.endpoint, room.code, "Late")).body;
    expect(late.pacing.liveQuestion?.id).toBe(question.id);
    const me = (await call<ParticipantView>(room.endpoint, ROOM_PATHS.me, { token: ada.token })).body;
    expect(me.pacing.liveQuestion).toMatchObject({ id: question.id, deadline: "2026-12-04T13:00:20.000Z" });

    clock.advance(20_001);
    const tooLate = await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: late.token, body: { questionId: question.id, choices: [2] } });
    expect(tooLate.status).toBe(409);
    expect(errorOf(tooLate.body)).toEqual({ code: "QuestionClosed", message: "Time is up for this question." });
  });

  it("refuses what makes no sense, saying why", async () => {
    const room = await startTestRoom();
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    const pace = (body: unknown, token = room.instructorToken) => call(room.endpoint, ROOM_PATHS.pacing, { token, body });
    expect(errorOf((await pace({ kind: "revealQuestion" })).body).message).toBe("The room cannot do that: no live question has been asked.");
    expect(errorOf((await pace({ kind: "askQuestion", question: { ...question, correct: [5] }, seconds: 30 })).body).message).toBe(
      "The room cannot do that: a correct choice is not one of the choices.",
    );
    expect(errorOf((await pace({ kind: "askQuestion", question, seconds: 2 })).body).message).toMatch(/seconds/);
    // Only the instructor asks.
    expect((await pace({ kind: "askQuestion", question, seconds: 30 }, ada.token)).status).toBe(403);
    expect((await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: question.id, choices: [0] } })).status).toBe(409);

    expect((await pace({ kind: "askQuestion", question, seconds: 30 })).status).toBe(200);
    const second = { ...question, id: "namespace.other" };
    expect(errorOf((await pace({ kind: "askQuestion", question: second, seconds: 30 })).body).message).toBe(
      `The room cannot do that: question "${question.id}" is still open; reveal it first.`,
    );
    const answer = (choices: unknown) => call(room.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: question.id, choices } });
    expect(errorOf((await answer([0, 2])).body)).toEqual({ code: "BadRequest", message: "This question takes one choice." });
    expect(errorOf((await answer([7])).body)).toEqual({ code: "BadRequest", message: "This question has 3 choices." });
    expect(errorOf((await answer("two")).body).code).toBe("BadRequest");
    expect((await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: room.instructorToken, body: { questionId: question.id, choices: [0] } })).status).toBe(403);
    expect((await pace({ kind: "revealQuestion" })).status).toBe(200);
    expect(errorOf((await pace({ kind: "askQuestion", question, seconds: 30 })).body).message).toBe(`The room cannot do that: question "${question.id}" was asked already.`);
  });

  it("keeps one answer when the same participant sends two at once", async () => {
    const room = await startTestRoom();
    const ada = (await joinRoom(room.endpoint, room.code, "Ada")).body;
    await call(room.endpoint, ROOM_PATHS.pacing, { token: room.instructorToken, body: { kind: "askQuestion", question, seconds: 30 } });
    const answers = await Promise.all(
      [0, 1, 2, 0].map((choice) => call(room.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: question.id, choices: [choice] } })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(3);
    const logged = (await readFile(join(room.dataDir, "room.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { type: string });
    expect(logged.filter((record) => record.type === "liveAnswer")).toHaveLength(1);
  });
});

describe("the participant's link and the live quiz", () => {
  it("hears the question, sends the answer at once, says why a second is refused, and tells a room that is gone", async () => {
    const room = await startTestRoom();
    const root = await mkdtemp(join(tmpdir(), "rooms-"));
    rooms.dirs.push(root);
    const opened = await openRoomSession(room.address, { code: room.code, name: "Ada", version: "dev" }, root);
    const link = await RoomConnection.open(opened.session, opened.files, opened.pacing, { minDelayMs: 20, maxDelayMs: 200 });
    try {
      await call(room.endpoint, ROOM_PATHS.pacing, { token: room.instructorToken, body: { kind: "askQuestion", question, seconds: 60 } });
      await expect.poll(() => link.link.pacing.liveQuestion?.id).toBe(question.id);
      const kept = await link.answerLive(question.id, [2]);
      expect(kept).toMatchObject({ kept: true });
      expect(await link.answerLive(question.id, [0])).toEqual({ kept: false, why: "You answered this question already; one answer per question." });
      expect(room.state.live.current?.answers.get(opened.session.participantId)?.choices).toEqual([2]);
      await room.close();
      const away = await link.answerLive(question.id, [1]);
      expect(away.kept).toBe(false);
      expect(away.kept ? "" : away.why).toMatch(/the room did not answer, so your answer was not counted/);
    } finally {
      await link.close();
    }
  });
});

describe("the live room quiz after kill -9", () => {
  it("keeps the question and its answers, and still refuses a second answer", { timeout: 90_000 }, async () => {
    const dir = await roomDir();
    rooms.dirs.push(dir);
    const first = await rooms.start(dir);
    const ada = (await joinRoom(first.endpoint, first.code, "Ada")).body;
    const bo = (await joinRoom(first.endpoint, first.code, "Bo")).body;
    await call(first.endpoint, ROOM_PATHS.pacing, { token: first.instructorToken, body: { kind: "askQuestion", question, seconds: 600 } });
    expect((await call(first.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: question.id, choices: [2] } })).status).toBe(200);
    expect((await call(first.endpoint, ROOM_PATHS.liveAnswer, { token: bo.token, body: { questionId: question.id, choices: [1] } })).status).toBe(200);
    await rooms.kill(first);

    const second = await rooms.start(dir);
    const snapshot = (await call<RoomSnapshot>(second.endpoint, ROOM_PATHS.state, { token: second.instructorToken })).body;
    expect(snapshot.live.current).toMatchObject({ id: question.id, answered: 2 });
    expect((await call(second.endpoint, ROOM_PATHS.liveAnswer, { token: ada.token, body: { questionId: question.id, choices: [0] } })).status).toBe(409);
    const revealed = (await call<Pacing>(second.endpoint, ROOM_PATHS.pacing, { token: second.instructorToken, body: { kind: "revealQuestion" } })).body;
    expect(revealed.liveQuestion?.revealed?.distribution).toEqual([0, 1, 1]);
    expect(revealed.liveLeaderboard?.map((row) => [row.name, row.correct])).toEqual([["Ada", 1], ["Bo", 0]]);
  });
});
