import { describe, expect, it } from "vitest";
import type { RoomLogRecord } from "../../src/room/protocol";
import { RoomState } from "../../src/room/room-state";

const at = (second: number) => new Date(Date.UTC(2026, 11, 4, 13, 0, second)).toISOString();
const question = { id: "naming.global", prompt: "Unique within…", choices: ["account", "Region", "partition"], correct: [2], explain: "One namespace." };

describe("the live quiz as the room's log tells it", () => {
  it("puts the top 10 of the leaderboard in the pacing and the whole of it in the instructor's snapshot", () => {
    const state = new RoomState([{ id: "intro", minutes: 10 }]);
    const records: RoomLogRecord[] = [{ type: "opened", at: at(0), workshopId: "w", code: "K7QF", instructorTokenHash: "h" }];
    for (let index = 1; index <= 12; index += 1) {
      records.push({ type: "joined", at: at(0), participantId: `p-${index}`, name: `P${String(index).padStart(2, "0")}`, version: "dev", tokenHash: `t-${index}`, target: { kind: "own", region: "us-east-1", otherRegion: "us-west-2", prefix: `p${index}` } });
    }
    records.push({ type: "pacing", at: at(0), command: { kind: "askQuestion", question, seconds: 30 } });
    // P12 answers first and right; everyone else right, slower; P01 wrong.
    for (let index = 12; index >= 1; index -= 1) {
      records.push({ type: "liveAnswer", at: at(13 - index), participantId: `p-${index}`, questionId: question.id, choices: [index === 1 ? 0 : 2] });
    }
    // A second answer in the log (it cannot be, but a hand-edited log might): the first stands.
    records.push({ type: "liveAnswer", at: at(20), participantId: "p-1", questionId: question.id, choices: [2] });
    records.push({ type: "pacing", at: at(25), command: { kind: "revealQuestion" } });
    for (const record of records) state.apply(record);

    expect(state.pacing.liveQuestion?.revealed).toMatchObject({ distribution: [1, 0, 11], answered: 12, correctCount: 11 });
    expect(state.pacing.liveLeaderboard?.map((row) => row.name)).toEqual(["P12", "P11", "P10", "P09", "P08", "P07", "P06", "P05", "P04", "P03"]);
    const board = state.snapshot().live.leaderboard;
    expect(board).toHaveLength(12);
    expect(board.at(-1)).toMatchObject({ name: "P01", correct: 0 });
  });
});
