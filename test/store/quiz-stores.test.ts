import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordSession, recordSettledAnswers, saveFlag } from "../../src/engine/quiz-recording";
import { quizResults } from "../../src/engine/quiz-results";
import { quizReducer, startQuiz } from "../../src/engine/quiz-session";
import { withAnswers } from "../../src/store/quiz-history";
import { flushQuizStores, openQuizStores } from "../../src/store/quiz-stores";
import { BY_ID, QUESTIONS, shownReply } from "../engine/quiz-fixtures";

let folder = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "s3-tutor-quiz-store-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const root = fileURLToPath(new URL("../../", import.meta.url));
const at = "2026-03-02T10:00:00.000Z";

describe("the quiz history and the review cards", () => {
  it("start empty, keep what a session records, and read it back", async () => {
    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toEqual([]);
    expect(stores.history.data.answers).toEqual([]);
    let state = startQuiz(QUESTIONS.slice(0, 2), { mode: "review", now: new Date(at) });
    state = quizReducer(BY_ID, state, { type: "answer", answer: shownReply(state.items[0]!, true), at });
    state = quizReducer(BY_ID, state, { type: "guess" });
    state = quizReducer(BY_ID, state, { type: "next", at });
    state = quizReducer(BY_ID, state, { type: "answer", answer: shownReply(state.items[1]!, false), at });
    state = quizReducer(BY_ID, state, { type: "next", at });
    expect(recordSettledAnswers(stores, state)).toEqual(["naming.shared", "naming.rules"]);
    await recordSession(stores, quizResults(state, BY_ID, new Date(at)));
    await saveFlag(stores, "naming.rules", true);
    expect(await flushQuizStores(stores)).toEqual([]);

    const reopened = await openQuizStores(folder);
    expect(reopened.stores.history.data.answers).toEqual([
      { questionId: "naming.shared", correct: true, guessed: true, mode: "review", at },
      { questionId: "naming.rules", correct: false, guessed: false, mode: "review", at },
    ]);
    expect(reopened.stores.history.data.sessions).toEqual([{ mode: "review", startedAt: at, finishedAt: at, correct: 1, total: 2 }]);
    expect(Object.keys(reopened.stores.cards.data.cards).sort()).toEqual(["naming.rules", "naming.shared"]);
    expect(reopened.stores.cards.data.cards["naming.rules"]).toMatchObject({ state: "Learning", reps: 1, lastReview: at });
    expect(reopened.stores.cards.data.flagged).toEqual(["naming.rules"]);
  });

  it("a half-written history file is moved aside, the learner is told, and a new one starts", async () => {
    const path = join(folder, "quiz-history.json");
    await writeFile(path, '{"version":1,"answers":[{"questionId":"naming.sha');
    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Your quiz history file could not be read \(.*JSON.*\)\. It was kept as .*quiz-history\.json\.corrupt-.*, and a new one was started\.$/);
    expect(stores.history.data.answers).toEqual([]);
    const files = await readdir(folder);
    const aside = files.find((file) => file.startsWith("quiz-history.json.corrupt-"));
    expect(aside).toBeDefined();
    expect(await readFile(join(folder, aside!), "utf8")).toContain("naming.sha");
    // The next write starts clean beside the kept copy.
    await stores.history.update((history) => withAnswers(history, [{ questionId: "a.b", correct: true, guessed: false, mode: "practice", at }]));
    expect(JSON.parse(await readFile(path, "utf8")).answers).toHaveLength(1);
  });

  it("a cards file of the wrong shape is moved aside too, naming what was wrong", async () => {
    await writeFile(join(folder, "review-cards.json"), JSON.stringify({ version: 1, cards: { "a.b": { due: "soon" } }, flagged: [] }));
    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toEqual([expect.stringContaining("Your review cards file could not be read (the card of a.b is not readable)")]);
    expect(stores.cards.data).toEqual({ version: 1, cards: {}, flagged: [] });
  });

  it("survive a crash mid-write: killed while writing, both files still read whole", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/store/fixtures/keep-recording.ts", folder], { cwd: root });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("recording")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`the recorder exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));

    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toEqual([]);
    expect(stores.history.data.answers.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(stores.cards.data.cards).length).toBeGreaterThanOrEqual(5);
  });

  it("a write that fails is reported, not thrown", async () => {
    // A folder where the file should be: the rename cannot replace it.
    const { stores } = await openQuizStores(join(folder, "sub"));
    await writeFile(join(folder, "sub"), "a file where the state folder should be");
    await stores.history.update((history) => withAnswers(history, [{ questionId: "a.b", correct: true, guessed: false, mode: "practice", at }]));
    expect(await flushQuizStores(stores)).toEqual([expect.stringMatching(/^Your quiz history could not be saved to .*quiz-history\.json \(/)]);
  });
});
