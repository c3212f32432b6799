import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { InterviewFileSchema } from "../../src/content/schema/interview";
import { planInterview } from "../../src/engine/interview/interview-plan";
import { seededSource } from "../../src/engine/random";
import { INTERVIEW_PURPOSE } from "../../src/ui/screens/interview";
import { choose } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// The fixture lessons, and two interview questions over them (test/fixtures/content/interview).
const GOOD = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));
const INTERVIEWS = fileURLToPath(new URL("../fixtures/content/interview/interviews/fixture.yaml", import.meta.url));
const interviews = [InterviewFileSchema.parse(parse(readFileSync(INTERVIEWS, "utf8")))];
const SEED = 3;

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

/** A clock the test moves by hand. */
const handClock = (start = Date.parse("2026-03-02T10:00:00.000Z")) => {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
};

/** The row of the rubric that holds `text`. */
const rowWith = (frame: string, text: string): string => frame.split("\n").find((line) => line.includes(text)) ?? "";

describe("the mock interview", () => {
  it("asks as the seed plans; a typed answer pre-ticks what it covers; the candidate corrects it; a missed point chooses the follow-up", async () => {
    const time = handClock();
    const plan = planInterview(interviews[0]!.interviews, { minutes: 20, random: seededSource(SEED)(INTERVIEW_PURPOSE), cards: {}, now: time.clock() });
    expect(plan.map((question) => question.id)).toEqual(["fixture.where-buckets-live", "fixture.error-codes"]);

    app = await renderApp({ content: [GOOD], interviews, seed: SEED, clock: time.clock, columns: 80, rows: 24 });
    await app.waitFor("Mock interview");
    await choose(app, "Mock interview");
    let frame = await app.waitFor("question 1 of 2");
    expect(frame).toContain("Where does a bucket live, and who else can use its name?");
    expect(frame).toContain("⏱ 2:00 left");
    time.advance(2 * 60_000 + 5_000);
    // The clock does not cut the candidate off: it says how far over they are.
    console.log(await app.waitFor("⏱ over time 0:05"));

    // Letters are text here: q neither quits nor e ends.
    await app.press(..."It lives in one region; versioning keeps every version. q");
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.enter);
    frame = await app.waitFor("Which points did you make?"); console.log(frame);
    expect(frame).toContain("You said: It lives in one region; versioning keeps every version.");
    expect(rowWith(frame, "A bucket lives in the one Region")).toContain("[x]");
    expect(frame).toContain('seems covered — you said "one region"');
    expect(rowWith(frame, "Its name is taken in every Region")).toContain("[ ]");
    expect(rowWith(frame, "Versioning keeps every version")).toContain("[x]");
    expect(frame).toContain('seems covered — you said "versioning"');
    expect(app.exitChoice()).toBeUndefined();

    // The candidate has the last word: 3 unticks versioning, then ↓↓ and space tick it again.
    await app.press("3");
    expect(rowWith(await app.waitFor((f) => rowWith(f, "Versioning keeps every version").includes("[ ]")), "Versioning")).toContain("3 [ ]");
    await app.press(KEYS.down, KEYS.down, " ");
    await app.waitFor((f) => rowWith(f, "Versioning keeps every version").includes("❯ 3 [x]"));

    // The name point was missed: the follow-up that listens for it comes next.
    await app.press(KEYS.enter);
    frame = await app.waitFor("So what happens when another account asks for the same bucket name?");
    expect(frame).toContain("follow-up: ask 2 of up to 4");
    expect(frame).toContain("You did not mention: Its name is taken in every Region and every account.");
    expect(frame).toContain("⏱ 1:30 left"); console.log(frame);
  });
});
