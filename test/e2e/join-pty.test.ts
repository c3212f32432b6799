import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { WorkshopSchema } from "../../src/content/schema/workshop";
import { roomWorkshopOf } from "../../src/cli/room/room-workshop";
import { startRoom, type Room } from "../../src/room/room";
import { until } from "../room-client/tiny-room";
import { PtyApp } from "./pty-app";

/**
 * The built `s3-tutor join` in a pseudo-terminal against a real room (in this process): the agenda
 * at 80×24, a block entered and answered, what the room heard, and leaving.
 */

const stateDirs: string[] = [];
const apps: PtyApp[] = [];


afterEach(() => {
  for (const app of apps.splice(0)) app.kill();
});
afterAll(() => {
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

describe("s3-tutor join in a terminal", () => {
  let room: Room;
  let roomDir: string;
  beforeEach(async () => {
    roomDir = mkdtempSync(join(tmpdir(), "s3-tutor-join-pty-room-"));
    stateDirs.push(roomDir);
    // As a workshop file parses to.
    const workshop = WorkshopSchema.parse({
      id: "tiny",
      title: "A tiny workshop",
      summary: "Three blocks to join, answer and leave.",
      minutes: 30,
      target: "own",
      blocks: [
        { id: "intro", title: "Welcome", minutes: 5, break: true },
        { id: "drill", minutes: 10, quiz: { topics: ["naming"], count: 2, seed: 4 } },
        { id: "final", minutes: 15, exam: { topics: ["naming"], count: 2, passMark: 50 } },
      ],
    });
    room = await startRoom({ workshop: roomWorkshopOf(workshop), dataDir: roomDir, port: 0 });
    await room.pace({ kind: "openBlock", block: "drill" });
    await room.pace({ kind: "broadcast", text: "Welcome all" });
  });
  afterEach(() => room.close());

  it("opens the agenda, reports a quiz answer to the room, and says so on the way out", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "s3-tutor-join-pty-"));
    stateDirs.push(stateDir);
    const app = new PtyApp({ stateDir, args: ["join", room.address, "--code", room.code, "--name", "Ada"] });
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
    const ada = () => [...room.state.participants.values()].find((participant) => participant.name === "Ada");
    await until(() => (ada()?.answers.length ?? 0) > 0, "the answer to reach the room");
    expect(ada()).toMatchObject({ block: "drill" });
    expect(ada()!.answers).toEqual([expect.objectContaining({ block: "drill", mode: "practice", correct: false, answer: "x" })]);

    app.pty.write("\u001B");
    await app.waitFor("Room: connected");
    app.pty.write("q");
    expect(await app.waitForExit(20_000)).toMatchObject({ exitCode: 0 });
    expect(app.output).toContain("Joined A tiny workshop as Ada.");
  });
});
