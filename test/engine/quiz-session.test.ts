import { describe, expect, it } from "vitest";
import { grade, normaliseText } from "../../src/engine/grading";
import { seededRandom } from "../../src/engine/random";
import {
  answersToRecord,
  currentGrade,
  currentItem,
  isQuizFinished,
  quizReducer,
  quizScore,
  shownAnswer,
  shownQuestion,
  startQuiz,
  timeLeftMs,
  type QuizEvent,
  type QuizState,
} from "../../src/engine/quiz-session";
import { BY_ID, QUESTIONS, question, shownReply } from "./quiz-fixtures";

const at = "2026-03-02T10:00:00.000Z";
const now = new Date(at);
const run = (state: QuizState, ...events: QuizEvent[]) => events.reduce((current, event) => quizReducer(BY_ID, current, event), state);
const practice = () => startQuiz(QUESTIONS.slice(0, 4), { mode: "practice", now });
const answerRight = (state: QuizState): QuizEvent => ({ type: "answer", answer: shownReply(currentItem(state)!, true), at });

describe("grading", () => {
  it("single and multi choice need exactly the correct choices", () => {
    expect(grade(question("naming.shared"), { kind: "choices", indexes: [1] }).correct).toBe(true);
    expect(grade(question("naming.shared"), { kind: "choices", indexes: [0] }).correct).toBe(false);
    expect(grade(question("naming.rules"), { kind: "choices", indexes: [2, 0] }).correct).toBe(true);
    expect(grade(question("naming.rules"), { kind: "choices", indexes: [0] }).correct).toBe(false);
    expect(grade(question("naming.rules"), { kind: "choices", indexes: [0, 1, 2] }).correct).toBe(false);
    expect(grade(question("naming.rules"), { kind: "choices", indexes: [0] }).rightAnswer).toBe("My-Bucket; 192.168.5.4");
  });

  it("true/false compares the boolean", () => {
    expect(grade(question("naming.regions"), { kind: "boolean", value: false }).correct).toBe(true);
    expect(grade(question("naming.regions"), { kind: "boolean", value: true }).correct).toBe(false);
  });

  it("text answers ignore case, surrounding quotes and extra spaces", () => {
    expect(normaliseText('  "Invalid  Bucket"  ')).toBe("invalid bucket");
    for (const typed of ["InvalidBucketName", "invalidbucketname", " 'InvalidBucketName' ", "“InvalidBucketName”"]) {
      expect(grade(question("naming.code"), { kind: "text", value: typed }).correct).toBe(true);
    }
    expect(grade(question("naming.code"), { kind: "text", value: "InvalidBucket" }).correct).toBe(false);
  });
});

describe("a practice session", () => {
  it("answers, feedback, next; refuses next before an answer", () => {
    let state = run(practice(), { type: "next", at });
    expect(state.notice).toBe("Answer the question first, or skip it (S).");
    state = run(state, answerRight(state));
    expect(currentGrade(BY_ID, state)?.correct).toBe(true);
    state = run(state, { type: "next", at });
    expect(state.index).toBe(1);
  });

  it("an answer cannot be changed once its feedback is shown", () => {
    const first = practice();
    const state = run(first, { type: "answer", answer: { kind: "choices", indexes: [0] }, at }, { type: "answer", answer: { kind: "choices", indexes: [1] }, at });
    expect(state.answers["naming.shared"]?.correct).toBe(false);
    expect(state.notice).toContain("Already answered");
  });

  it("finishes past the last question, and scores the right answers over every question", () => {
    let state = practice();
    state = run(state, answerRight(state), { type: "next", at }, { type: "skip", at });
    state = run(state, { type: "answer", answer: { kind: "boolean", value: true }, at }, { type: "next", at });
    state = run(state, { type: "answer", answer: { kind: "text", value: " 'invalidbucketname' " }, at }, { type: "next", at: "2026-03-02T10:05:00.000Z" });
    expect(isQuizFinished(state)).toBe(true);
    expect(state.endedBy).toBe("finished");
    expect(state.finishedAt).toBe("2026-03-02T10:05:00.000Z");
    expect(quizScore(state)).toEqual({ correct: 2, total: 4, percent: 50 });
    expect(run(state, { type: "back" }).notice).toBe("This quiz is over.");
  });

  it("I guessed toggles until the answer is recorded", () => {
    let state = practice();
    state = run(state, answerRight(state), { type: "guess" });
    expect(state.guessed).toEqual(["naming.shared"]);
    state = run(state, { type: "guess" }, { type: "guess" }, { type: "recorded", questionIds: ["naming.shared"] }, { type: "guess" });
    expect(state.guessed).toEqual(["naming.shared"]);
    expect(state.notice).toContain("already recorded");
  });

  it("flags and unflags the current question, keeping flags from earlier sessions", () => {
    let state = startQuiz(QUESTIONS, { mode: "practice", now, flagged: ["replication.existing", "gone.question"] });
    expect(state.flagged).toEqual(["replication.existing"]);
    state = run(state, { type: "flag" });
    expect(state.flagged).toEqual(["replication.existing", "naming.shared"]);
    state = run(state, { type: "flag" });
    expect(state.flagged).toEqual(["replication.existing"]);
  });

  it("an answer settles once the learner moves past it, or leaves", () => {
    let state = practice();
    state = run(state, answerRight(state));
    expect(answersToRecord(state)).toEqual([]);
    expect(answersToRecord(state, { leaving: true }).map((record) => record.questionId)).toEqual(["naming.shared"]);
    state = run(state, { type: "next", at });
    expect(answersToRecord(state).map((record) => record.questionId)).toEqual(["naming.shared"]);
    state = run(state, { type: "recorded", questionIds: ["naming.shared"] });
    expect(answersToRecord(state, { leaving: true })).toEqual([]);
  });
});

describe("shuffled options", () => {
  it("shows the options in another order and grades by the file's, whatever the order", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const state = startQuiz(QUESTIONS, { mode: "practice", now, random: seededRandom(seed) });
      for (const item of state.items) {
        const original = question(item.questionId);
        if (original.type !== "single" && original.type !== "multi") {
          expect(item.choiceOrder).toEqual([]);
          continue;
        }
        expect([...item.choiceOrder].sort()).toEqual(original.choices.map((_c, i) => i));
        const onScreen = run({ ...state, index: state.items.indexOf(item) }, { type: "answer", answer: shownReply(item, true), at });
        expect(onScreen.answers[original.id]?.correct).toBe(true);
        // Stored by the file's indexes, so the history does not depend on the shuffle.
        expect(grade(original, onScreen.answers[original.id]!.answer).correct).toBe(true);
        const wrong = run({ ...state, index: state.items.indexOf(item) }, { type: "answer", answer: shownReply(item, false), at });
        expect(wrong.answers[original.id]?.correct).toBe(false);
      }
    }
  });

  it("presents the options in the shuffled order, and the answer as it was picked", () => {
    const state = startQuiz([question("naming.rules")], { mode: "practice", now, random: seededRandom(7) });
    const item = state.items[0]!;
    const shown = shownQuestion(BY_ID, state);
    const original = question("naming.rules");
    if (shown?.type !== "multi" || original.type !== "multi") throw new Error("expected a multi question");
    expect(shown.choices.map((choice) => choice.text)).toEqual(item.choiceOrder.map((index) => original.choices[index]?.text));
    const answered = run(state, { type: "answer", answer: { kind: "choices", indexes: [0, 2] }, at });
    expect(shownAnswer(answered)).toEqual({ kind: "choices", indexes: [0, 2] });
  });

  it("different seeds give different orders (the shuffle is not a no-op)", () => {
    const orders = new Set(
      Array.from({ length: 10 }, (_v, seed) => startQuiz([question("naming.rules")], { mode: "practice", now, random: seededRandom(seed) }).items[0]!.choiceOrder.join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("an exam session", () => {
  const exam = () => startQuiz(QUESTIONS.slice(0, 3), { mode: "exam", now, timeLimitMs: 270_000 });

  it("gives no feedback, lets an answer change, and moves on without one", () => {
    let state = exam();
    state = run(state, { type: "answer", answer: { kind: "choices", indexes: [0] }, at });
    expect(currentGrade(BY_ID, state)).toBeUndefined();
    state = run(state, { type: "answer", answer: { kind: "choices", indexes: [1] }, at });
    expect(state.answers["naming.shared"]?.correct).toBe(true);
    state = run(state, { type: "next", at }, { type: "next", at });
    expect(state.index).toBe(2);
    expect(run(state, { type: "next", at }).notice).toBe("This is the last question: e ends the exam.");
  });

  it("records nothing until it ends, then every answer", () => {
    let state = exam();
    state = run(state, answerRight(state), { type: "next", at });
    expect(answersToRecord(state, { leaving: true })).toEqual([]);
    state = run(state, { type: "finish", at });
    expect(state.endedBy).toBe("finished");
    expect(answersToRecord(state).map((record) => record.questionId)).toEqual(["naming.shared"]);
  });

  it("counts the time left down from the start, and ends when it is up", () => {
    const state = exam();
    expect(timeLeftMs(state, new Date(Date.parse(at) + 60_000))).toBe(210_000);
    expect(timeLeftMs(state, new Date(Date.parse(at) + 999_000))).toBe(0);
    expect(run(state, { type: "finish", at, timeUp: true }).endedBy).toBe("time-up");
    expect(timeLeftMs(practice(), now)).toBeUndefined();
  });
});

describe('"I was right"', () => {
  const typedWrong = (mode: "practice" | "exam" = "practice") => {
    const state = startQuiz([question("naming.code"), question("naming.regions")], { mode, now });
    return run(state, { type: "answer", answer: { kind: "text", value: "InvalidName" }, at });
  };

  it("turns a typed answer graded wrong into a right one, flagged for review, before it is recorded", () => {
    const marked = run(typedWrong(), { type: "markRight" });
    expect(marked.answers["naming.code"]?.correct).toBe(true);
    expect(marked.markedRight).toEqual(["naming.code"]);
    expect(marked.flagged).toEqual(["naming.code"]);
    expect(quizScore(marked).correct).toBe(1);
    expect(run(marked, { type: "markRight" }).notice).toBe("Already marked right.");
  });

  it("is refused for a right answer, a choice answer, an exam, no answer, or an answer already recorded", () => {
    const right = run(startQuiz([question("naming.code")], { mode: "practice", now }), { type: "answer", answer: { kind: "text", value: "InvalidBucketName" }, at });
    expect(run(right, { type: "markRight" }).notice).toBe("That answer is already right.");
    const choice = run(startQuiz([question("naming.regions")], { mode: "practice", now }), { type: "answer", answer: { kind: "boolean", value: true }, at });
    expect(run(choice, { type: "markRight" }).notice).toBe("Only a typed answer can be marked right.");
    expect(run(typedWrong("exam"), { type: "markRight" }).notice).toBe("An exam's answers are marked when it ends.");
    expect(run(startQuiz([question("naming.code")], { mode: "practice", now }), { type: "markRight" }).notice).toBe("Answer the question first.");
    const recorded = run(typedWrong(), { type: "recorded", questionIds: ["naming.code"] }, { type: "markRight" });
    expect(recorded.notice).toBe("That answer is already recorded: mark it right before moving on.");
    expect(recorded.answers["naming.code"]?.correct).toBe(false);
  });
});
