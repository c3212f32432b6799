import { afterEach, describe, expect, it } from "vitest";
import type { Pacing, ParticipantActivity } from "../../src/room/protocol";
import { FakeRoom, workshopPlan as plan } from "./fake-room";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

const pacing = (openBlocks: string[], extra: Partial<Pacing> = {}): Pacing => ({ startedAt: "2026-12-04T09:00:00.000Z", openBlocks, messages: [], ...extra });

describe("the workshop agenda", () => {
  let app: RenderedApp | undefined;
  afterEach(async () => {
    await app?.unmount();
    app = undefined;
  });

  const open = async (room: FakeRoom) => {
    const told: ParticipantActivity[] = [];
    const reportActivity = (activity: ParticipantActivity) => {
      told.push(activity);
      if (activity.kind === "examFinished") room.finished.set(activity.block, { score: activity.score, total: activity.total, passed: activity.passed });
    };
    app = await renderApp({ workshop: { plan, room }, reportActivity, rows: 30 });
    return { app, told };
  };

  it("shows the blocks with their minutes, the locked ones, the instructor's message and the room's status", async () => {
    const room = new FakeRoom(pacing(["welcome", "claim"], { messages: [{ id: 1, at: "2026-12-04T09:05:00.000Z", text: "Start with block 2" }] }));
    const { app, told } = await open(room);
    const frame = await app.waitFor("Names and regions, live");
    expect(frame).toContain("Room: connected");
    expect(frame).toContain("Instructor: Start with block 2");
    expect(frame).toMatch(/1\. Welcome\s+5 min/);
    // The room is on the last block opened; the lesson block's title is its lesson's.
    expect(frame).toMatch(/▶ 2\. One name, one owner\s+15 min/);
    expect(frame).toMatch(/· 3\. Quiz: naming\s+10 min · opens when the instructor says/);
    expect(frame).toMatch(/· 4\. Exam: naming\s+20 min · opens when the instructor says/);

    // A locked block is not entered.
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('"Quiz: naming" opens when the instructor says.');
    expect(told).toEqual([]);

    room.change({ connected: false, message: "room unreachable (ECONNREFUSED) — your progress is kept and will be sent" });
    await app.waitFor("Room: room unreachable (ECONNREFUSED) — your progress is kept and will be sent");
  });

  it("opens a block of chosen steps at its step and tells the room what the participant does there", async () => {
    const room = new FakeRoom(pacing(["welcome", "claim"]));
    const { app, told } = await open(room);
    await app.waitFor("▶ 2.");
    await app.press(KEYS.enter);
    await app.waitFor("▶ Claim a name");
    expect(told.slice(0, 2)).toEqual([
      { kind: "blockEntered", block: "claim" },
      { kind: "stepEntered", block: "claim", lesson: "global-namespace", step: "claim-a-name", title: "Claim a name" },
    ]);
    await app.waitFor("Do it yourself");

    await app.press("h");
    await app.waitFor("Hint");
    // Checked before doing anything: it fails, with the expectation and why.
    await app.press("c");
    await app.waitFor("Fix it and press c again", 20_000);
    const failed = told.find((activity) => activity.kind === "checkFailed");
    expect(failed).toMatchObject({ kind: "checkFailed", block: "claim", step: "claim-a-name" });
    const first = failed?.kind === "checkFailed" ? failed.failed[0] : undefined;
    // As the checklist on screen says it: the ✗ line, and the reason under it.
    expect(first).toEqual({ expectation: "s3t-claim is yours, in eu-west-1", reason: "failed with NotFound (404): Not Found" });
    expect(app.frame()).toContain("✗ s3t-claim is yours, in eu-west-1");
    expect(app.frame()).toContain("failed with NotFound (404): Not Found");

    // Done for the participant (this step asks a question, so the check runs too, and passes).
    await app.press("s");
    await app.waitFor("Step passed", 20_000);
    expect(told.map((activity) => activity.kind)).toEqual(["blockEntered", "stepEntered", "hint", "checkFailed", "solve", "checkPassed"]);

    // The block chose this step only: the next one is the recap, and the agenda marks the block done.
    await app.press("n");
    // Scored over the block's step alone, and the agenda says what comes next, not the lessons' own order.
    const recap = await app.waitFor("score");
    expect(recap).toContain("✓ Block complete  score 0 of 1 (0%)");
    expect(recap).toContain("hands-on: Claim a name (done for you)");
    expect(recap).not.toContain("Another account tries the same name");
    expect(recap).toContain("esc: back to the agenda, for the next block");
    expect(recap).not.toContain("next lesson:");
    await app.press(KEYS.escape);
    await app.waitFor(/2\. One name, one owner\s+15 min · ✓ done/);
  });

  it("tells the room each practice answer, with whether it was right and what was answered", async () => {
    const room = new FakeRoom(pacing(["welcome", "claim", "drill"]));
    const { app, told } = await open(room);
    await app.waitFor("▶ 3.");
    await app.press(KEYS.enter);
    await app.waitFor("question 1 of 2");
    await app.press(KEYS.enter);
    await app.waitFor((frame) => told.some((activity) => activity.kind === "quizAnswer") || frame.includes("Your answer"));
    const answer = told.find((activity) => activity.kind === "quizAnswer");
    expect(answer).toMatchObject({ kind: "quizAnswer", block: "drill", mode: "practice" });
    expect(answer?.kind === "quizAnswer" ? typeof answer.correct : undefined).toBe("boolean");
    expect(answer?.kind === "quizAnswer" ? answer.answer.length : 0).toBeGreaterThan(0);
  });

  it("opens the exam when the instructor starts it, and tells the room the score against the block's pass mark", async () => {
    const room = new FakeRoom(pacing(["welcome", "claim"]));
    const { app, told } = await open(room);
    await app.waitFor("4. Exam: naming");
    room.change({ pacing: pacing(["welcome", "claim"], { exam: { block: "final", startedAt: "2026-12-04T10:00:00.000Z" } }) });
    await app.waitFor("question 1 of 3");
    // Three questions, the first answered with the first option, the rest left; then ended.
    await app.press(KEYS.enter);
    await app.waitFor("Saved.");
    await app.press("e");
    await app.waitFor("End the exam with 2 questions unanswered?");
    await app.press("y");
    await app.waitFor((frame) => told.some((activity) => activity.kind === "examFinished") && frame.length > 0);
    // The screen scores it against the block's pass mark, as the room is told.
    await app.waitFor("(pass mark 60%)");
    const finished = told.find((activity) => activity.kind === "examFinished");
    expect(finished).toMatchObject({ kind: "examFinished", block: "final", total: 3 });
    const score = finished?.kind === "examFinished" ? finished.score : -1;
    expect(finished?.kind === "examFinished" ? finished.passed : undefined).toBe(score / 3 >= 0.6);
    expect(told.filter((activity) => activity.kind === "quizAnswer")).toHaveLength(1);

    // Taken once: back on the agenda, the exam block says the result instead of opening again.
    await app.press(KEYS.escape);
    await app.waitFor("4. Exam: naming");
    for (let presses = 0; presses < 5 && !/❯\s+4\. Exam/.test(app.frame()); presses++) {
      await app.press(KEYS.down);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await app.press(KEYS.enter);
    await app.waitFor(`You finished this exam: ${score} of 3`);
    expect(told.filter((activity) => activity.kind === "examFinished")).toHaveLength(1);
  });
});
