import { afterEach, describe, expect, it } from "vitest";
import type { LiveQuestionPacing, Pacing } from "../../src/room/protocol";
import { FakeRoom, workshopPlan as plan } from "./fake-room";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

const NOW = Date.parse("2026-12-04T13:00:10.000Z");
const clock = () => new Date(NOW);
const basePacing: Pacing = { startedAt: "2026-12-04T09:00:00.000Z", openBlocks: ["welcome", "claim"], messages: [] };
const question: LiveQuestionPacing = {
  id: "naming.global",
  prompt: "Bucket names are unique within…",
  choices: ["your account", "a Region", "the partition"],
  multi: false,
  startedAt: "2026-12-04T13:00:00.000Z",
  deadline: "2026-12-04T13:00:30.000Z",
};
const reveal = { correct: [2], explain: "Every account in the partition shares one bucket namespace.", distribution: [1, 0, 2], answered: 3, correctCount: 2 };

describe("the live question on a participant's screen", () => {
  let app: RenderedApp | undefined;
  afterEach(async () => {
    await app?.unmount();
    app = undefined;
  });

  it("comes over the agenda at once with its countdown, sends the answer, and shows right or wrong, the room's answers and the explanation at the reveal", async () => {
    const room = new FakeRoom(basePacing);
    app = await renderApp({ workshop: { plan, room }, clock, rows: 30 });
    await app.waitFor("Names and regions, live");

    room.pace({ liveQuestion: question });
    let frame = await app.waitFor("Live question from the instructor · 0:20 left");
    expect(frame).toContain("Bucket names are unique within…");
    expect(frame).toMatch(/❯ A\. your account/);
    expect(frame).not.toContain("Names and regions, live");

    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("✓ Answer sent (4.0 s). The answer comes when the instructor reveals it.");
    expect(room.sent).toEqual([{ questionId: "naming.global", choices: [2] }]);
    // One answer: the keys do nothing more.
    await app.press("a");
    expect(room.sent).toHaveLength(1);

    // Put away: the agenda is back, in its place.
    await app.press(KEYS.escape);
    await app.waitFor("Names and regions, live");

    // The reveal brings it back, with how it went.
    room.pace({ liveQuestion: { ...question, revealed: reveal }, liveLeaderboard: [{ participantId: "p-1", name: "Cy", correct: 1, correctMs: 3_000 }, { participantId: "p-2", name: "Me", correct: 1, correctMs: 4_000 }] });
    frame = await app.waitFor("✓ Right, in 4.0 s.");
    expect(frame).toMatch(/✓ C\. the partition\s+█+·* 2 ← you/);
    expect(frame).toMatch(/  A\. your account\s+█+·* 1/);
    expect(frame).toContain("2 of 3 got it right.");
    expect(frame).toContain("Every account in the partition shares one bucket namespace.");
    expect(frame).toContain("Top: 1. Cy 1 ✓ 3.0 s · 2. Me 1 ✓ 4.0 s");
    await app.press(KEYS.enter);
    await app.waitFor("Names and regions, live");
  });

  it("says why the room refused an answer, and tells one who did not answer so at the reveal", async () => {
    const room = new FakeRoom({ ...basePacing, liveQuestion: question });
    room.outcome = { kept: false, why: "Time is up for this question." };
    // A late joiner (or a reconnect) gets the open question from the pacing it starts with.
    app = await renderApp({ workshop: { plan, room }, clock, rows: 30 });
    await app.waitFor("Live question from the instructor");
    await app.press("b");
    await app.waitFor("✗ Time is up for this question.");
    room.pace({ liveQuestion: { ...question, revealed: reveal } });
    await app.waitFor("You did not answer this one.");
  });

  it("ticks several choices of a choose-all question and sends them with enter", async () => {
    const room = new FakeRoom(basePacing);
    app = await renderApp({ workshop: { plan, room }, clock, rows: 30 });
    await app.waitFor("Names and regions, live");
    room.pace({ liveQuestion: { ...question, id: "naming.rules", multi: true, choices: ["lower case", "dots", "underscores"] } });
    await app.waitFor("Choose all that apply: space ticks, enter sends.");
    await app.press(KEYS.enter);
    expect(room.sent).toEqual([]);
    await app.press(" ", KEYS.down, "c", KEYS.enter);
    await app.waitFor("✓ Answer sent");
    expect(room.sent).toEqual([{ questionId: "naming.rules", choices: [0, 2] }]);
  });

  it("knows, after a restart of the app, the answer the room holds and does not ask again", async () => {
    const room = new FakeRoom({ ...basePacing, liveQuestion: question });
    room.link = { ...room.link, liveAnswer: { questionId: question.id, choices: [1], ms: 7_000 } };
    app = await renderApp({ workshop: { plan, room }, clock, rows: 30 });
    await app.waitFor("✓ Answer sent (7.0 s).");
    await app.press("c");
    expect(room.sent).toEqual([]);
    room.pace({ liveQuestion: { ...question, revealed: reveal } });
    const frame = await app.waitFor("✗ Not this time.");
    expect(frame).toMatch(/  B\. a Region\s+·+ 0 ← you/);
  });

  it("does not come up for a question whose time is over before the participant arrived", async () => {
    const room = new FakeRoom({ ...basePacing, liveQuestion: { ...question, deadline: "2026-12-04T13:00:05.000Z" } });
    app = await renderApp({ workshop: { plan, room }, clock, rows: 30 });
    const frame = await app.waitFor("Names and regions, live");
    expect(frame).not.toContain("Live question");
  });
});
