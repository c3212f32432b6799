import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/catalog";
import { formatWarning } from "../../src/content/problem";
import { questionWarnings } from "../../src/content/question-warnings";
import { fixture, root } from "./fixtures";

// The warnings for questions whose answer shows without knowing S3, on small quiz files.

const warningsFor = async (...parts: string[]): Promise<string[]> => {
  const content = await loadContent([join(root, fixture("warnings", "quizzes", ...parts))]);
  expect(content.problems).toEqual([]);
  return questionWarnings(content.quizzes).map((warning) => formatWarning(warning, root));
};

describe("a single-choice question whose correct option is the longest by far", () => {
  it("warns at the correct option when it is 1.25× and 10 characters longer than the longest wrong one, boundaries included", async () => {
    const file = fixture("warnings", "quizzes", "long-answers.yaml");
    expect(await warningsFor("long-answers.yaml")).toEqual([
      `${file}:9:15: warning: question "long.given-away": the correct option is the longest by far (52 vs 23 characters); learners guess it from its length`,
      `${file}:19:15: warning: question "long.at-the-margin": the correct option is the longest by far (50 vs 40 characters); learners guess it from its length`,
    ]);
  });

  it("does not warn just under 1.25× (49 vs 40), for short options only a few characters apart (12 vs 8), for 10 longer but under 1.25× (60 vs 50), nor for multi-choice", async () => {
    const content = await loadContent([join(root, fixture("warnings", "quizzes", "long-answers.yaml"))]);
    const warned = questionWarnings(content.quizzes).map((warning) => /question "([^"]+)"/.exec(warning.message)?.[1]);
    const asked = content.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => question.id));
    expect(asked).toEqual(expect.arrayContaining(["long.just-under", "long.short-options", "long.close-lengths", "long.astral", "long.multi"]));
    expect(warned).toEqual(["long.given-away", "long.at-the-margin"]);
  });

  it("counts characters as a reader does: 45 letters outside the BMP are 45, not the 90 UTF-16 units that would warn", async () => {
    const content = await loadContent([join(root, fixture("warnings", "quizzes", "long-answers.yaml"))]);
    const astral = content.quizzes[0]?.quiz.questions.find((question) => question.id === "long.astral");
    expect(astral?.type === "single" && astral.choices[0]?.text.length).toBe(90);
    expect(questionWarnings(content.quizzes).some((warning) => warning.message.includes("long.astral"))).toBe(false);
  });
});

describe("a bank whose true/false answers lean one way", () => {
  it("warns at the bank's questions key when more than 70% of at least 4 answers are the same, saying which way", async () => {
    expect(await warningsFor("leaning.yaml")).toEqual([
      `${fixture("warnings", "quizzes", "leaning.yaml")}:4:1: warning: 4 of 5 true/false answers are false; make the answers less one-sided`,
    ]);
    expect(await warningsFor("trues.yaml")).toEqual([
      `${fixture("warnings", "quizzes", "trues.yaml")}:4:1: warning: 3 of 4 true/false answers are true; make the answers less one-sided`,
    ]);
  });

  it("does not warn for 3 of 5 (60%), nor for a bank of fewer than 4 true/false questions however they lean", async () => {
    expect(await warningsFor("balanced.yaml")).toEqual([]);
    expect(await warningsFor("few.yaml")).toEqual([]);
  });
});
