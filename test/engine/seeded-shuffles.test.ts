import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { isQuizStep } from "../../src/content/step-kinds";
import { lessonChoiceOrders, lessonPurpose, presentQuestion, toOriginalAnswer } from "../../src/engine/choice-order";
import { grade } from "../../src/engine/grading";
import { quizPurpose, type QuizRequest } from "../../src/engine/quiz-plan";
import { oneStream, randomSourceFor, seededSource } from "../../src/engine/random";
import { seededQuiz, shippedQuestions } from "../helpers/seeded-shuffles";

const draw = (random: () => number, count = 8) => Array.from({ length: count }, () => random());

const catalog = await shippedCatalog();
const lessons = catalog.lessons.map((loaded) => loaded.lesson);
const byId = shippedQuestions;

describe("--seed", () => {
  it("gives each purpose its own repeatable stream, and no seed gives Math.random", () => {
    expect(draw(seededSource(3)("quiz a"))).toEqual(draw(seededSource(3)("quiz a")));
    expect(draw(seededSource(3)("quiz a"))).not.toEqual(draw(seededSource(3)("quiz b")));
    expect(draw(seededSource(3)("quiz a"))).not.toEqual(draw(seededSource(4)("quiz a")));
    // Every digit of a seed counts (not only its low 32 bits).
    expect(draw(seededSource(3)("quiz a"))).not.toEqual(draw(seededSource(2 ** 32 + 3)("quiz a")));
    expect(randomSourceFor(undefined)("anything")).toBe(Math.random);
    const fixed = () => 0.5;
    expect(oneStream(fixed)("quiz a")).toBe(fixed);
  });

  it("names a quiz request by what it asks for: topic and tag order and repeats do not matter, the mode and count do", () => {
    const request: QuizRequest = { mode: "exam", topics: ["naming", "consistency"], tags: ["b", "a"], count: 3 };
    expect(quizPurpose(request)).toBe(quizPurpose({ ...request, topics: ["consistency", "naming", "naming"], tags: ["a", "b"] }));
    expect(quizPurpose(request)).not.toBe(quizPurpose({ ...request, mode: "practice" }));
    expect(quizPurpose(request)).not.toBe(quizPurpose({ ...request, count: 4 }));
  });

  it("quiz consistency --mode exam --count 3 --seed 3 asks the same questions with the same options every time; another seed does not", () => {
    const request: QuizRequest = { mode: "exam", topics: ["consistency"], tags: [], count: 3 };
    const first = seededQuiz(request, 3);
    expect(first).toHaveLength(3);
    expect(seededQuiz(request, 3)).toEqual(first);
    const others = [4, 5, 6].map((seed) => seededQuiz(request, seed));
    expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(first))).toBe(true);
  });
});

describe("lesson questions", () => {
  const asked = lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step, index) => {
      const question = isQuizStep(step) ? byId.get(step.quiz) : undefined;
      return question && (question.type === "single" || question.type === "multi") ? [{ lesson, index, question }] : [];
    }),
  );

  it("every lesson has its choice questions' options shuffled: over 40 seeds the right option is not always first", () => {
    expect(asked.length).toBeGreaterThan(5);
    for (const { lesson, index, question } of asked) {
      if (question.type !== "single" && question.type !== "multi") continue;
      const firstShownRight = Array.from({ length: 40 }, (_v, seed) => {
        const order = lessonChoiceOrders(lesson, byId, seededSource(seed)(lessonPurpose(lesson.id)))[index]!;
        expect([...order].sort()).toEqual(question.choices.map((_c, i) => i));
        return question.choices[order[0]!]?.correct === true;
      });
      expect(firstShownRight.filter((right) => !right).length, `${lesson.id} step ${index + 1} (${question.id})`).toBeGreaterThan(0);
    }
  });

  it("grades the option picked on screen by its place in the file", () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const { lesson, index, question } of asked) {
        if (question.type !== "single" && question.type !== "multi") continue;
        const order = lessonChoiceOrders(lesson, byId, seededSource(seed)(lessonPurpose(lesson.id)))[index]!;
        const shown = presentQuestion(question, order);
        if (shown.type !== "single" && shown.type !== "multi") throw new Error("a choice question stays one");
        const rightOnScreen = shown.choices.flatMap((choice, at) => (choice.correct ? [at] : []));
        expect(grade(question, toOriginalAnswer({ kind: "choices", indexes: rightOnScreen }, order)).correct).toBe(true);
        const wrongOnScreen = shown.choices.findIndex((choice) => !choice.correct);
        expect(grade(question, toOriginalAnswer({ kind: "choices", indexes: [wrongOnScreen] }, order)).correct).toBe(false);
      }
    }
  });

  it("steps that ask no choice question have nothing to shuffle", () => {
    for (const lesson of lessons) {
      const orders = lessonChoiceOrders(lesson, byId, seededSource(1)(lessonPurpose(lesson.id)));
      lesson.steps.forEach((step, index) => {
        const question = isQuizStep(step) ? byId.get(step.quiz) : undefined;
        if (!question || (question.type !== "single" && question.type !== "multi")) expect(orders[index]).toEqual([]);
      });
    }
  });
});
