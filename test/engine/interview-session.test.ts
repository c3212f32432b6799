import { describe, expect, it } from "vitest";
import {
  askTimeLeftMs,
  chainScore,
  interviewReducer,
  startInterview,
  type InterviewEvent,
  type InterviewState,
} from "../../src/engine/interview/interview-session";
import { deepQuestion, followUp, question } from "./interview-fixtures";

const start = new Date("2026-03-10T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString();
const run = (state: InterviewState, ...events: InterviewEvent[]) => events.reduce(interviewReducer, state);

const regionDown = followUp("and if the Region is down?", ["failover", "rpo"], { when: ["one-region"] });
const costs = followUp("what does it cost?", ["transfer", "storage"]);
const first = question("buckets.where", { followUps: [costs, regionDown] });
const second = question("buckets.names");

describe("an interview session", () => {
  it("pre-ticks the points the typed answer makes and keeps the cue that found each", () => {
    const state = run(startInterview([first], start), { type: "answer", text: "Objects replicate with CRR; the name is globally unique.", at: at(60) });
    expect(state.phase).toBe("scoring");
    expect(state.suggested).toEqual({ replicate: "replicat*", "name-global": "globally unique" });
    expect(state.ticked).toEqual(["replicate", "name-global"]);
  });

  it("asks the follow-up chosen by the point the candidate missed", () => {
    const state = run(startInterview([first, second], start), { type: "answer", text: "replicate it, globally unique names", at: at(60) }, { type: "score", at: at(70) });
    expect(state.phase).toBe("answering");
    expect(state.depth).toBe(2);
    expect(state.current).toBe(regionDown);
    expect(state.chain).toHaveLength(1);
    expect(state.chain[0]).toMatchObject({ depth: 1, made: ["replicate", "name-global"], points: ["one-region", "replicate", "name-global"], overTime: false });
    expect(state.askedAt).toBe(at(70));
  });

  it("lets the candidate untick a suggestion and tick a point the matcher missed, which changes the follow-up", () => {
    const state = run(
      startInterview([first, second], start),
      { type: "answer", text: "replicate it", at: at(60) },
      { type: "toggle", pointId: "one-region" },
      { type: "toggle", pointId: "name-global" },
      { type: "toggle", pointId: "replicate" },
      { type: "toggle", pointId: "not-a-point" },
      { type: "score", at: at(70) },
    );
    expect(state.chain[0]?.made).toEqual(["one-region", "name-global"]);
    expect(state.current).toBe(costs);
  });

  it("asks the default follow-up once every point was made, then moves to the next question", () => {
    let state = run(
      startInterview([first, second], start),
      { type: "answer", text: "one region, replication, globally unique", at: at(60) },
      { type: "score", at: at(61) },
    );
    expect(state.current).toBe(costs);
    state = run(state, { type: "answer", text: "transfer", at: at(90) }, { type: "score", at: at(91) });
    expect(state.current).toBe(second);
    expect(state.depth).toBe(1);
    expect(state.asked).toEqual([{ questionId: "buckets.where", asks: expect.any(Array) }]);
    expect(chainScore(state.asked[0]!.asks)).toEqual({ made: 4, asked: 5 });
  });

  it("stops a chain at four asks deep", () => {
    let state = startInterview([deepQuestion("buckets.deep")], start);
    const asks: string[] = [];
    for (let i = 0; i < 6 && state.phase !== "done"; i++) {
      asks.push(state.current.ask);
      state = run(state, { type: "answer", text: "", at: at(i * 10) }, { type: "score", at: at(i * 10 + 5) });
    }
    expect(asks).toEqual(["ask of buckets.deep", "second", "third", "fourth"]);
    expect(state.phase).toBe("done");
    expect(state.asked[0]?.asks.map((ask) => ask.depth)).toEqual([1, 2, 3, 4]);
  });

  it("counts down from the ask: the question's minutes, 1.5 for a follow-up; time up scores what was typed", () => {
    let state = startInterview([question("buckets.slow", { minutes: 3, followUps: [costs] })], start);
    expect(askTimeLeftMs(state, new Date(at(60)))).toBe(120_000);
    state = run(state, { type: "timeUp", at: at(180), text: "half an answer about replication" });
    expect(state).toMatchObject({ phase: "scoring", overTime: true, ticked: ["replicate"] });
    state = run(state, { type: "score", at: at(200) });
    expect(askTimeLeftMs(state, new Date(at(230)))).toBe(60_000);
    state = run(state, { type: "answer", text: "late", at: at(300) });
    expect(state.overTime).toBe(true);
  });

  it("skips to the next question, keeping the chain so far; a skip before any answer leaves the question unscored", () => {
    const state = run(
      startInterview([first, second], start),
      { type: "answer", text: "globally unique", at: at(30) },
      { type: "score", at: at(31) },
      { type: "skip", at: at(40) },
      { type: "skip", at: at(50) },
    );
    expect(state.phase).toBe("done");
    expect(state.endedBy).toBe("finished");
    expect(state.asked.map((q) => [q.questionId, q.asks.length])).toEqual([
      ["buckets.where", 1],
      ["buckets.names", 0],
    ]);
  });

  it("ends early: the asks scored count, the question not yet answered is not filed, nothing moves after", () => {
    let state = run(startInterview([first, second], start), { type: "answer", text: "one region", at: at(30) }, { type: "end", at: at(40) });
    expect(state).toMatchObject({ phase: "done", endedBy: "ended", finishedAt: at(40) });
    expect(state.asked).toEqual([]);
    state = run(startInterview([first, second], start), { type: "answer", text: "x", at: at(30) }, { type: "score", at: at(31) }, { type: "end", at: at(40) });
    expect(state.asked.map((q) => q.questionId)).toEqual(["buckets.where"]);
    expect(run(state, { type: "answer", text: "more", at: at(50) })).toBe(state);
  });

  it("ignores events out of their phase", () => {
    const fresh = startInterview([first], start);
    expect(run(fresh, { type: "score", at: at(1) }, { type: "toggle", pointId: "one-region" })).toBe(fresh);
    const scoring = run(fresh, { type: "answer", text: "", at: at(2) });
    expect(run(scoring, { type: "answer", text: "again", at: at(3) })).toBe(scoring);
  });

  it("starts done with an empty plan", () => {
    expect(startInterview([], start)).toMatchObject({ phase: "done", endedBy: "finished" });
  });
});
