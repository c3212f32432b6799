import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { expect, it } from "vitest";
import { ROOM_PATHS, type ParticipantEvent } from "../../src/room/protocol";
import { call, joinRoom, roomIdentities, s3As, startTestRoom } from "../room/helpers/room-api";
import { describeInBrowser, seriousAxeViolations } from "./helpers/page-browser";
import { testPageWorkshop } from "../room/helpers/workshop";

const pageWorkshop = testPageWorkshop();
const place = { block: "namespace", lesson: "bucket-names", step: "create", title: "Create your bucket" };

/** The projector page in headless Chromium, against a real room in this process. */
describeInBrowser("the projector page in a real browser", ({ openPage, artifact }) => {
  it("shows a participant's passed check without reload, is keyboard-driven, and has no serious accessibility violation", async () => {
    const room = await startTestRoom({ pageWorkshop });
    const joined = await joinRoom(room.endpoint, room.code, "Ada", { table: "3" });
    const grace = await joinRoom(room.endpoint, room.code, "Grace");
    const { page, refusals } = await openPage();

    const opened = await page.goto(room.pageUrl, { waitUntil: "domcontentloaded" });
    expect(opened?.status()).toBe(200);
    // The token went into a cookie; the address bar shows none.
    expect(page.url()).toBe(`${room.endpoint}/`);
    await page.waitForFunction('document.getElementById("connection").textContent === "Live" && document.body.dataset.updates !== undefined');
    const read = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
    const rows = () => read<string[][]>('[...document.querySelectorAll("#heatmap tbody tr")].map((tr) => [...tr.children].map((cell) => cell.textContent))');
    const text = (selector: string) => read<string>(`document.querySelector(${JSON.stringify(selector)}).textContent`);
    expect(await rows()).toEqual([
      ["Ada (table 3)", "·", "·"],
      ["Grace", "·", "·"],
    ]);
    expect(await text("#title")).toBe("Names and Regions");
    expect(await text("#code")).toBe(room.code);

    const send = (...events: ParticipantEvent[]) => call(room.endpoint, ROOM_PATHS.events, { token: joined.body.token, body: { events } });
    const at = new Date().toISOString();
    expect(
      (await send({ seq: 1, at, kind: "checkFailed", ...place, failed: [{ expectation: "bucket acme-data exists", reason: "BucketAlreadyExists" }] })).status,
    ).toBe(200);
    await page.waitForFunction('document.querySelector("#heatmap tbody tr td").textContent === "✗"');
    expect(await text("#failed")).toContain("bucket acme-data exists: BucketAlreadyExists (1)");
    await page.screenshot({ path: artifact("room-page-failing.png"), fullPage: true });

    expect((await send({ seq: 2, at, kind: "checkPassed", ...place })).status).toBe(200);
    await page.waitForFunction('document.querySelector("#heatmap tbody tr td").textContent === "✓"');
    expect((await rows())[0]).toEqual(["Ada (table 3)", "✓", "·"]);
    expect(await read('document.querySelector("#heatmap tbody tr td").getAttribute("aria-label")')).toBe("Create your bucket: passed");
    await page.screenshot({ path: artifact("room-page-passed.png"), fullPage: true });

    // The room's S3 world: Ada takes a name, Grace is refused it; the page says who, without reload.
    await s3As(room.endpoint, roomIdentities(joined.body).default).send(new CreateBucketCommand({ Bucket: "acme-data" }));
    await expect(s3As(room.endpoint, roomIdentities(grace.body).default).send(new CreateBucketCommand({ Bucket: "acme-data" }))).rejects.toMatchObject({
      name: "BucketAlreadyExists",
    });
    await page.waitForFunction('(document.querySelector("#world .collision") || {}).textContent?.includes("Grace")');
    expect(await text("#world")).toContain("us-east-1⚠ acme-dataowner: Adataken by Ada; refused (BucketAlreadyExists): Grace");
    await page.screenshot({ path: artifact("room-page-world.png"), fullPage: true });

    // Keyboard only: ? shows the keys, Esc hides them.
    await page.keyboard.press("?");
    expect(await read('document.getElementById("help").hidden')).toBe(false);
    await page.keyboard.press("Escape");
    expect(await read('document.getElementById("help").hidden')).toBe(true);

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(refusals).toEqual([]);
    await page.browserContext().close();
  });

  it("refuses a missing or a wrong token with a page that says how to open it", async () => {
    const room = await startTestRoom({ pageWorkshop });
    const { page } = await openPage();
    const missing = await page.goto(`${room.endpoint}/`);
    expect(missing?.status()).toBe(401);
    expect(await page.evaluate("document.body.innerText")).toContain("Open it with the instructor token");
    await page.screenshot({ path: artifact("room-page-refused.png") });
    const wrong = await page.goto(`${room.endpoint}/?token=guessed`);
    expect(wrong?.status()).toBe(401);
    expect(await page.evaluate("document.body.innerText")).toContain("That token is not this room's instructor token.");
    expect(await page.$("#heatmap")).toBeNull();
    await page.browserContext().close();
  });

  it("keeps each update after the first draw under 100 ms of main-thread work with 200 participants and 30 steps", async () => {
    const steps = Array.from({ length: 30 }, (_, index) => `bucket-names/step-${index + 1}`);
    const room = await startTestRoom({
      pageWorkshop: { id: "names-and-regions", title: "Names and Regions", blocks: [{ id: "namespace", title: "One namespace", kind: "lesson", steps }] },
      limits: { join: { perSecond: 1000, burst: 1000 } },
    });
    const tokens: string[] = [];
    for (let index = 0; index < 200; index++) tokens.push((await joinRoom(room.endpoint, room.code, `Participant ${index + 1}`, { table: String(index % 20) })).body.token);
    const { page } = await openPage();
    await page.goto(room.pageUrl);
    await page.waitForFunction('document.querySelectorAll("#heatmap tbody tr").length === 200');
    // Everyone passes a few steps, in waves, while the page redraws at most 4 times a second.
    const at = new Date().toISOString();
    for (let wave = 1; wave <= 3; wave++) {
      await Promise.all(
        tokens.map((token) =>
          call(room.endpoint, ROOM_PATHS.events, { token, body: { events: [{ seq: wave, at, kind: "checkPassed", ...place, step: `step-${wave}`, title: `Step ${wave}` }] } }),
        ),
      );
    }
    await page.waitForFunction('[...document.querySelectorAll("#heatmap tbody tr")].every((tr) => tr.children[3].textContent === "✓")', { timeout: 15_000 });
    const updates = Number(await page.evaluate("document.body.dataset.updates"));
    const firstDrawMs = Number(await page.evaluate("document.body.dataset.firstDrawMs"));
    const maxUpdateMs = Number(await page.evaluate("document.body.dataset.maxUpdateMs"));
    console.log(`room page at 200 participants × 30 steps: the first draw (the page's load) ${firstDrawMs} ms; ${updates - 1} updates, the slowest ${maxUpdateMs} ms of main-thread work`);
    expect(updates).toBeGreaterThan(1);
    expect(maxUpdateMs).toBeGreaterThan(0);
    expect(maxUpdateMs).toBeLessThan(100);
    await page.screenshot({ path: artifact("room-page-200.png") });
    await page.browserContext().close();
  }, 60_000);
});
