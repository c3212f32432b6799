import { expect } from "vitest";
import type { Question } from "../../src/content/schema/quiz";
import type { Random } from "../../src/engine/random";
import { KEYS, type RenderedApp } from "./render-app";

/** Helpers to drive the quiz screens the way a learner reads them. */

/** A "random" that leaves every shuffle as it was: questions and options in file order, for tests that name them. */
export const IN_FILE_ORDER: Random = () => 0.999_999;

/** The id the quiz header shows: "question 2 of 5  (buckets.home-region)". */
export const questionIdOnScreen = (frame: string): string => {
  const match = /question \d+ of \d+ {2}\(([a-z0-9-]+\.[a-z0-9-]+)\)/.exec(frame);
  if (!match?.[1]) throw new Error(`no question on screen:\n${frame}`);
  return match[1];
};

/** The row the menu's cursor is on. */
const cursorRow = (frame: string): string | undefined => frame.split("\n").find((row) => row.includes("❯"));

/** Moves the menu's cursor down to the row starting with `label` and chooses it. */
export const choose = async (app: RenderedApp, label: string): Promise<void> => {
  for (let tries = 0; tries < 12 && !app.frame().includes(`❯ ${label}`); tries++) {
    // Waits for the cursor to move before looking again: a slow render must not make it press twice.
    const before = cursorRow(app.frame());
    await app.press(KEYS.down);
    await app.waitFor((frame) => cursorRow(frame) !== before).catch(() => undefined);
  }
  expect(app.frame()).toContain(`❯ ${label}`);
  await app.press(KEYS.enter);
};

/** The options in the order the screen lists them, as indexes into the question's choices. */
export const shownOrder = (frame: string, question: Extract<Question, { type: "single" | "multi" }>): number[] => {
  const lines = frame.split("\n");
  const promptEnd = lines.findIndex((line) => line.includes(question.prompt.slice(0, 30)));
  const rowOf = (text: string) =>
    lines.findIndex((line, index) => index > promptEnd && /^\s*(❯ |  )/.test(line) && line.includes(text.slice(0, 25)));
  const rows = question.choices.map((choice) => rowOf(choice.text));
  expect(rows.every((row) => row > promptEnd)).toBe(true);
  return question.choices.map((_choice, index) => index).sort((a, b) => (rows[a] ?? 0) - (rows[b] ?? 0));
};

/**
 * Answers the question on screen right (or wrong) from what the screen shows, whatever the
 * shuffle; or, for an app rendered with IN_FILE_ORDER, from the file (a long question's options
 * may not all fit on the screen to be read).
 */
export const answerOnScreen = async (app: RenderedApp, question: Question, right: boolean, inFileOrder = false): Promise<void> => {
  const orderOf = (asked: Extract<Question, { type: "single" | "multi" }>) =>
    inFileOrder ? asked.choices.map((_choice, index) => index) : shownOrder(app.frame(), asked);
  switch (question.type) {
    case "single": {
      const order = orderOf(question);
      const position = order.findIndex((original) => (question.choices[original]?.correct === true) === right);
      for (let i = 0; i < position; i++) await app.press(KEYS.down);
      return app.press(KEYS.enter);
    }
    case "multi": {
      const order = orderOf(question);
      const wanted = order.map((original) => question.choices[original]?.correct === true);
      // A wrong answer: tick only the first option, or the first wrong one.
      const ticks = right ? wanted : order.map((_o, position) => position === (wanted.indexOf(false) === -1 ? 0 : wanted.indexOf(false)));
      for (const [position, tick] of ticks.entries()) {
        if (tick) await app.press(" ");
        if (position < ticks.length - 1) await app.press(KEYS.down);
      }
      return app.press(KEYS.enter);
    }
    case "truefalse":
      return question.answer === right ? app.press(KEYS.enter) : app.press(KEYS.down, KEYS.enter);
    case "text":
      // One chunk, as a paste: ink-text-input takes it whole.
      await app.press(right ? (question.accept[0] ?? "") : "certainly wrong");
      return app.press(KEYS.enter);
  }
};
