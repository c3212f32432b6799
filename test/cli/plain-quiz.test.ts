import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Quiz } from "../../src/content/schema/quiz";
import { runPlainQuiz } from "../../src/cli/plain-quiz";
import { parsePlainReply } from "../../src/cli/plain-reply";

const source = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html";

const quiz: Quiz = {
  topic: "demo",
  title: "Demo",
  questions: [
    {
      id: "demo.multi",
      type: "multi",
      prompt: "Which are even?",
      choices: [{ text: "2", correct: true }, { text: "3" }, { text: "4", correct: true }],
      explain: "Even numbers divide by two.",
      source,
    },
    { id: "demo.tf", type: "truefalse", prompt: "S3 is a global service with regional buckets.", answer: true, explain: "Yes.", source },
    { id: "demo.text", type: "text", prompt: "Which error code?", accept: ["NoSuchBucket"], explain: "That one.", source },
  ],
};

describe("runPlainQuiz in-process", () => {
  it("reads answers from any stream and writes the dialogue to any stream", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (chunk: Buffer) => (written += chunk.toString()));
    input.end("1, 3\nyes\n  'nosuchbucket'  \n");
    const result = await runPlainQuiz([quiz], { input, output });
    expect(result.end).toBe("finished");
    expect(written.match(/^Correct\.$/gm)).toHaveLength(3);
    expect(written).not.toContain("> ");
    expect(written.trimEnd().endsWith("Score: 3 of 3 (100%)")).toBe(true);
  });
});

describe("parsePlainReply", () => {
  const [multi, truefalse, text] = quiz.questions as [Quiz["questions"][number], Quiz["questions"][number], Quiz["questions"][number]];

  it("reads choice numbers separated by spaces or commas, once each", () => {
    expect(parsePlainReply(multi, "3,1 1")).toEqual({ kind: "answer", answer: { kind: "choices", indexes: [2, 0] } });
  });

  it("explains what is wrong with a reply it cannot use", () => {
    expect(parsePlainReply(multi, "0")).toEqual({ kind: "invalid", reason: "There is no choice 0: type a number from 1 to 3." });
    expect(parsePlainReply(truefalse, "maybe")).toEqual({ kind: "invalid", reason: "Type 1 for True or 2 for False." });
  });

  it("takes an empty line or s as skip and q as quit, whatever the question", () => {
    for (const question of [multi, truefalse, text]) {
      expect(parsePlainReply(question, "  ")).toEqual({ kind: "skip" });
      expect(parsePlainReply(question, "S")).toEqual({ kind: "skip" });
      expect(parsePlainReply(question, "q")).toEqual({ kind: "quit" });
    }
  });
});
