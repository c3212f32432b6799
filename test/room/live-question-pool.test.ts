import { describe, expect, it } from "vitest";
import { loadWorkshop } from "../../src/content/workshops";
import { liveQuestionOf, liveQuestionPool } from "../../src/room/live-question-pool";

describe("the live questions the console can ask", () => {
  it("are the choice questions of the workshop's quiz and exam topics, in order, each with its correct choices", async () => {
    const load = await loadWorkshop("global-regional-crr");
    expect(load.problems).toEqual([]);
    const pool = liveQuestionPool(load.workshop!, load.quizzes);
    const topics = new Set(load.workshop!.blocks.flatMap((block) => ("quiz" in block ? block.quiz.topics : "exam" in block ? block.exam.topics : [])));
    const expected = load.quizzes
      .filter((quiz) => topics.has(quiz.topic))
      .flatMap((quiz) => quiz.questions)
      .filter((question) => question.type !== "text");
    expect(pool.length).toBeGreaterThan(0);
    expect(new Set(pool.map((question) => question.id))).toEqual(new Set(expected.map((question) => question.id)));
    for (const question of pool) {
      expect(question.correct.length, question.id).toBeGreaterThan(0);
      expect(Math.max(...question.correct), question.id).toBeLessThan(question.choices.length);
    }
  });

  it("asks a true/false question as two choices and leaves typed answers out", () => {
    const common = { prompt: "p", explain: "e", source: "https://docs.aws.amazon.com/" };
    expect(liveQuestionOf({ ...common, id: "a.tf", type: "truefalse", answer: false })).toEqual({ id: "a.tf", prompt: "p", explain: "e", choices: ["True", "False"], correct: [1] });
    expect(liveQuestionOf({ ...common, id: "a.text", type: "text", accept: ["x"] })).toBeUndefined();
    expect(
      liveQuestionOf({ ...common, id: "a.multi", type: "multi", choices: [{ text: "x", correct: true }, { text: "y" }, { text: "z", correct: true }] }),
    ).toMatchObject({ choices: ["x", "y", "z"], correct: [0, 2] });
  });
});
