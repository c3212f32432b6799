import { expect, it } from "vitest";
import { ROOM_PATHS, type LiveQuestion } from "../../src/room/protocol";
import { call, joinRoom, startTestRoom } from "../room/helpers/room-api";
import { testPageWorkshop } from "../room/helpers/workshop";
import { describeInBrowser, seriousAxeViolations } from "./helpers/page-browser";

const pool: LiveQuestion[] = [
  {
    id: "namespace.global-names",
    prompt: "Bucket names are unique within…",
    choices: ["your account", "a Region", "all of AWS (the partition)"],
    correct: [2],
    explain: "Bucket names share one namespace across every account in the partition.",
  },
  { id: "namespace.region", prompt: "A bucket lives in one Region.", choices: ["True", "False"], correct: [0], explain: "Its data stays in its Region." },
];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The live room quiz on the projector page, driven from the page's keys in headless Chromium. */
describeInBrowser("the projector page's live quiz in a real browser", ({ openPage, artifact }) => {
  it("asks from the page's key, counts answers without showing them, reveals the distribution and the leaderboard", async () => {
    const room = await startTestRoom({ pageWorkshop: testPageWorkshop(), liveQuestions: pool });
    const [ada, bo, cy] = await Promise.all(["Ada", "Bo", "Cy"].map(async (name) => (await joinRoom(room.endpoint, room.code, name)).body));
    const { page, refusals } = await openPage();
    await page.goto(room.pageUrl, { waitUntil: "domcontentloaded" });
    await page.waitForFunction('document.getElementById("connection").textContent === "Live" && document.body.dataset.updates !== undefined');
    const read = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
    const text = (selector: string) => read<string>(`document.querySelector(${JSON.stringify(selector)}).textContent`);
    expect(await read('document.getElementById("quiz-section").hidden')).toBe(true);

    // The help lists the quiz keys.
    await page.keyboard.press("?");
    expect(await text("#help")).toContain("ask the room the next live quiz question");
    expect(await text("#help")).toContain("reveal the live question's answer");
    await page.keyboard.press("Escape");

    // l asks the pool's first question: every participant's pacing has it, and the page shows it.
    await page.keyboard.press("l");
    await page.waitForFunction('!document.getElementById("quiz-section").hidden');
    expect(room.state.pacing.liveQuestion?.id).toBe(pool[0]!.id);
    expect(await text("#quiz-prompt")).toBe("Bucket names are unique within…");
    expect(await text("#quiz-answered")).toBe("answered 0 of 3");
    expect(await text("#quiz-countdown")).toMatch(/^[1-3]?\d s left$/);
    // A second l while it is open is refused, in words on the page.
    await page.keyboard.press("l");
    await page.waitForFunction('document.getElementById("quiz-said").textContent.includes("reveal it first")');

    // Cy answers right first, then Bo wrong, then Ada right (slower than Cy).
    const answer = async (token: string, choice: number) =>
      expect((await call(room.endpoint, ROOM_PATHS.liveAnswer, { token, body: { questionId: pool[0]!.id, choices: [choice] } })).status).toBe(200);
    await answer(cy!.token, 2);
    await pause(60);
    await answer(bo!.token, 0);
    await pause(60);
    await answer(ada!.token, 2);
    await page.waitForFunction('document.getElementById("quiz-answered").textContent === "answered 3 of 3"');
    // Before the reveal nobody's choice shows: no counts, no bars, no ✓, no explanation, no leaderboard.
    const choices = () => read<string[]>('[...document.querySelectorAll("#quiz-choices li")].map((li) => li.textContent)');
    expect(await choices()).toEqual(["A. your account", "B. a Region", "C. all of AWS (the partition)"]);
    expect(await read('document.querySelectorAll("#quiz-choices .bar, #quiz-choices .count").length')).toBe(0);
    expect(await read('document.getElementById("quiz-explain").hidden')).toBe(true);
    expect(await read('document.getElementById("leaderboard-section").hidden')).toBe(true);
    await page.screenshot({ path: artifact("room-page-quiz-open.png"), fullPage: true });

    // r reveals: the counts, a ✓ on the right choice, the explanation, the leaderboard (right first, then speed).
    await page.keyboard.press("r");
    await page.waitForFunction('document.querySelectorAll("#quiz-choices .count").length === 3');
    const counts = await read<string[]>('[...document.querySelectorAll("#quiz-choices .count")].map((span) => span.textContent)');
    expect(counts).toEqual(["1", "0", "✓ 2"]);
    expect(await read('[...document.querySelectorAll("#quiz-choices li.right")].map((li) => li.getAttribute("aria-label"))')).toEqual([
      "all of AWS (the partition): 2 answers, correct",
    ]);
    const widths = await read<number[]>('[...document.querySelectorAll("#quiz-choices .bar")].map((bar) => bar.getBoundingClientRect().width)');
    expect(widths[2]).toBeGreaterThan(widths[0]! * 1.5);
    expect(await text("#quiz-explain")).toBe(pool[0]!.explain);
    expect(await text("#quiz-countdown")).toBe("2 right");
    expect(await text("#leaderboard-title")).toBe("Leaderboard");
    const leaders = await read<string[]>('[...document.querySelectorAll("#leaderboard li")].map((li) => li.textContent)');
    expect(leaders.map((row) => row.split(" — ")[0])).toEqual(["Cy", "Ada", "Bo"]);
    expect(leaders[0]).toMatch(/^Cy — 1 right in \d+\.\d s$/);
    expect(leaders[2]).toBe("Bo — 0 right");
    await page.screenshot({ path: artifact("room-page-quiz-revealed.png"), fullPage: true });

    // The page's POST refuses a request without its header or without the instructor cookie.
    const noHeader = await fetch(`${room.endpoint}${ROOM_PATHS.pageLive}?action=ask`, { method: "POST", headers: { cookie: "s3tutor_instructor=" + room.instructorToken } });
    expect(noHeader.status).toBe(403);
    const noCookie = await fetch(`${room.endpoint}${ROOM_PATHS.pageLive}?action=ask`, { method: "POST", headers: { "x-s3-tutor-page": "1" } });
    expect(noCookie.status).toBe(401);
    expect(room.state.live.asked).toHaveLength(1);

    // axe-core with the quiz panel shown: no serious or critical violation.
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The last question: l asks it, r reveals it, and the leaderboard is the final one.
    await page.keyboard.press("l");
    await page.waitForFunction('document.getElementById("quiz-prompt").textContent === "A bucket lives in one Region."');
    expect(await text("#quiz-answered")).toBe("answered 0 of 3");
    await call(room.endpoint, ROOM_PATHS.liveAnswer, { token: bo!.token, body: { questionId: pool[1]!.id, choices: [0] } });
    await page.waitForFunction('document.getElementById("quiz-answered").textContent === "answered 1 of 3"');
    await page.keyboard.press("r");
    await page.waitForFunction('document.getElementById("leaderboard-title").textContent === "Final leaderboard"');
    const final = await read<string[]>('[...document.querySelectorAll("#leaderboard li")].map((li) => li.textContent)');
    // One right each now: the least time to it first, so Cy still comes before Ada.
    expect(final.every((row) => / — 1 right in \d+\.\d s$/.test(row))).toBe(true);
    const names = final.map((row) => row.split(" — ")[0]);
    expect(names.slice().sort()).toEqual(["Ada", "Bo", "Cy"]);
    expect(names.indexOf("Cy")).toBeLessThan(names.indexOf("Ada"));
    const seconds = final.map((row) => Number(/in ([\d.]+) s$/.exec(row)![1]));
    expect(seconds).toEqual(seconds.slice().sort((a, b) => a - b));
    await page.screenshot({ path: artifact("room-page-quiz-final.png"), fullPage: true });
    expect(refusals).toEqual([]);
    await page.browserContext().close();
  }, 90_000);
});
