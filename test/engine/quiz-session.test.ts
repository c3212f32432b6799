import { describe, expect, it } from "vitest";
import type { Question } from "../../src/content/schema/quiz";
import { grade, normaliseText } from "../../src/engine/grading";
import { currentGrade, isQuizComplete, quizReducer, quizScore, startQuiz, type QuizEvent } from "../../src/engine/quiz-session";

const source = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
const questions: Question[] = [
  {
    id: "naming.shared",
    type: "single",
    prompt: "Can another account create your bucket's name?",
    choices: [{ text: "Yes" }, { text: "No", correct: true }],
    explain: "The namespace is shared.",
    source,
  },
  {
    id: "naming.rules",
    type: "multi",
    prompt: "Which names are invalid?",
    choices: [{ text: "My-Bucket", correct: true }, { text: "my-bucket" }, { text: "192.168.5.4", correct: true }],
    explain: "Uppercase and IP-shaped names are invalid.",
    source,
  },
  { id: "naming.regions", type: "truefalse", prompt: "Names are unique per region.", answer: false, explain: "Per partition.", source },
  { id: "naming.code", type: "text", prompt: "The error code?", accept: ["InvalidBucketName"], explain: "400 InvalidBucketName.", source },
];
const byId = new Map(questions.map((q) => [q.id, q]));
const play = (...events: QuizEvent[]) => events.reduce((state, event) => quizReducer(byId, state, event), startQuiz(questions));

describe("grading", () => {
  it("single and multi choice need exactly the correct choices", () => {
    expect(grade(questions[0]!, { kind: "choices", indexes: [1] }).correct).toBe(true);
    expect(grade(questions[0]!, { kind: "choices", indexes: [0] }).correct).toBe(false);
    expect(grade(questions[1]!, { kind: "choices", indexes: [2, 0] }).correct).toBe(true);
    expect(grade(questions[1]!, { kind: "choices", indexes: [0] }).correct).toBe(false);
    expect(grade(questions[1]!, { kind: "choices", indexes: [0, 1, 2] }).correct).toBe(false);
    expect(grade(questions[1]!, { kind: "choices", indexes: [0] }).rightAnswer).toBe("My-Bucket; 192.168.5.4");
  });

  it("true/false compares the boolean", () => {
    expect(grade(questions[2]!, { kind: "boolean", value: false }).correct).toBe(true);
    expect(grade(questions[2]!, { kind: "boolean", value: true }).correct).toBe(false);
  });

  it("text answers ignore case, surrounding quotes and extra spaces", () => {
    expect(normaliseText('  "Invalid  Bucket"  ')).toBe("invalid bucket");
    for (const typed of ["InvalidBucketName", "invalidbucketname", " 'InvalidBucketName' ", "“InvalidBucketName”"]) {
      expect(grade(questions[3]!, { kind: "text", value: typed }).correct).toBe(true);
    }
    expect(grade(questions[3]!, { kind: "text", value: "InvalidBucket" }).correct).toBe(false);
  });

  it("a grade carries the explanation and the source", () => {
    expect(grade(questions[0]!, { kind: "choices", indexes: [0] })).toMatchObject({ explain: "The namespace is shared.", source });
  });
});

describe("a quiz session", () => {
  it("answers, feedback, next; refuses next before an answer", () => {
    let state = play({ type: "next" });
    expect(state.notice).toBe("Answer the question first, or skip it (S).");
    state = quizReducer(byId, state, { type: "answer", answer: { kind: "choices", indexes: [1] } });
    expect(currentGrade(byId, state)?.correct).toBe(true);
    state = quizReducer(byId, state, { type: "next" });
    expect(state.index).toBe(1);
  });

  it("an answer cannot be changed once given", () => {
    const state = play({ type: "answer", answer: { kind: "choices", indexes: [0] } }, { type: "answer", answer: { kind: "choices", indexes: [1] } });
    expect(state.answers["naming.shared"]?.correct).toBe(false);
    expect(state.notice).toContain("Already answered");
  });

  it("is complete when every question is answered or skipped, and scores the right answers", () => {
    const state = play(
      { type: "answer", answer: { kind: "choices", indexes: [1] } },
      { type: "next" },
      { type: "skip" },
      { type: "answer", answer: { kind: "boolean", value: true } },
      { type: "next" },
      { type: "answer", answer: { kind: "text", value: "invalidbucketname" } },
    );
    expect(isQuizComplete(state)).toBe(true);
    expect(quizScore(state)).toEqual({ correct: 2, total: 4, percent: 50 });
  });
});
