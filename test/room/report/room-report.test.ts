import { describe, expect, it } from "vitest";
import { roomReport } from "../../../src/room/report/room-report";
import { NOW, scriptedRoom } from "../fixtures/scripted-room";
import { WORKSHOP } from "../fixtures/scripted-workshop";

describe("the room's report, as JSON", () => {
  const report = roomReport(scriptedRoom(), WORKSHOP, NOW);

  it("has each participant by table, with blocks completed, steps passed, failures, hints, solves and exam", () => {
    expect(report.participantCount).toBe(4);
    expect(report.participants.map((row) => [row.name, row.table])).toEqual([
      ["Ana", "1"],
      ["Bo", "1"],
      ["Cy", "2"],
      ["Dee", "2"],
    ]);
    const [ana, bo, cy, dee] = report.participants;
    expect(ana).toMatchObject({ blocksCompleted: ["welcome"], stepsPassed: 1, checksPassed: 1, checksFailed: 3, hints: 1, solves: 0, exams: [] });
    expect(bo).toMatchObject({ blocksCompleted: ["welcome"], stepsPassed: 2, checksFailed: 0 });
    expect(cy).toMatchObject({
      blocksCompleted: ["welcome", "names", "exam"],
      stepsPassed: 3,
      checksPassed: 3,
      checksFailed: 1,
      solves: 1,
      exams: [{ block: "exam", score: 8, total: 10, percent: 80, passed: true }],
    });
    expect(cy!.answers).toEqual([
      { block: "exam", questionId: "q-global", mode: "exam", correct: true, answer: "Bucket names are global" },
      { block: "exam", questionId: "q-crr", mode: "exam", correct: false, answer: "Versioning is optional" },
    ]);
    expect(dee).toMatchObject({ blocksCompleted: ["welcome"], stepsPassed: 1, checksFailed: 1 });
  });

  it("counts completion per block over the room (a break has nothing to complete)", () => {
    expect(report.blocks.map((block) => [block.id, block.completed, block.percent])).toEqual([
      ["welcome", 4, 100],
      ["names", 1, 25],
      ["exam", 1, 25],
    ]);
  });

  it("has each check with its failures, who fails and passes it, and the reasons most participants hit first", () => {
    expect(report.checks.map((check) => [check.key, check.failures, check.participantsFailing, check.participantsPassed])).toEqual([
      ["global-namespace/claim-a-name", 5, 3, 2],
      ["global-namespace/pick-a-region", 0, 0, 1],
      ["welcome/say-hello", 0, 0, 4],
    ]);
    expect(report.checks[0]!.reasons).toEqual([
      { expectation: "the bucket exists", reason: "BucketAlreadyExists: someone else owns that name", count: 3, participants: 3 },
      { expectation: "BucketRegion is eu-west-1", reason: "the bucket is in us-east-1", count: 3, participants: 1 },
    ]);
  });

  it("has each question's answers, correct share and distribution, and the exam scores in tenths", () => {
    expect(report.questions).toEqual([
      { questionId: "q-global", block: "exam", answered: 1, correct: 1, correctPercent: 100, answers: [{ answer: "Bucket names are global", count: 1, correct: true }] },
      { questionId: "q-crr", block: "exam", answered: 1, correct: 0, correctPercent: 0, answers: [{ answer: "Versioning is optional", count: 1, correct: false }] },
    ]);
    expect(report.examDistribution.map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(report.examDistribution[8]).toEqual({ from: 80, to: 90, count: 1 });
  });

  it("never carries a participant's secret key, and refuses a workshop other than the room's", () => {
    const json = JSON.stringify(report);
    expect(json).not.toContain("secretAccessKey");
    expect(json).not.toContain("hash-p-ana");
    expect(() => roomReport(scriptedRoom(), { ...WORKSHOP, id: "bootcamp" }, NOW)).toThrow(
      'the room\'s log is for workshop "global-names", not "bootcamp"',
    );
  });
});
