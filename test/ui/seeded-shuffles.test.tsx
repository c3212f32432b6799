import { afterEach, describe, expect, it } from "vitest";
import type { Question } from "../../src/content/schema/quiz";
import type { QuizRequest } from "../../src/engine/quiz-plan";
import { anotherSeed, firstChoiceStep, seededLessonOptions, seededQuiz, shippedQuestion, type Asked } from "../helpers/seeded-shuffles";
import { answerOnScreen, choose, questionIdOnScreen, shownOrder } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// --seed in the app: the same exam (questions and option order) every time, the same as --plain
// gives (the engine's plan, seeded-opening.ts), whatever was opened before; lessons shuffle too.

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

/** `quiz consistency --mode exam --count 3`, as the quiz command opens the app. */
const EXAM: QuizRequest = { mode: "exam", topics: ["consistency"], tags: [], count: 3 };

type ChoiceQuestion = Extract<Question, { type: "single" | "multi" }>;
const isChoice = (question: Question): question is ChoiceQuestion => question.type === "single" || question.type === "multi";

/** The question on screen and its options in the order shown. */
const askedOnScreen = (frame: string): Asked => {
  const id = questionIdOnScreen(frame);
  const question = shippedQuestion(id);
  return { id, options: isChoice(question) ? shownOrder(frame, question).map((index) => question.choices[index]?.text ?? "") : [] };
};

/** Every question of the exam on screen, as shown, going through them with n. */
const walkExam = async (exam: RenderedApp, count: number): Promise<Asked[]> => {
  const asked: Asked[] = [];
  for (let number = 1; number <= count; number++) {
    // n is a letter in a text answer: Enter on it empty moves on instead.
    const previous = asked.at(-1);
    if (previous) await exam.press(shippedQuestion(previous.id).type === "text" ? KEYS.enter : "n");
    asked.push(askedOnScreen(await exam.waitFor(`question ${number} of ${count}`)));
  }
  return asked;
};

// Tall enough for a long question's every option to be on screen.
const SIZE = { columns: 100, rows: 40 } as const;

describe("--seed in the app", () => {
  it("quiz consistency --mode exam --count 3 --seed 3 asks the same questions with their options in the same order, run after run", async () => {
    const runs: Asked[][] = [];
    for (let run = 0; run < 2; run++) {
      app = await renderApp({ seed: 3, initialView: { screen: "quiz", request: EXAM }, ...SIZE });
      runs.push(await walkExam(app, 3));
      await app.unmount();
      app = undefined;
    }
    expect(runs[0]).toEqual(seededQuiz(EXAM, 3));
    expect(runs[1]).toEqual(runs[0]);
  });

  it.each([
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ])("at $columns×$rows the seeded exam shows the same screens twice, each question's first option the plan's", async (size) => {
    const plan = seededQuiz(EXAM, 3);
    const clock = () => new Date("2026-03-02T10:00:00.000Z");
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      app = await renderApp({ seed: 3, clock, initialView: { screen: "quiz", request: EXAM }, ...size });
      const screens: string[] = [];
      for (const [index, asked] of plan.entries()) {
        if (index > 0) await app.press(shippedQuestion(plan[index - 1]?.id ?? "").type === "text" ? KEYS.enter : "n");
        const frame = await app.waitFor(`question ${index + 1} of ${plan.length}`);
        const firstOption = asked.options[0];
        // The options may run below the window; the first is on screen, where the plan put it.
        if (firstOption) expect(frame.split("\n").find((row) => row.includes("❯ "))).toContain(firstOption.slice(0, size.columns - 12));
        screens.push(frame);
      }
      runs.push(screens);
      await app.unmount();
      app = undefined;
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it("another seed asks other questions, or in another order, or with the options in another order", async () => {
    const other = anotherSeed(EXAM, 3);
    app = await renderApp({ seed: other, initialView: { screen: "quiz", request: EXAM }, ...SIZE });
    const asked = await walkExam(app, 3);
    expect(asked).toEqual(seededQuiz(EXAM, other));
    expect(asked).not.toEqual(seededQuiz(EXAM, 3));
  });

  it("the exam chosen in the quiz menu is the same after a lesson was opened first", async () => {
    const fromMenu: QuizRequest = { mode: "exam", topics: ["consistency"], tags: [] };
    const expected = seededQuiz(fromMenu, 3);
    app = await renderApp({ seed: 3, initialView: { screen: "lesson", lessonId: "regions-and-buckets" }, ...SIZE });
    await app.waitFor("step 1 of");
    await app.press("n");
    await app.waitFor("step 2 of");
    await app.press(KEYS.escape);
    await choose(app, "Practice quiz, exam and review");
    await choose(app, "Exam");
    await app.waitFor("Exam: choose the topics");
    await choose(app, "[ ] Consistency and addressing");
    expect(askedOnScreen(await app.waitFor(`question 1 of ${expected.length}`))).toEqual(expected[0]);
  });
});

describe("lesson questions", () => {
  const LESSON = "regions-and-buckets";
  const { index: step, question } = firstChoiceStep(LESSON);
  if (!isChoice(question)) throw new Error("a choice question");
  const rightText = question.choices.find((choice) => choice.correct)?.text ?? "";

  /** Opens the lesson with `seed` at its first choice question; returns the options as shown. */
  const openAtQuestion = async (seed: number): Promise<{ opened: RenderedApp; options: string[] }> => {
    await app?.unmount();
    const opened = await renderApp({ seed, initialView: { screen: "lesson", lessonId: LESSON }, ...SIZE });
    app = opened;
    await opened.waitFor("step 1 of");
    for (let i = 0; i < step; i++) await opened.press("n");
    const frame = await opened.waitFor("? Question");
    return { opened, options: shownOrder(frame, question).map((index) => question.choices[index]?.text ?? "") };
  };

  it("show their options shuffled: the right one is not always first, and it is graded right wherever it is", async () => {
    // The engine says which seeds put the right option first and which do not; the screen must agree.
    const seeds = Array.from({ length: 30 }, (_v, seed) => seed);
    const notFirst = seeds.find((seed) => seededLessonOptions(LESSON, step, seed)[0] !== rightText) as number;
    const first = seeds.find((seed) => seededLessonOptions(LESSON, step, seed)[0] === rightText) as number;
    expect(notFirst).toBeDefined();
    expect(first).toBeDefined();

    const shuffled = await openAtQuestion(notFirst);
    expect(shuffled.options).toEqual(seededLessonOptions(LESSON, step, notFirst));
    expect(shuffled.options[0]).not.toBe(rightText);
    await answerOnScreen(shuffled.opened, question, true);
    await shuffled.opened.waitFor("✓ Correct.");

    // The first option, not the right one here, is graded wrong.
    const again = await openAtQuestion(notFirst);
    await again.opened.press(KEYS.enter);
    await again.opened.waitFor("✗ Not quite.");

    // Another seed, another order.
    expect((await openAtQuestion(first)).options).toEqual(seededLessonOptions(LESSON, step, first));
  });

  it("with the same seed, the same order every time the lesson opens", async () => {
    const once = await openAtQuestion(5);
    expect((await openAtQuestion(5)).options).toEqual(once.options);
  });
});
