import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRoomWorkshop } from "../../src/cli/room/load-room-workshop";
import { reportWorkshopOf } from "../../src/cli/room/room-workshop";
import { ROOM_PATHS } from "../../src/room/protocol";
import type { PageView } from "../../src/room/page/page-view";
import { startBuiltRoom } from "./built-room";

const WORKSHOP = "global-regional-crr";
const dir = mkdtempSync(join(tmpdir(), "s3-tutor-room-page-cli-"));
let room: ChildProcess | undefined;
afterAll(async () => {
  // The room writes its last snapshot as it stops: the folder goes once it has.
  if (room && room.exitCode === null) await new Promise((done) => room!.once("exit", done).kill("SIGTERM"));
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** The first `view` event of the page's stream. */
const firstView = async (url: string, cookie: string): Promise<PageView> => {
  const response = await fetch(url, { headers: { cookie } });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before a view:\n${text}`);
    text += value;
    const data = /^event: view\ndata: (.*)\n\n/m.exec(text)?.[1];
    if (data) {
      await reader.cancel();
      return JSON.parse(data) as PageView;
    }
  }
};

describe("s3-tutor room and the projector page", () => {
  it("prints the page's address, which opens the page with the workshop's hands-on steps as the heat map's columns", async () => {
    const started = await startBuiltRoom({
      workshop: WORKSHOP,
      roomDir: join(dir, "room"),
      stateDir: join(dir, "state"),
      waitFor: /^The page for the projector \(keep this address to yourself\): (http:\/\/\S+)$/m,
    });
    room = started.child;
    const pageUrl = started.line[1]!;
    const opened = await fetch(pageUrl, { redirect: "manual" });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get("set-cookie")!.split(";")[0]!;
    const { origin } = new URL(pageUrl);
    expect((await fetch(`${origin}/`, { headers: { cookie } })).status).toBe(200);

    const view = await firstView(`${origin}${ROOM_PATHS.pageStream}`, cookie);
    const { workshop, lessons } = await loadRoomWorkshop(WORKSHOP);
    const steps = reportWorkshopOf(workshop, lessons).blocks.flatMap((block) => block.steps ?? []);
    expect(steps.length).toBeGreaterThan(0);
    expect(view.steps.map((step) => step.key)).toEqual(steps);
    expect(view).toMatchObject({ workshop: workshop.title, participants: [], world: { buckets: [] } });
  });
});
