import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TinyRoom, until } from "../room-client/tiny-room";
import { buildDist, PtyApp } from "./pty-app";

/**
 * The built `s3-tutor join` in a pseudo-terminal against a small room speaking the protocol: the
 * agenda at 80×24, a block entered and answered, what the room heard, and leaving.
 */

const stateDirs: string[] = [];
const apps: PtyApp[] = [];

beforeAll(buildDist, 120_000);

afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

describe("s3-tutor join in a terminal", () => {
  let room: TinyRoom;
  beforeEach(async () => {
    room = new TinyRoom();
    // As a workshop file parses to.
    room.workshop = {
      id: "tiny",
      title: "A tiny workshop",
      blocks: [
        { id: "intro", title: "Welcome", minutes: 5, break: true },
        { id: "drill", minutes: 10, quiz: { topics: ["naming"], count: 2, seed: 4 } },
        { id: "final", minutes: 15, exam: { topics: ["naming"], count: 2, passMark: 50 } },
      ],
    };
    room.pacing = { startedAt: "2026-12-04T09:00:00.000Z", openBlocks: ["intro", "drill"], messages: [{ id: 1, at: "2026-12-04T09:01:00.000Z", text: "Welcome all" }] };
    await room.start();
  });
  afterEach(() => room.stop());

  it("opens the agenda, reports a quiz answer to the room, and says so on the way out", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-join-pty-"));
    stateDirs.push(stateDir);
    const app = new PtyApp({ stateDir, args: ["join", room.address, "--code", "K7QF", "--name", "Ada"] });
    apps.push(app);
    const rows = await app.waitFor("Room: connected", 20_000);
    expect(rows.join("\n")).toContain("A tiny workshop");
    expect(rows.join("\n")).toContain("Instructor: Welcome all");
    expect(rows.some((row) => /3\. Exam: naming\s+15 min · opens when the instructor says/.test(row))).toBe(true);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
    await app.waitForKeys();

    // The cursor starts on the block the room is on.
    await app.waitFor((screen) => screen.some((row) => row.includes("❯") && row.includes("2. Quiz: naming")));
    app.pty.write("\r");
    await app.waitFor("question 1 of 2");
    await app.waitForKeys();
    // The room's seed asks a typed question first: answered "x" (wrong, and said so).
    app.pty.write("x");
    await app.waitFor("x");
    app.pty.write("\r");
    await until(() => [...room.kept.values()].some((event) => event.kind === "quizAnswer"), "the answer to reach the room");
    expect([...room.kept.values()].map((event) => event.kind)).toEqual(["blockEntered", "quizAnswer"]);
    expect(room.kept.get(2)).toMatchObject({ block: "drill", mode: "practice", correct: false, answer: "x" });

    app.pty.write("\u001B");
    await app.waitFor("Room: connected");
    app.pty.write("q");
    expect(await app.waitForExit(20_000)).toMatchObject({ exitCode: 0 });
    expect(app.output).toContain("Joined A tiny workshop as Ada.");
  });
});
