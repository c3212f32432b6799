import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { resolveTaught } from "../../src/content/interview-taught";
import type { FollowUp, InterviewQuestion } from "../../src/content/schema/interview";

// What issue 18 promises of the shipped interview content: enough questions on every topic, design
// prompts, chains two to four deep, every point linked to a lesson step that exists.

const depthOf = (node: { followUps?: readonly FollowUp[] | undefined }): number =>
  1 + Math.max(0, ...(node.followUps ?? []).map((followUp) => depthOf(followUp)));

const pointsOf = (node: InterviewQuestion | FollowUp): InterviewQuestion["points"] => [
  ...node.points,
  ...(node.followUps ?? []).flatMap((followUp) => pointsOf(followUp)),
];

describe("the interview questions that ship", () => {
  it("number at least 40 questions across every quiz topic, and at least 6 design prompts", async () => {
    const catalog = await shippedCatalog();
    expect(catalog.problems).toEqual([]);
    const all = catalog.interviews.flatMap((file) => file.interviews.interviews);
    const questions = all.filter((question) => question.kind === "question");
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((question) => question.kind === "design").length).toBeGreaterThanOrEqual(6);
    const topics = catalog.quizzes.map((quiz) => quiz.quiz.topic).sort();
    const asked = [...new Set(questions.map((question) => question.id.split(".")[0]))].sort();
    expect(asked).toEqual(topics);
  });

  it("chain two to four questions deep, with 3-6 points on each question, each taught in a lesson step that exists", async () => {
    const catalog = await shippedCatalog();
    const lessons = catalog.lessons.map((loaded) => loaded.lesson);
    for (const question of catalog.interviews.flatMap((file) => file.interviews.interviews)) {
      expect(depthOf(question), question.id).toBeGreaterThanOrEqual(2);
      expect(depthOf(question), question.id).toBeLessThanOrEqual(4);
      expect(question.points.length, question.id).toBeGreaterThanOrEqual(3);
      for (const point of pointsOf(question)) expect(resolveTaught(point.taught, lessons), `${question.id} ${point.id}`).toBeDefined();
    }
  });
});
