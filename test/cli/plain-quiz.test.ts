import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Question, Quiz } from "../../src/content/schema/quiz";
import { runPlainQuiz, type PlainQuizContext } from "../../src/cli/plain-quiz";
import { parsePlainReply } from "../../src/cli/plain-reply";
import { planQuiz } from "../../src/engine/quiz-plan";
import { startQuiz } from "../../src/engine/quiz-session";
import { flushQuizStores, openQuizStores } from "../../src/store/quiz-stores";

const source = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html";

const quiz: Quiz = {
  topic: "demo",
  title: "Demo",
  questions: [
    {
      id: "demo.multi",
      type: "multi",
      prompt: "Which are even?",
      choices: [{ text: "2", correct: true }, { text: "3", why: "Three is odd." }, { text: "4", correct: true }],
      explain: "Even numbers divide by two.",
      source,
      tags: ["numbers"],
    },
    { id: "demo.tf", type: "truefalse", prompt: "S3 is a global service with regional buckets.", answer: true, explain: "Yes.", source, tags: ["regions"] },
    { id: "demo.text", type: "text", prompt: "Which error code?", accept: ["NoSuchBucket"], explain: "That one.", source },
  ],
};
const byId = new Map<string, Question>(quiz.questions.map((question) => [question.id, question]));

/** A fixed clock that moves on a second per reading: durations in the transcript are then known. */
const tickingClock = () => {
  let now = Date.parse("2026-03-02T10:00:00.000Z");
  return () => new Date((now += 1000));
};

const run = async (lines: string, mode: "practice" | "exam", context: Partial<PlainQuizContext> = {}) => {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  input.end(lines);
  const clock = context.clock ?? tickingClock();
  const state = startQuiz(quiz.questions, { mode, now: clock(), ...(mode === "exam" ? { timeLimitMs: 270_000 } : {}) });
  const result = await runPlainQuiz(state, { questions: byId, titles: [quiz.title], clock, ...context }, { input, output });
  return { result, written };
};

describe("runPlainQuiz in-process", () => {
  it("reads answers from any stream and writes the dialogue to any stream", async () => {
    const { result, written } = await run("1, 3\nyes\n  'nosuchbucket'  \n", "practice");
    expect(result.end).toBe("finished");
    expect(written.match(/^Correct\.$/gm)).toHaveLength(3);
    expect(written).not.toContain("> ");
    expect(written).toContain("Score: 3 of 3 (100%)");
  });

  it("after a typed answer marked wrong, r says \"I was right\": it counts, flagged for review; any other line answers on", async () => {
    const dir = await mkdtemp(join(tmpdir(), "s3-tutor-plain-right-"));
    const { stores } = await openQuizStores(dir);
    const marked = await run("1 3\nyes\nno such bucket\nr\n", "practice", { stores });
    expect(marked.written).toContain(
      "Not quite. The answer: NoSuchBucket\nThat one.\nSource: " +
        source +
        "\nType r if you were right in other words (it counts as right, flagged for review); enter goes on:\nCounted as right, and flagged for review.\n",
    );
    expect(marked.written).toContain("Score: 3 of 3 (100%)");
    expect(marked.result.results.questions.at(-1)).toMatchObject({ questionId: "demo.text", correct: true, markedRight: true });
    await flushQuizStores(stores);
    expect(stores.history.data.answers.at(-1)).toMatchObject({ questionId: "demo.text", correct: true, markedRight: true });
    expect(stores.cards.data.flagged).toEqual(["demo.text"]);

    // A right answer is not asked; a wrong one followed by the next reply keeps that reply for the next question.
    const byPipe = await run("1 3\nyes\nnosuchbucket\n", "practice");
    expect(byPipe.written).not.toContain("Type r if you were right");
    const later: Quiz["questions"] = [quiz.questions[2] as Question, quiz.questions[1] as Question];
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (chunk: Buffer) => (written += chunk.toString()));
    input.end("wrong\nyes\n");
    const clock = tickingClock();
    const result = await runPlainQuiz(startQuiz(later, { mode: "practice", now: clock() }), { questions: byId, titles: [quiz.title], clock }, { input, output });
    expect(written).toContain("Type r if you were right");
    expect(written.match(/^Correct\.$/gm)).toHaveLength(1);
    expect(result.results).toMatchObject({ correct: 1, total: 2 });
  });

  it("explains a wrong pick with the author's why", async () => {
    const { written } = await run("2\n", "practice");
    expect(written).toContain("Not quite. The answer: 2; 4\nAbout 2: Three is odd.\n");
  });

  it("an exam says nothing until the end, then the score, pass or fail, time, breakdowns and the missed questions", async () => {
    const { result, written } = await run("1 3\n2\n\n", "exam");
    expect(written).toContain("3 questions, exam mode: 4:30 to answer them and no feedback until the end. The pass mark is 70%.");
    expect(written).toMatch(/^Question 1 of 3 \(demo\.multi\), 4:2\d left$/m);
    expect(written).not.toMatch(/^(Correct\.|Not quite)/m);
    expect(written.match(/^Answer saved\.$/gm)).toHaveLength(2);
    expect(written).toContain("Left unanswered.");
    expect(result.results).toMatchObject({ correct: 1, total: 3, passed: false });
    const end = written.slice(written.indexOf("Score:"));
    expect(end).toMatch(/^Score: 1 of 3 \(33%\): fail \(the pass mark is 70%\)\nNot answered: 1 question\.\nTime taken: 0:\d\d of 4:30\./);
    expect(end).toContain("By topic:\n  demo: 1 of 3 (33%)\n");
    expect(end).toContain("By tag:\n  regions: 0 of 1 (0%)\n  numbers: 1 of 1 (100%)\n");
    expect(end).toContain(
      "Missed (2):\n1. S3 is a global service with regional buckets. (demo.tf)\n   Your answer: False. The answer: True\n   Yes.\n   Source: " + source,
    );
    expect(end).toContain("2. Which error code? (demo.text)\n   Not answered. The answer: NoSuchBucket\n");
  });

  it("an answer after the exam's time is up does not count", async () => {
    let now = Date.parse("2026-03-02T10:00:00.000Z");
    const clock = () => new Date(now);
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (chunk: Buffer) => (written += chunk.toString()));
    const state = startQuiz(quiz.questions, { mode: "exam", now: clock(), timeLimitMs: 60_000 });
    const done = runPlainQuiz(state, { questions: byId, titles: [quiz.title], clock }, { input, output });
    now += 61_000;
    input.end("1 3\n");
    const result = await done;
    expect(written).toContain("That answer came after the time was up, so it does not count.");
    expect(written).toContain("Time is up.\nScore: 0 of 3 (0%): fail");
    expect(result.results.endedBy).toBe("time-up");
  });

  it("flag and guess are said, kept, and the question waits for its answer", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-plain-"));
    const { stores } = await openQuizStores(stateDir);
    const { written } = await run("flag\nguess\n1 3\nq\n", "practice", { stores });
    expect(written).toContain("Flagged for review: it comes up in spaced review until you unflag it.\nAnswer with numbers");
    expect(written).toContain("Marked as a guess: a right answer counts as shaky.\nAnswer with numbers");
    expect(written).toContain("Stopped after 1 of 3 questions answered.\nScore so far: 1 of 1 (100%)");
    await flushQuizStores(stores);
    const reopened = await openQuizStores(stateDir);
    expect(reopened.stores.cards.data.flagged).toEqual(["demo.multi"]);
    expect(reopened.stores.history.data.answers).toEqual([expect.objectContaining({ questionId: "demo.multi", correct: true, guessed: true })]);
    expect(reopened.stores.cards.data.cards["demo.multi"]).toMatchObject({ reps: 1 });
  });

  it("offers to retry the missed questions, and runs them as practice", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-plain-"));
    const { stores } = await openQuizStores(stateDir);
    const clock = tickingClock();
    const planRetry = (request: Parameters<typeof planQuiz>[0]) =>
      planQuiz(request, { questions: quiz.questions, history: stores.history.data, cards: stores.cards.data, now: clock(), random: () => 0.999_999 });
    const { result, written } = await run("1 3\n2\nnope\nr\nyes\nnosuchbucket\n", "exam", { stores, planRetry, clock });
    expect(written).toContain("Type r and enter to retry the 2 questions you missed, with the answer after each; anything else finishes:");
    expect(result.retry?.results).toMatchObject({ mode: "practice", correct: 2, total: 2 });
    expect(written).toMatch(/Quiz: Demo\n2 questions, practice mode: you see the answer after each one\.\n\nQuestion 1 of 2 \(demo\.tf\)/);
    expect(written).toMatch(/Score: 2 of 2 \(100%\)\nTime taken: 0:\d\d\.\n$/);
  });
});

describe("parsePlainReply", () => {
  const [multi, truefalse, text] = quiz.questions as [Question, Question, Question];

  it("reads choice numbers separated by spaces or commas, once each", () => {
    expect(parsePlainReply(multi, "3,1 1")).toEqual({ kind: "answer", answer: { kind: "choices", indexes: [2, 0] } });
  });

  it("explains what is wrong with a reply it cannot use", () => {
    expect(parsePlainReply(multi, "0")).toEqual({ kind: "invalid", reason: "There is no choice 0: type a number from 1 to 3." });
    expect(parsePlainReply(truefalse, "maybe")).toEqual({ kind: "invalid", reason: "Type 1 for True or 2 for False." });
  });

  it("takes an empty line or s as skip, q as quit, flag and guess as words, whatever the question", () => {
    for (const question of [multi, truefalse, text]) {
      expect(parsePlainReply(question, "  ")).toEqual({ kind: "skip" });
      expect(parsePlainReply(question, "S")).toEqual({ kind: "skip" });
      expect(parsePlainReply(question, "q")).toEqual({ kind: "quit" });
      expect(parsePlainReply(question, "Flag")).toEqual({ kind: "flag" });
      expect(parsePlainReply(question, "guess")).toEqual({ kind: "guess" });
    }
    // f is still False for a true/false question.
    expect(parsePlainReply(truefalse, "f")).toEqual({ kind: "answer", answer: { kind: "boolean", value: false } });
  });
});
