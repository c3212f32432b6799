import { describe, expect, it } from "vitest";
import type { ParticipantEvent, RoomLogRecord } from "../../src/room/protocol";
import { RoomState } from "../../src/room/room-state";

const blocks = [
  { id: "welcome", minutes: 5 },
  { id: "names", minutes: 20 },
  { id: "exam", minutes: 10, exam: true },
];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString();
const opened: RoomLogRecord = { type: "opened", at: at(0), workshopId: "w", code: "K7QF", instructorTokenHash: "i" };
const joined = (id: string): RoomLogRecord => ({
  type: "joined",
  at: at(1),
  participantId: id,
  name: id,
  version: "dev",
  tokenHash: `hash-${id}`,
  target: { kind: "own", region: "eu-west-1", otherRegion: "us-west-2", prefix: id },
});
const place = { block: "names", lesson: "global-namespace", step: "claim-a-name", title: "Claim a name" };
const event = (participantId: string, e: ParticipantEvent): RoomLogRecord => ({ type: "event", at: e.at, participantId, event: e });
const failed = (seq: number, minute: number): ParticipantEvent => ({
  kind: "checkFailed",
  ...place,
  seq,
  at: at(minute),
  failed: [{ expectation: "BucketRegion is eu-west-1", reason: "the bucket is in us-east-1" }],
});

const room = (...records: RoomLogRecord[]) => {
  const state = new RoomState(blocks);
  for (const record of [opened, ...records]) state.apply(record);
  return state;
};

describe("the room's state, read from its log", () => {
  it("puts a participant who failed the same check three times first in the stuck list, with the reason", () => {
    const state = room(
      joined("ana"),
      joined("bo"),
      event("ana", { kind: "stepEntered", ...place, seq: 1, at: at(2) }),
      event("ana", failed(2, 3)),
      event("ana", failed(3, 3)),
      event("ana", failed(4, 4)),
      event("bo", { kind: "stepEntered", ...place, seq: 1, at: at(2) }),
    );
    const stuck = state.stuck(new Date(at(5)));
    expect(stuck.map((entry) => entry.participant.name)).toEqual(["ana"]);
    expect(stuck[0]!.why).toBe("failed 3 times in a row: the bucket is in us-east-1");
    // Bo has been on the step over five minutes by 9:08.
    expect(state.stuck(new Date(at(8))).map((entry) => entry.participant.name)).toEqual(["ana", "bo"]);
  });

  it("takes a passed check off the stuck list and counts who failed each check and why", () => {
    const state = room(
      joined("ana"),
      joined("bo"),
      event("ana", failed(1, 2)),
      event("ana", failed(2, 2)),
      event("ana", failed(3, 2)),
      event("ana", { kind: "checkPassed", ...place, seq: 4, at: at(3) }),
      event("bo", failed(1, 3)),
    );
    expect(state.stuck(new Date(at(4)))).toEqual([]);
    const [top] = state.mostFailed();
    expect(top).toMatchObject({ key: "global-namespace/claim-a-name", failures: 4, failedBy: ["ana", "bo"], passedBy: ["ana"] });
    expect(top!.reasons).toEqual([
      { expectation: "BucketRegion is eu-west-1", reason: "the bucket is in us-east-1", count: 4, participants: ["ana", "bo"] },
    ]);
  });

  it("keeps an event sent twice once", () => {
    const state = room(joined("ana"), event("ana", failed(1, 2)), event("ana", failed(1, 2)));
    expect(state.isDuplicate("ana", 1)).toBe(true);
    expect(state.snapshot().participants[0]).toMatchObject({ checksFailed: 1, lastSeq: 1 });
  });

  it("opens blocks in order, starts the exam, and tells the agenda clock ahead or behind", () => {
    const state = room();
    expect(state.pacing.openBlocks).toEqual(["welcome"]);
    expect(state.agendaClock(new Date(at(9)))).toMatchObject({ scheduledBlock: "names", openBlock: "welcome", deltaMinutes: -4 });
    state.apply({ type: "pacing", at: at(9), command: { kind: "openBlock" } });
    expect(state.agendaClock(new Date(at(9)))).toMatchObject({ openBlock: "names", deltaMinutes: 0 });
    state.apply({ type: "pacing", at: at(10), command: { kind: "startExam" } });
    expect(state.pacing).toMatchObject({ openBlocks: ["welcome", "names", "exam"], exam: { block: "exam", startedAt: at(10) } });
    expect(state.agendaClock(new Date(at(10))).deltaMinutes).toBe(15);
    expect(state.refusePacing({ kind: "openBlock" })).toBe("every block is open already");
    expect(state.refusePacing({ kind: "startExam", block: "names" })).toBe('block "names" is not an exam');
  });
});
