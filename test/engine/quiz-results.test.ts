import { describe, expect, it } from "vitest";
import { EXAM_PASS_PERCENT, formatDuration, quizResults } from "../../src/engine/quiz-results";
import { quizReducer, startQuiz, type QuizEvent, type QuizState } from "../../src/engine/quiz-session";
import { tallyBy } from "../../src/engine/tally";
import { BY_ID, QUESTIONS, shownReply } from "./quiz-fixtures";

const startedAt = new Date("2026-03-02T10:00:00.000Z");
const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000).toISOString();

/** An exam over every fixture question, answered right where `right` says, wrong where false, not at all where undefined. */
const examWith = (right: (boolean | undefined)[], finishAfterSeconds = 245): QuizState => {
  let state = startQuiz(QUESTIONS, { mode: "exam", now: startedAt, timeLimitMs: QUESTIONS.length * 90_000 });
  const events: QuizEvent[] = [];
  right.forEach((isRight, index) => {
    const item = state.items[index]!;
    if (isRight !== undefined) events.push({ type: "answer", answer: shownReply(item, isRight), at: at(index * 10) });
    if (index < right.length - 1) events.push({ type: "next", at: at(index * 10) });
  });
  events.push({ type: "finish", at: at(finishAfterSeconds) });
  for (const event of events) state = quizReducer(BY_ID, state, event);
  return state;
};

describe("exam scoring", () => {
  it("passes at the pass mark and fails below it", () => {
    expect(EXAM_PASS_PERCENT).toBe(70);
    // 5 of 6 is 83%: a pass. 4 of 6 is 67%: a fail.
    const pass = quizResults(examWith([true, true, true, true, true, false]), BY_ID, startedAt);
    expect(pass).toMatchObject({ correct: 5, total: 6, percent: 83, passMark: 70, passed: true });
    const fail = quizResults(examWith([true, true, true, true, false, false]), BY_ID, startedAt);
    expect(fail).toMatchObject({ correct: 4, total: 6, percent: 67, passed: false });
  });

  it("counts questions not answered as missed, and reports the time taken and the limit", () => {
    const results = quizResults(examWith([true, undefined, true, undefined, true, true]), BY_ID, startedAt);
    expect(results).toMatchObject({ correct: 4, unanswered: 2, durationMs: 245_000, timeLimitMs: 540_000, endedBy: "finished" });
    expect(results.missed.map((missed) => [missed.questionId, missed.answered])).toEqual([
      ["naming.rules", false],
      ["naming.code", false],
    ]);
    expect(formatDuration(results.durationMs)).toBe("4:05");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
  });

  it("breaks the score down per topic and per tag, weakest first", () => {
    // naming: shared ✓, rules ✗, regions ✓, code ✗; replication: versioning ✓, existing ✓
    const results = quizResults(examWith([true, false, true, false, true, true]), BY_ID, startedAt);
    expect(results.byTopic).toEqual([
      { name: "naming", correct: 2, total: 4, percent: 50 },
      { name: "replication", correct: 2, total: 2, percent: 100 },
    ]);
    // naming.rules has two tags and counts under both.
    expect(results.byTag).toEqual([
      { name: "errors", correct: 0, total: 1, percent: 0 },
      { name: "naming", correct: 0, total: 1, percent: 0 },
      { name: "namespace", correct: 2, total: 3, percent: 67 },
      { name: "replication", correct: 2, total: 2, percent: 100 },
    ]);
  });

  it("lists each missed question with the answer given, the right one, the explanation and the source", () => {
    const results = quizResults(examWith([true, true, false, true, true, true]), BY_ID, startedAt);
    expect(results.missed).toEqual([
      {
        questionId: "naming.regions",
        topic: "naming",
        tags: ["namespace"],
        prompt: "Names are unique per region.",
        answered: true,
        correct: false,
        guessed: false,
        flagged: false,
        markedRight: false,
        given: "True",
        rightAnswer: "False",
        explain: "Per partition.",
        source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html",
      },
    ]);
  });

  it("practice results have no pass mark", () => {
    const state = startQuiz(QUESTIONS.slice(0, 1), { mode: "practice", now: startedAt });
    const results = quizResults(state, BY_ID, new Date(startedAt.getTime() + 5000));
    expect(results.passMark).toBeUndefined();
    expect(results.passed).toBeUndefined();
    expect(results.durationMs).toBe(5000);
  });
});

describe("tallies", () => {
  it("sort weakest first, then by name", () => {
    const rows = tallyBy(
      [
        { names: ["b"], ok: true },
        { names: ["a"], ok: true },
        { names: ["c"], ok: false },
      ],
      (item) => item.names,
      (item) => item.ok,
    );
    expect(rows.map((row) => row.name)).toEqual(["c", "a", "b"]);
  });
});
