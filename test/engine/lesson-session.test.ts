import { describe, expect, it } from "vitest";
import type { Lesson } from "../../src/content/schema/lesson";
import {
  isLessonComplete,
  lessonReducer,
  lessonScore,
  lessonStepScores,
  startLesson,
  type LessonEvent,
  type LessonState,
} from "../../src/engine/lesson-session";

const lesson: Lesson = {
  id: "demo",
  title: "Demo",
  summary: "A lesson with every kind of step.",
  minutes: 5,
  steps: [
    { read: "Buckets live in one region." },
    { quiz: "demo.region" },
    {
      handsOn: {
        title: "Make a bucket",
        goal: "Create {{prefix}}-data.",
        hint: "CreateBucket with a LocationConstraint.",
        solve: [{ call: "s3:CreateBucket", input: { Bucket: "{{prefix}}-data" } }],
      },
    },
    { handsOn: { title: "Another", goal: "Do it again.", solve: [{ call: "s3:ListBuckets" }] } },
  ],
};

const play = (...events: LessonEvent[]): LessonState =>
  events.reduce((state, event) => lessonReducer(lesson, state, event), startLesson(lesson));

/** A question wrong, a step passed with the hint, one done for the learner. */
const HELPED: LessonEvent[] = [
  { type: "next" },
  { type: "answered", correct: false },
  { type: "next" },
  { type: "hint" },
  { type: "checked", passed: true },
  { type: "next" },
  { type: "solve" },
  { type: "checked", passed: true },
];

describe("a lesson session", () => {
  it("starts at the first step with nothing done", () => {
    const state = startLesson(lesson);
    expect(state.index).toBe(0);
    expect(state.steps.every((step) => step.status === "pending")).toBe(true);
    expect(isLessonComplete(state)).toBe(false);
  });

  it("next on a read step marks it read and moves on", () => {
    const state = play({ type: "next" });
    expect(state.index).toBe(1);
    expect(state.steps[0]?.status).toBe("done");
  });

  it("next on an unanswered question is refused with a notice, and nothing moves", () => {
    const state = play({ type: "next" }, { type: "next" });
    expect(state.index).toBe(1);
    expect(state.notice).toBe("Answer the question first, or skip it (S).");
  });

  it("answering records whether the first answer was right, and a later answer does not change it", () => {
    const state = play({ type: "next" }, { type: "answered", correct: false }, { type: "answered", correct: true });
    expect(state.steps[1]).toMatchObject({ status: "done", firstAnswerCorrect: false, answers: 2 });
  });

  it("a hands-on step is done only when a check passes", () => {
    let state = play({ type: "next" }, { type: "answered", correct: true }, { type: "next" });
    expect(state.index).toBe(2);
    state = lessonReducer(lesson, state, { type: "checked", passed: false });
    expect(state.steps[2]).toMatchObject({ status: "pending", checks: 1 });
    state = lessonReducer(lesson, state, { type: "next" });
    expect(state.notice).toBe("Check your work first (c), or skip the step (S).");
    state = lessonReducer(lesson, state, { type: "checked", passed: true });
    expect(state.steps[2]).toMatchObject({ status: "done", checks: 2 });
  });

  it("hint is shown only where there is one", () => {
    const withHint = play({ type: "goto", index: 2 }, { type: "hint" });
    expect(withHint.steps[2]?.hintShown).toBe(true);
    const without = play({ type: "goto", index: 3 }, { type: "hint" });
    expect(without.notice).toBe("There is no hint for this step.");
    const onRead = play({ type: "hint" });
    expect(onRead.notice).toBe("There is no hint for this step.");
  });

  it("skip marks the step skipped and moves on; back returns", () => {
    let state = play({ type: "next" }, { type: "skip" });
    expect(state.steps[1]?.status).toBe("skipped");
    expect(state.index).toBe(2);
    state = lessonReducer(lesson, state, { type: "back" });
    expect(state.index).toBe(1);
    state = lessonReducer(lesson, startLesson(lesson), { type: "back" });
    expect(state.notice).toBe("This is the first step.");
  });

  it("is complete when every step is done or skipped", () => {
    const state = play(
      { type: "next" },
      { type: "answered", correct: true },
      { type: "next" },
      { type: "checked", passed: true },
      { type: "next" },
      { type: "skip" },
    );
    expect(isLessonComplete(state)).toBe(true);
    expect(state.index).toBe(3);
  });

  it("scores first answers and own work: hint halves, do-it-for-me and skip earn nothing", () => {
    const own = play(
      { type: "next" },
      { type: "answered", correct: true },
      { type: "next" },
      { type: "checked", passed: true },
      { type: "next" },
      { type: "checked", passed: true },
    );
    expect(lessonScore(lesson, own)).toEqual({ earned: 3, possible: 3, percent: 100 });

    const helped = play(...HELPED);
    expect(lessonScore(lesson, helped)).toEqual({ earned: 0.5, possible: 3, percent: 17 });
  });

  it("says why each question and hands-on step earned what it did", () => {
    const helped = play(...HELPED);
    expect(lessonStepScores(lesson, helped)).toEqual([
      { index: 1, kind: "quiz", points: 0, why: "wrong the first time" },
      { index: 2, kind: "handsOn", points: 0.5, why: "passed with the hint: half" },
      { index: 3, kind: "handsOn", points: 0, why: "done for you" },
    ]);
    expect(lessonStepScores(lesson, play({ type: "next" }, { type: "skip" })).map((score) => score.why)).toEqual(["skipped", "not checked yet", "not checked yet"]);
  });

  it("an answer marked wrong can be marked right: it then earns its point, and says so", () => {
    const wrong = play({ type: "next" }, { type: "answered", correct: false });
    const marked = lessonReducer(lesson, wrong, { type: "markRight" });
    expect(marked.steps[1]?.markedRight).toBe(true);
    expect(lessonScore(lesson, marked).earned).toBe(1);
    expect(lessonStepScores(lesson, marked)[0]?.why).toBe("you marked your answer right (flagged for review)");
    // Not a right answer, nor one not given yet.
    const right = play({ type: "next" }, { type: "answered", correct: true });
    expect(lessonReducer(lesson, right, { type: "markRight" }).notice).toBe("Only an answer marked wrong can be marked right.");
    expect(lessonReducer(lesson, play({ type: "next" }), { type: "markRight" }).steps[1]?.markedRight).toBeUndefined();
  });

  it("resumes from saved progress that fits, and starts fresh when the lesson changed", () => {
    const saved = play({ type: "next" }, { type: "answered", correct: true }, { type: "next" });
    expect(startLesson(lesson, saved).index).toBe(2);
    const changed = { ...lesson, steps: lesson.steps.slice(0, 2) };
    expect(startLesson(changed, saved).index).toBe(0);
  });
});
