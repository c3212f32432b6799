import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { interviewRating } from "../../src/engine/interview/interview-card";
import { recordInterview } from "../../src/engine/interview/interview-recording";
import { interviewReducer, startInterview, type InterviewEvent, type InterviewState } from "../../src/engine/interview/interview-session";
import { reviewCard } from "../../src/engine/review-schedule";
import { MAX_INTERVIEWS, withInterview, type HistoryInterview } from "../../src/store/quiz-history";
import { flushQuizStores, openQuizStores } from "../../src/store/quiz-stores";
import { question } from "./interview-fixtures";

let folder = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "s3-tutor-interview-store-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const start = new Date("2026-03-10T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString();
const run = (state: InterviewState, ...events: InterviewEvent[]) => events.reduce(interviewReducer, state);

describe("recording an interview", () => {
  it("rates a chain under half Again, under 80% Hard, else Good", () => {
    expect([interviewRating(2, 5), interviewRating(5, 10), interviewRating(7, 9), interviewRating(4, 5), interviewRating(0, 0)]).toEqual([
      "again",
      "hard",
      "hard",
      "good",
      "again",
    ]);
  });

  it("writes the interview to the history and one review card per answered question, beside the quiz's cards", async () => {
    const state = run(
      startInterview([question("buckets.where"), question("buckets.names")], start),
      // All three points, then the default follow-up's two: 4 of 5 made is Good.
      { type: "answer", text: "one region; replicate; globally unique", at: at(60) },
      { type: "score", at: at(70) },
      { type: "answer", text: "versioning needed", at: at(100) },
      { type: "score", at: at(110) },
      { type: "skip", at: at(120) },
    );
    await writeFile(join(folder, "review-cards.json"), JSON.stringify({ version: 1, cards: { "buckets.where": reviewCard(undefined, "again", start) }, flagged: [] }));
    const { stores } = await openQuizStores(folder);
    await recordInterview(stores, state);
    expect(await flushQuizStores(stores)).toEqual([]);

    const cards = JSON.parse(await readFile(join(folder, "review-cards.json"), "utf8")) as { cards: Record<string, unknown> };
    expect(Object.keys(cards.cards).sort()).toEqual(["buckets.where", "interview:buckets.where"]);
    expect(cards.cards["interview:buckets.where"]).toEqual(reviewCard(undefined, "good", new Date(at(110))));

    const reopened = await openQuizStores(folder);
    expect(reopened.stores.history.data.interviews).toEqual([
      {
        startedAt: start.toISOString(),
        finishedAt: at(120),
        endedBy: "finished",
        questions: [
          { questionId: "buckets.where", made: 4, asked: 5, missed: ["async"] },
          { questionId: "buckets.names", made: 0, asked: 0, missed: [] },
        ],
      },
    ]);
  });

  it("leaves nothing when no answer was scored", async () => {
    const { stores } = await openQuizStores(folder);
    await recordInterview(stores, run(startInterview([question("buckets.where")], start), { type: "skip", at: at(5) }));
    await recordInterview(stores, run(startInterview([question("buckets.where")], start), { type: "end", at: at(5) }));
    expect(await flushQuizStores(stores)).toEqual([]);
    expect(stores.history.data.interviews).toEqual([]);
    expect(stores.cards.data.cards).toEqual({});
  });

  it("reads a history file from before interviews as having none, and keeps the newest interviews only", async () => {
    await writeFile(join(folder, "quiz-history.json"), JSON.stringify({ version: 1, answers: [], sessions: [] }));
    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toEqual([]);
    expect(stores.history.data.interviews).toEqual([]);
    const one = (n: number): HistoryInterview => ({ startedAt: at(n), finishedAt: at(n + 1), endedBy: "finished", questions: [] });
    let history = stores.history.data;
    for (let n = 0; n < MAX_INTERVIEWS + 2; n++) history = withInterview(history, one(n));
    expect(history.interviews).toHaveLength(MAX_INTERVIEWS);
    expect(history.interviews?.[0]).toEqual(one(2));
  });

  it("moves aside a history file whose interviews are not readable, as with any damaged file", async () => {
    await writeFile(join(folder, "quiz-history.json"), JSON.stringify({ version: 1, answers: [], sessions: [], interviews: [{ startedAt: "soon" }] }));
    const { stores, notices } = await openQuizStores(folder);
    expect(notices).toEqual([expect.stringMatching(/interview 1 is not readable/)]);
    expect(stores.history.data.interviews).toEqual([]);
  });
});
