import { describe, expect, it } from "vitest";
import type { LiveQuestion, RoomLogRecord } from "../../../src/room/protocol";
import { toHtml } from "../../../src/room/report/report-html";
import { roomReport } from "../../../src/room/report/room-report";
import { at, NOW, scriptedRoom } from "../fixtures/scripted-room";
import { WORKSHOP } from "../fixtures/scripted-workshop";

const global: LiveQuestion = { id: "naming.global", prompt: "Bucket names are unique within <what>?", choices: ["an account", "a Region", "the partition"], correct: [2], explain: "One namespace." };
const length: LiveQuestion = { id: "naming.length", prompt: "At most how long is a bucket name?", choices: ["63", "255"], correct: [0], explain: "3 to 63." };

const answer = (participantId: string, questionId: string, choices: number[], minute: number, second: number): RoomLogRecord => ({
  type: "liveAnswer",
  at: at(minute, second),
  participantId,
  questionId,
  choices,
});

/** The scripted room after two live questions: the first revealed, the second still open. */
const roomWithLiveQuiz = () => {
  const state = scriptedRoom();
  const records: RoomLogRecord[] = [
    { type: "pacing", at: at(20), command: { kind: "askQuestion", question: global, seconds: 30 } },
    answer("p-ana", global.id, [2], 20, 4),
    answer("p-bo", global.id, [0], 20, 9),
    answer("p-cy", global.id, [2], 20, 6),
    { type: "pacing", at: at(21), command: { kind: "revealQuestion" } },
    { type: "pacing", at: at(25), command: { kind: "askQuestion", question: length, seconds: 30 } },
    answer("p-dee", length.id, [0], 25, 3),
  ];
  for (const record of records) state.apply(record);
  return state;
};

describe("the live quiz in the room's report", () => {
  it("has each live question with answered, correct percent, distribution and median time, and the final leaderboard", () => {
    const report = roomReport(roomWithLiveQuiz(), WORKSHOP, NOW);
    expect(report.live.questions).toEqual([
      {
        questionId: "naming.global",
        prompt: global.prompt,
        askedAt: at(20),
        revealed: true,
        answered: 3,
        correct: 2,
        correctPercent: 67,
        distribution: [
          { choice: "an account", count: 1, correct: false },
          { choice: "a Region", count: 0, correct: false },
          { choice: "the partition", count: 2, correct: true },
        ],
        medianMs: 6_000,
      },
      {
        questionId: "naming.length",
        prompt: length.prompt,
        askedAt: at(25),
        revealed: false,
        answered: 1,
        correct: 1,
        correctPercent: 100,
        distribution: [
          { choice: "63", count: 1, correct: true },
          { choice: "255", count: 0, correct: false },
        ],
        medianMs: 3_000,
      },
    ]);
    // Only revealed questions count: Dee's answer to the open one is not on it yet.
    expect(report.live.leaderboard).toEqual([
      { name: "Ana", correct: 1, correctMs: 4_000 },
      { name: "Cy", correct: 1, correctMs: 6_000 },
      { name: "Bo", correct: 0, correctMs: 0 },
    ]);
  });

  it("gives each live question a line in the HTML, escaped, and the leaderboard", () => {
    const html = toHtml(roomReport(roomWithLiveQuiz(), WORKSHOP, NOW));
    expect(html).toContain("<h2>Live quiz</h2>");
    expect(html).toContain("<td>Bucket names are unique within &lt;what&gt;?</td><td class=\"n\">3</td><td class=\"n\">67%</td><td class=\"n\">6.0 s</td>");
    expect(html).toContain("Leaderboard: 1. Ana (1 right, 4.0 s) · 2. Cy (1 right, 6.0 s) · 3. Bo (0 right, 0.0 s)");
    expect(toHtml(roomReport(scriptedRoom(), WORKSHOP, NOW))).toContain("No live question was asked.");
  });
});
