import { describe, expect, it } from "vitest";
import type { Lesson } from "../../src/content/schema/lesson";
import { interviewReport } from "../../src/engine/interview/interview-report";
import { interviewReducer, startInterview, type InterviewEvent, type InterviewState } from "../../src/engine/interview/interview-session";
import type { HistoryInterview } from "../../src/store/quiz-history";
import { followUp, point, question } from "./interview-fixtures";

const start = new Date("2026-03-10T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString();
const run = (state: InterviewState, ...events: InterviewEvent[]) => events.reduce(interviewReducer, state);

const lessons = [
  {
    id: "regions",
    title: "Regions and durability",
    summary: "s",
    minutes: 5,
    steps: [
      { read: "Buckets live somewhere.\n\n## Where a bucket lives\n\nIn one Region." },
      { quiz: "buckets.region" },
      { handsOn: { id: "make-bucket", title: "Make a bucket in eu-west-1", goal: "g", solve: [] } },
      { read: "\nReplication copies objects\nto another bucket." },
    ],
  },
] as unknown as Lesson[];

const first = question("buckets.where", {
  points: [
    point("one-region", ["one region"], "regions#2"),
    point("replicate", ["replicat*"], "regions#4"),
    point("name-global", ["globally unique"], "regions#make-bucket"),
  ],
  followUps: [
    followUp("and if the Region is down?", ["failover", "rpo"], { when: ["one-region"] }),
    followUp("costs?", ["transfer", "storage"]),
  ],
});
const second = question("buckets.names", { points: [point("dns", ["dns"], "regions#1"), point("gone", ["deleted"], "nowhere#1"), point("x", ["x"], "regions#make-bucket")] });

const interview = () =>
  run(
    startInterview([first, second], start),
    { type: "answer", text: "replication, globally unique", at: at(100) },
    { type: "score", at: at(110) },
    // The follow-up on the Region: half made.
    { type: "answer", text: "failover", at: at(200) },
    { type: "score", at: at(205) },
    { type: "skip", at: at(210) },
  );

describe("the interview report", () => {
  it("scores each question over its chain and lists each missed point with the lesson step that teaches it", () => {
    const report = interviewReport(interview(), lessons, []);
    expect(report.questions.map((q) => [q.questionId, q.made, q.asked, q.percent, q.skipped])).toEqual([
      ["buckets.where", 3, 5, 60, false],
      ["buckets.names", 0, 0, 0, true],
    ]);
    expect(report.questions[0]?.asks.map((ask) => [ask.depth, ask.ask, ask.made, ask.asked])).toEqual([
      [1, "ask of buckets.where", 2, 3],
      [2, "and if the Region is down?", 1, 2],
    ]);
    expect(report.questions[0]?.missed).toEqual([
      {
        questionId: "buckets.where",
        pointId: "one-region",
        says: "says one-region",
        depth: 1,
        taught: "regions#2",
        where: { lessonId: "regions", lessonTitle: "Regions and durability", stepNumber: 2, stepTitle: "Question buckets.region" },
      },
      { questionId: "buckets.where", pointId: "rpo", says: "says rpo", depth: 2, taught: "buckets#1" },
    ]);
    expect(report.questions[0]?.timeMs).toBe(205_000);
    expect(report).toMatchObject({ made: 3, asked: 5, percent: 60, timeUsedMs: 210_000, endedBy: "finished" });
  });

  it("names a step by its first heading, its first line, or a hands-on step's title, and counts every kind of step", () => {
    const state = run(
      startInterview([second, first], start),
      { type: "answer", text: "", at: at(10) },
      { type: "score", at: at(11) },
      // Its default follow-up, all missed, then the next question.
      { type: "answer", text: "", at: at(20) },
      { type: "score", at: at(21) },
      { type: "answer", text: "one region", at: at(30) },
      { type: "score", at: at(31) },
      // Ended before the follow-up was answered: that follow-up does not count.
      { type: "end", at: at(40) },
    );
    const study = interviewReport(state, lessons, []).studyNext;
    expect(study.map((item) => [item.taught, item.where?.stepNumber, item.where?.stepTitle, item.points.map((p) => p.pointId)])).toEqual([
      ["regions#1", 1, "Where a bucket lives", ["dns"]],
      ["nowhere#1", undefined, undefined, ["gone"]],
      ["regions#make-bucket", 3, "Make a bucket in eu-west-1", ["x", "name-global"]],
      // The fixture follow-ups' points are taught at buckets#1, a lesson not loaded here.
      ["buckets#1", undefined, undefined, ["versioning-needed", "async"]],
      ["regions#4", 4, "Replication copies objects", ["replicate"]],
    ]);
  });

  it("shows the trend: earlier interviews with something scored, oldest first, then this one", () => {
    const past: HistoryInterview[] = [
      { startedAt: "2026-03-05T09:00:00Z", finishedAt: "2026-03-05T09:20:00Z", endedBy: "finished", questions: [{ questionId: "a.b", made: 1, asked: 4, missed: [] }] },
      { startedAt: "2026-03-01T09:00:00Z", finishedAt: "2026-03-01T09:20:00Z", endedBy: "finished", questions: [{ questionId: "a.b", made: 1, asked: 2, missed: [] }] },
      { startedAt: "2026-03-07T09:00:00Z", finishedAt: "2026-03-07T09:01:00Z", endedBy: "ended", questions: [] },
    ];
    expect(interviewReport(interview(), lessons, past).trend).toEqual([
      { startedAt: "2026-03-01T09:00:00Z", percent: 50, current: false },
      { startedAt: "2026-03-05T09:00:00Z", percent: 25, current: false },
      { startedAt: start.toISOString(), percent: 60, current: true },
    ]);
  });
});
