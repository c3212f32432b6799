import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import type { Question, Quiz } from "../../src/content/schema/quiz";
import { rightAnswerInWords } from "../../src/engine/answer-words";
import { openQuizStores } from "../../src/store/quiz-stores";
import { CLI, finished, notSourceMap, spawnCli } from "../helpers/cli";
import { newStateDir, PlainQuiz, replyFor, type AskedQuestion } from "./plain-driver";

// `quiz --plain` through a child process with piped stdin, as a screen reader or a script runs it.
// Everything is derived from the shipped quizzes, which others keep adding to.

const root = fileURLToPath(new URL("../../", import.meta.url));

let topic: string;
let shipped: Quiz;
let byId: Map<string, Question>;
let allQuestions: Question[];

beforeAll(async () => {
  const catalog = await shippedCatalog();
  expect(catalog.problems).toEqual([]);
  const quizzes = catalog.quizzes.map((loaded) => loaded.quiz);
  // The tests need a topic with a few questions, one of them with options.
  const first = quizzes.find((quiz) => quiz.questions.length >= 3 && quiz.questions.some((q) => q.type === "single" || q.type === "multi"));
  if (!first) throw new Error("no shipped quiz to test with");
  shipped = first;
  topic = first.topic;
  allQuestions = quizzes.flatMap((quiz) => quiz.questions);
  byId = new Map(allQuestions.map((question) => [question.id, question]));
});

const asked = (question: AskedQuestion): Question => {
  const found = byId.get(question.id);
  if (!found) throw new Error(`${question.id} is not a shipped question`);
  return found;
};

/** Answers every question as `right` says (by its number), until the quiz stops asking. */
const answerAll = async (quiz: PlainQuiz, right: (number: number) => boolean | "skip"): Promise<AskedQuestion[]> => {
  const seen: AskedQuestion[] = [];
  for (let next = await quiz.next(); next !== undefined && next !== "retry"; next = await quiz.next()) {
    seen.push(next);
    const choice = right(next.number);
    quiz.type(choice === "skip" ? "" : replyFor(asked(next), next, choice));
  }
  return seen;
};

describe("s3-tutor quiz --plain: practice", () => {
  it("asks every question of the topic numbered, options shuffled, each answer followed by Correct., the explanation and the source", async () => {
    const quiz = new PlainQuiz([topic, "--plain"]);
    const seen = await answerAll(quiz, () => true);
    const result = await quiz.end();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`Quiz: ${shipped.title}\n${shipped.questions.length} questions, practice mode`);
    expect(seen.map((question) => question.id).sort()).toEqual(shipped.questions.map((question) => question.id).sort());
    for (const question of shipped.questions) expect(result.stdout).toContain(`${question.explain.trim()}\nSource: ${question.source}\n`);
    expect(result.stdout.match(/^Correct\.$/gm)).toHaveLength(shipped.questions.length);
    expect(result.stdout).toContain(`Score: ${shipped.questions.length} of ${shipped.questions.length} (100%)`);
  });

  it("says Not quite with the right answer after a wrong one", async () => {
    const quiz = new PlainQuiz([topic, "--plain"]);
    const seen = await answerAll(quiz, (number) => number === 1);
    const result = await quiz.end();
    for (const question of seen.slice(1)) expect(result.stdout).toContain(`Not quite. The answer: ${rightAnswerInWords(asked(question))}\n`);
    const percent = Math.round((1 / shipped.questions.length) * 100);
    expect(result.stdout).toContain(`Score: 1 of ${shipped.questions.length} (${percent}%)`);
  });

  it("shuffles the questions differently with a different --seed, and the same with the same one", async () => {
    const order = async (seed: number) => {
      const child = spawnCli(["quiz", topic, "--plain", "--seed", String(seed)], { S3_TUTOR_STATE_DIR: newStateDir() });
      child.stdin.end(shipped.questions.map(() => "s\n").join(""));
      const { stdout } = await finished(child);
      return [...stdout.matchAll(/^Question \d+ of \d+ \((.+)\)$/gm)].map((match) => match[1]).join();
    };
    const [one, again, two, three] = await Promise.all([order(1), order(1), order(2), order(3)]);
    expect(one).toBe(again);
    expect(new Set([one, two, three]).size).toBeGreaterThan(1);
  });

  it("asks again, with the reason, after a number out of range or letters for a choice question", async () => {
    const quiz = new PlainQuiz([topic, "--plain"]);
    let question = await quiz.question();
    while (asked(question).type !== "single" && asked(question).type !== "multi") {
      quiz.type("s");
      question = await quiz.question();
    }
    quiz.type("99");
    quiz.type("abc");
    quiz.type(replyFor(asked(question), question, true));
    quiz.type("q");
    const result = await quiz.end();
    const count = question.choices.length;
    expect(result.stdout).toContain(`> 99\nThere is no choice 99: type a number from 1 to ${count}.`);
    expect(result.stdout).toContain(`> abc\n"abc" is not a choice number: type a number from 1 to ${count}.`);
    expect(result.stdout.split(`(${question.id})`)).toHaveLength(2);
    expect(result.stdout).toContain(`> ${replyFor(asked(question), question, true)}\nCorrect.`);
  });

  it("skips on an empty line or s; q stops with the score so far; so does the end of the input", async () => {
    const child = spawnCli(["quiz", topic, "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
    child.stdin.end("\ns\nq\n");
    const stopped = await finished(child);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout.match(/^Skipped\.$/gm)).toHaveLength(2);
    expect(stopped.stdout).toContain(`Stopped after 0 of ${shipped.questions.length} questions answered.\nScore so far: nothing answered yet.`);
    const ended = spawnCli(["quiz", topic, "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
    ended.stdin.end("s\n");
    expect((await finished(ended)).stdout).toContain(`Input ended after 0 of ${shipped.questions.length} questions answered.`);
  });

  it("ends quietly when the reader of its output goes away (quiz --plain | head)", async () => {
    const child = spawnCli(["quiz", "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
    const done = finished(child);
    child.stdin.on("error", () => {});
    child.stdout.once("data", () => {
      child.stdout.destroy();
      child.stdin.end("s\n".repeat(50));
    });
    const result = await done;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("asks every topic's questions when no topic is given, and only the tagged ones with --tag", async () => {
    const all = spawnCli(["quiz", "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
    all.stdin.end();
    expect((await finished(all)).stdout).toContain(`${allQuestions.length} questions`);
    const tag = allQuestions.flatMap((question) => question.tags ?? [])[0];
    if (!tag) return;
    const tagged = allQuestions.filter((question) => question.tags?.includes(tag)).length;
    const only = spawnCli(["quiz", "--plain", "--tag", tag], { S3_TUTOR_STATE_DIR: newStateDir() });
    only.stdin.end();
    expect((await finished(only)).stdout).toContain(`${tagged} question${tagged === 1 ? "" : "s"}, practice mode`);
  });
});

describe("s3-tutor quiz --plain: exam, review, mistakes", () => {
  it("an exam: no feedback, then score, pass or fail, time, breakdowns, the missed questions explained, and a retry of them", async () => {
    const count = Math.min(3, shipped.questions.length);
    const quiz = new PlainQuiz([topic, "--mode", "exam", "--count", String(count), "--plain"]);
    const seen: AskedQuestion[] = [];
    let next = await quiz.next();
    while (next !== undefined && next !== "retry") {
      seen.push(next);
      quiz.type(replyFor(asked(next), next, next.number === 1));
      next = await quiz.next();
    }
    expect(next).toBe("retry");
    quiz.type("r");
    const retried = await answerAll(quiz, () => true);
    const result = await quiz.end();
    const out = result.stdout;
    expect(out).toContain(`${count} questions, exam mode: ${Math.floor((count * 90) / 60)}:${String((count * 90) % 60).padStart(2, "0")} to answer them`);
    expect(out).toMatch(/^Question 1 of \d+ \(.+\), \d+:\d\d left$/m);
    const examPart = out.slice(0, out.indexOf("Score:"));
    expect(examPart).not.toMatch(/^(Correct\.|Not quite)/m);
    expect(examPart.match(/^Answer saved\.$/gm)).toHaveLength(count);
    const percent = Math.round((1 / count) * 100);
    expect(out).toContain(`Score: 1 of ${count} (${percent}%): fail (the pass mark is 70%)`);
    expect(out).toMatch(/Time taken: \d+:\d\d of \d+:\d\d\./);
    expect(out).toContain(`By topic:\n  ${topic}: 1 of ${count} (${percent}%)`);
    expect(out).toContain(`Missed (${count - 1}):`);
    for (const question of seen.slice(1)) {
      const original = asked(question);
      expect(out).toContain(`(${original.id})\n   Your answer: `);
      expect(out).toContain(`The answer: ${rightAnswerInWords(original)}\n   ${original.explain.trim()}\n   Source: ${original.source}`);
    }
    expect(retried.map((question) => question.id).sort()).toEqual(seen.slice(1).map((question) => question.id).sort());
    expect(out).toContain(`Score: ${count - 1} of ${count - 1} (100%)`);
    expect(result.code).toBe(0);
  });

  it("review: what was answered becomes a card; due cards come first; the answers reschedule them", async () => {
    const stateDir = newStateDir();
    const practice = new PlainQuiz([topic, "--plain"], stateDir);
    const first = await practice.question();
    practice.type(replyFor(asked(first), first, true));
    const second = await practice.question();
    practice.type(replyFor(asked(second), second, false));
    await practice.question();
    practice.type("q");
    await practice.end();

    // A right answer comes back in 10 minutes, a wrong one in 1: both due today, so both lead.
    const review = new PlainQuiz([topic, "--mode", "review", "--plain"], stateDir);
    const leading = [await review.question()];
    review.type("guess");
    await review.question();
    review.type(replyFor(asked(leading[0]!), leading[0]!, true));
    leading.push(await review.question());
    review.type("q");
    const result = await review.end();
    expect(result.stdout).toContain("spaced review: the ones due today first, then new ones");
    expect(leading.map((question) => question.id).sort()).toEqual([first.id, second.id].sort());
    const { stores } = await openQuizStores(stateDir);
    expect(stores.cards.data.cards[leading[0]!.id]?.reps).toBe(2);
    expect(stores.history.data.answers.at(-1)).toMatchObject({ questionId: leading[0]!.id, mode: "review", guessed: true, correct: true });
  });

  it("mistakes: only the questions answered wrong and not right since", async () => {
    const stateDir = newStateDir();
    const none = new PlainQuiz([topic, "--mode", "mistakes", "--plain"], stateDir);
    expect((await none.end()).stdout).toBe("No mistakes to go over: you have not answered a question here wrong.\n");

    const practice = new PlainQuiz([topic, "--plain"], stateDir);
    const missed = await practice.question();
    practice.type(replyFor(asked(missed), missed, false));
    practice.type("q");
    await practice.end();

    const mistakes = new PlainQuiz([topic, "--mode", "mistakes", "--plain"], stateDir);
    const only = await mistakes.question();
    expect(only).toMatchObject({ id: missed.id, number: 1, total: 1 });
    mistakes.type(replyFor(asked(only), only, true));
    expect((await mistakes.end()).stdout).toContain("Score: 1 of 1 (100%)");

    const after = new PlainQuiz([topic, "--mode", "mistakes", "--plain"], stateDir);
    expect((await after.end()).stdout).toContain("every question you got wrong here, you have since got right");
  });

  it("flag marks a question for review across runs", async () => {
    const stateDir = newStateDir();
    const quiz = new PlainQuiz([topic, "--plain"], stateDir);
    const question = await quiz.question();
    quiz.type("flag");
    const again = await quiz.question();
    expect(again.id).toBe(question.id);
    quiz.type("q");
    const result = await quiz.end();
    expect(result.stdout).toContain("> flag\nFlagged for review: it comes up in spaced review until you unflag it.");
    const next = new PlainQuiz([topic, "--plain"], stateDir);
    for (let shown = await next.question(); shown.id !== question.id; shown = await next.question()) next.type("s");
    next.type("q");
    expect((await next.end()).stdout).toContain(`(${question.id}), flagged`);
  });
});

describe("s3-tutor quiz --json", () => {
  it("prints the results as one JSON document on stdout; the dialogue goes to stderr", async () => {
    const count = Math.min(2, shipped.questions.length);
    const child = spawnCli(["quiz", topic, "--mode", "exam", "--count", String(count), "--json"], { S3_TUTOR_STATE_DIR: newStateDir() });
    child.stdin.end("s\n".repeat(count));
    const result = await finished(child);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Question 1 of ${count}`);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      mode: "exam",
      end: "finished",
      score: { correct: 0, total: count, percent: 0 },
      unanswered: count,
      passMark: 70,
      passed: false,
      byTopic: [{ name: topic, correct: 0, total: count, percent: 0 }],
      dueToday: 0,
    });
    expect(report.timeLimitMs).toBe(count * 90_000);
    expect(report.questions).toHaveLength(count);
    for (const question of report.questions) {
      expect(question).toMatchObject({ topic, answered: false, correct: false, guessed: false, flagged: false });
      expect(byId.get(question.id)?.source).toBe(question.source);
    }
  });

  it("an exam the input ends in the middle of is not scored: no pass or fail", async () => {
    const child = spawnCli(["quiz", topic, "--mode", "exam", "--count", "2", "--json"], { S3_TUTOR_STATE_DIR: newStateDir() });
    child.stdin.end("s\n");
    const report = JSON.parse((await finished(child)).stdout);
    expect(report.end).toBe("input-ended");
    expect(report).not.toHaveProperty("passed");
    expect(report).not.toHaveProperty("passMark");
  });

  it("says why there is nothing to ask, as JSON", async () => {
    const child = spawnCli(["quiz", "--mode", "mistakes", "--json"], { S3_TUTOR_STATE_DIR: newStateDir() });
    child.stdin.end();
    const result = await finished(child);
    expect(JSON.parse(result.stdout)).toEqual({
      mode: "mistakes",
      end: "nothing-to-ask",
      reason: "No mistakes to go over: you have not answered a question here wrong.",
      questions: [],
    });
  });
});

describe("s3-tutor quiz: mistakes in the command", () => {
  it("an unknown topic is a one-line error with the topics there are, exit 1", async () => {
    const child = spawnCli(["quiz", "no-such-topic", "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
    child.stdin.end();
    const result = await finished(child);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^s3-tutor: there is no quiz topic "no-such-topic"\. Topics: .*\b/);
    expect(result.stderr).toContain(topic);
  });

  it("an unknown tag, a bad mode or a bad count is refused", async () => {
    const run = async (args: string[]) => {
      const child = spawnCli(["quiz", ...args, "--plain"], { S3_TUTOR_STATE_DIR: newStateDir() });
      child.stdin.end();
      return finished(child);
    };
    const tag = await run(["--tag", "no-such-tag"]);
    expect(tag.code).toBe(1);
    expect(tag.stderr).toMatch(/^s3-tutor: no question has the tag "no-such-tag"\. Tags: /);
    const mode = await run(["--mode", "cram"]);
    expect(mode.code).toBe(1);
    expect(mode.stderr).toContain("Allowed choices are practice, exam, review, mistakes");
    const count = await run(["--count", "0"]);
    expect(count.code).toBe(1);
    expect(count.stderr).toContain("give a whole number of questions, 1 or more.");
  });

  it("without --plain and without a terminal it points at --plain and exits 2", async () => {
    const child = spawnCli(["quiz", "--mode", "exam"]);
    child.stdin.end();
    const result = await finished(child);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("s3-tutor quiz --plain");
  });

  it("a quiz history file that cannot be read is moved aside, the learner is told, and the quiz goes on", async () => {
    const stateDir = newStateDir();
    await writeFile(join(stateDir, "quiz-history.json"), '{"version":1,"answers":[');
    const child = spawnCli(["quiz", topic, "--plain"], { S3_TUTOR_STATE_DIR: stateDir });
    child.stdin.end("q\n");
    const result = await finished(child);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^s3-tutor: Your quiz history file could not be read \(.+\)\. It was kept as .+, and a new one was started\.\n$/);
    expect(result.stdout).toContain("Question 1 of");
    expect((await readdir(stateDir)).some((file) => file.startsWith("quiz-history.json.corrupt-"))).toBe(true);
  });
});

describe("s3-tutor quiz --plain with broken content", () => {
  // The catalog is whatever ships beside package.json, so a copy of the package with a broken quiz stands in.
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "s3-tutor-quiz-"));
    // dist/ copied, not linked: a link would resolve back to this repository and its shipped content.
    for (const entry of ["package.json", "dist", "lessons", "quizzes"]) await cp(join(root, entry), join(copy, entry), { recursive: true, filter: notSourceMap });
    await cp(join(root, "test/fixtures/content/bad/quizzes/answers.yaml"), join(copy, "quizzes", "answers.yaml"));
  });

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("prints each problem as file:line:col and exits 1, never a stack trace", async () => {
    const child = spawn(process.execPath, [CLI, "quiz", "--plain"], {
      cwd: copy,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", S3_TUTOR_STATE_DIR: newStateDir() },
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
