import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/content/catalog";
import type { Question, Quiz } from "../../src/content/schema/quiz";
import { grade } from "../../src/engine/grading";
import { finished, spawnCli, waitForOutput } from "../helpers/cli";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The replies a learner types, one per line, built from the shipped quiz so content edits do not break the tests. */
const rightReply = (question: Question): string => {
  switch (question.type) {
    case "single":
    case "multi":
      return question.choices.flatMap((choice, index) => (choice.correct ? [String(index + 1)] : [])).join(" ");
    case "truefalse":
      return question.answer ? "1" : "2";
    case "text":
      return question.accept[0] ?? "";
  }
};

const wrongReply = (question: Question): string => {
  switch (question.type) {
    case "single":
    case "multi": {
      const wrong = question.choices.findIndex((choice) => !choice.correct);
      // A multi question whose choices are all right is answered wrong by picking only one.
      return String(wrong === -1 ? 1 : wrong + 1);
    }
    case "truefalse":
      return question.answer ? "2" : "1";
    case "text":
      return "certainly-not-an-accepted-answer";
  }
};

/** What the feedback names as the answer after a wrong one (True/False are shown as the choices read). */
const shownAnswer = (question: Question): string =>
  question.type === "truefalse" ? (question.answer ? "True" : "False") : grade(question, { kind: "text", value: "" }).rightAnswer;

/** Starts `quiz <topic> --plain`, types `lines` and closes stdin (unless told not to). */
const quiz = (args: string[], lines: string[], options: { endInput?: boolean } = {}) => {
  const child = spawnCli(["quiz", ...args, "--plain"]);
  // A CLI that exits before reading (an unknown topic) closes the pipe; that is not the test's failure.
  child.stdin.on("error", () => {});
  child.stdin.write(lines.map((line) => `${line}\n`).join(""));
  if (options.endInput !== false) child.stdin.end();
  return child;
};

let topic: string;
let shipped: Quiz;
let questions: Question[];

beforeAll(async () => {
  const catalog = await loadCatalog();
  expect(catalog.problems).toEqual([]);
  const first = catalog.quizzes[0]?.quiz;
  if (!first) throw new Error("no shipped quiz to test with");
  shipped = first;
  topic = first.topic;
  questions = first.questions;
  // The tests below need a right and a wrong answer, and a choice question to answer badly.
  expect(questions.length).toBeGreaterThanOrEqual(3);
  expect(questions.some((question) => question.type === "single" || question.type === "multi")).toBe(true);
});

describe("s3-tutor quiz --plain", () => {
  it("asks every question numbered, answers each with Correct., the explanation and the source, then the score", async () => {
    const result = await finished(quiz([topic], questions.map(rightReply)));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Quiz: ${shipped.title}`);
    expect(result.stdout).toContain(`${questions.length} questions`);
    questions.forEach((question, index) => {
      expect(result.stdout).toContain(`Question ${index + 1} of ${questions.length} (${question.id})\n${question.prompt.trim()}\n`);
      expect(result.stdout).toContain(`${question.explain.trim()}\nSource: ${question.source}\n`);
    });
    expect(result.stdout.match(/^Correct\.$/gm)).toHaveLength(questions.length);
    expect(result.stdout).not.toContain("Not quite");
    expect(result.stdout.trimEnd().endsWith(`Score: ${questions.length} of ${questions.length} (100%)`)).toBe(true);
  });

  it("shows the choices numbered, True and False as 1 and 2, and asks for typed text", async () => {
    const result = await finished(quiz([topic], questions.map(rightReply)));
    for (const question of questions) {
      const asked = result.stdout.slice(result.stdout.indexOf(`(${question.id})`));
      if (question.type === "single" || question.type === "multi") {
        question.choices.forEach((choice, index) => expect(asked).toContain(`\n${index + 1}. ${choice.text}\n`));
      }
      if (question.type === "multi") expect(asked).toMatch(/numbers separated by spaces or commas/);
      if (question.type === "truefalse") expect(asked).toContain("\n1. True\n2. False\n");
      if (question.type === "text") expect(asked).toMatch(/Type your answer/);
    }
  });

  it("says Not quite with the right answer after a wrong one, and still exits 0", async () => {
    const [first, ...rest] = questions as [Question, ...Question[]];
    const result = await finished(quiz([topic], [rightReply(first), ...rest.map(wrongReply)]));
    expect(result.code).toBe(0);
    for (const question of rest) expect(result.stdout).toContain(`Not quite. The answer: ${shownAnswer(question)}\n`);
    const percent = Math.round((1 / questions.length) * 100);
    expect(result.stdout).toContain(`Score: 1 of ${questions.length} (${percent}%)`);
  });

  it("asks again, with the reason, after a number out of range or letters for a choice question", async () => {
    const target = questions.findIndex((question) => question.type === "single" || question.type === "multi");
    const question = questions[target] as Extract<Question, { type: "single" | "multi" }>;
    const skipsBefore = questions.slice(0, target).map(() => "s");
    const result = await finished(quiz([topic], [...skipsBefore, "99", "abc", rightReply(question), "q"]));
    expect(result.code).toBe(0);
    const count = question.choices.length;
    expect(result.stdout).toContain(`There is no choice 99: type a number from 1 to ${count}.`);
    expect(result.stdout).toContain(`"abc" is not a choice number: type a number from 1 to ${count}.`);
    // Asked once, answered on the third try.
    expect(result.stdout.split(`(${question.id})`)).toHaveLength(2);
    expect(result.stdout).toContain(`> ${rightReply(question)}\nCorrect.`);
  });

  it("skips a question on an empty line or s, and counts it as not answered", async () => {
    const [, , third] = questions as [Question, Question, Question];
    const result = await finished(quiz([topic], ["", "s", rightReply(third), "q"]));
    expect(result.stdout.match(/^Skipped\.$/gm)).toHaveLength(2);
    expect(result.stdout).toContain(`Question 3 of ${questions.length} (${third.id})`);
    expect(result.stdout).toContain(`Stopped after 3 of ${questions.length} questions.\nScore so far: 1 of 3 (33%)`);
  });

  it("stops at q with the score so far, without waiting for the input to end", async () => {
    const [first, second] = questions as [Question, Question];
    const child = quiz([topic], [rightReply(first)], { endInput: false });
    const done = finished(child);
    await waitForOutput(child, new RegExp(`\\(${second.id.replace(/[.-]/g, "\\$&")}\\)`));
    child.stdin.write("q\n");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Stopped after 1 of ${questions.length} questions.\nScore so far: 1 of 1 (100%)`);
    expect(result.stdout).not.toContain("Question 3 of");
    expect(result.stdout).not.toMatch(/^Score: /m);
  });

  it("shows the score so far when the input ends before the last question", async () => {
    const [first, second] = questions as [Question, Question];
    const result = await finished(quiz([topic], [rightReply(first), wrongReply(second)]));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Input ended after 2 of ${questions.length} questions.\nScore so far: 1 of 2 (50%)`);
  });

  it("asks every topic's questions when no topic is given", async () => {
    const catalog = await loadCatalog();
    const total = catalog.quizzes.reduce((sum, loaded) => sum + loaded.quiz.questions.length, 0);
    const result = await finished(quiz([], []));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${total} questions`);
    for (const loaded of catalog.quizzes) expect(result.stdout).toContain(loaded.quiz.title);
  });

  it("an unknown topic is a one-line error with the topics there are, exit 1", async () => {
    const result = await finished(quiz(["no-such-topic"], []));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`s3-tutor: there is no quiz topic "no-such-topic". Topics: ${topic}.\n`);
  });

  it("without --plain it points at --plain and exits 2", async () => {
    const child = spawnCli(["quiz"]);
    child.stdin.end();
    const result = await finished(child);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("s3-tutor quiz --plain");
  });
});

describe("s3-tutor quiz --plain with broken content", () => {
  // The catalog is whatever ships beside package.json, so a copy of the package with a broken quiz stands in.
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "s3-tutor-quiz-"));
    for (const entry of ["package.json", "tsconfig.json", "src", "lessons", "quizzes"]) await cp(join(root, entry), join(copy, entry), { recursive: true });
    await cp(join(root, "test/fixtures/content/bad/quizzes/answers.yaml"), join(copy, "quizzes", "answers.yaml"));
    await symlink(join(root, "node_modules"), join(copy, "node_modules"), "junction");
  });

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("prints each problem as file:line:col and exits 1, never a stack trace", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "quiz", "--plain"], {
      cwd: copy,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    child.stdin.end();
    const result = await finished(child);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${join("quizzes", "answers.yaml")}:8:5: no choice is marked "correct: true"`);
    expect(result.stderr).toMatch(/problems \(above\); run s3-tutor validate/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
