import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { roomWorkshopOf } from "../../src/cli/room/room-workshop";
import { MIN_NODE_MAJOR } from "../../src/room-client/preflight";
import { WorkshopSchema } from "../../src/content/schema/workshop";
import { PARTICIPANT_REPORT_KIND, type ParticipantReportFile } from "../../src/room/protocol";
import { startRoom, type Room } from "../../src/room/room";
import { finished, spawnCli } from "../helpers/cli";

/** Against a real room (in this process), its clock set by the test. */
describe("s3-tutor join --check and s3-tutor report", () => {
  let room: Room;
  let stateDir: string;
  let clockOffsetMs = 0;
  beforeEach(async () => {
    clockOffsetMs = 0;
    stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-join-"));
    const workshop = WorkshopSchema.parse({
      id: "tiny",
      title: "A tiny workshop",
      summary: "Joined to be checked.",
      minutes: 5,
      target: "own",
      blocks: [{ id: "intro", title: "Welcome", minutes: 5, break: true }],
    });
    room = await startRoom({ workshop: roomWorkshopOf(workshop), dataDir: join(stateDir, "room"), port: 0, now: () => new Date(Date.now() + clockOffsetMs) });
  });
  afterEach(() => room.close());

  /** What the room holds from its one participant. */
  const heard = () => [...room.state.participants.values()];

  const cli = (...args: string[]) => finished(spawnCli(args, { S3_TUTOR_STATE_DIR: stateDir, NO_COLOR: "1" }));

  it("lists the pre-flight with a skewed room clock, exits 1, and the instructor gets the list", async () => {
    clockOffsetMs = 20 * 60_000;
    const result = await cli("join", room.address, "--code", room.code, "--name", "Ada", "--table", "3", "--check");
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    // The Node running the tests runs the CLI too; CI also runs them on an older, unsupported one.
    const node = process.versions.node;
    expect(lines[0]).toBe(
      Number(node.split(".")[0]) >= MIN_NODE_MAJOR
        ? `✓ Node.js: ${node} (${MIN_NODE_MAJOR} or later needed)`
        : `✗ Node.js: ${node} is too old: s3-tutor needs Node.js ${MIN_NODE_MAJOR} or later (https://nodejs.org)`,
    );
    // Spawned with pipes: not a terminal, said as such.
    expect(lines).toContain("✗ Terminal size: not a terminal: run this in the terminal you will use for the workshop");
    expect(lines).toContain(`✓ Room reachable: A tiny workshop at ${room.address}`);
    expect(result.stdout).toMatch(/✗ Clock: your clock is 20 min 0 s behind the room's: AWS signatures are refused beyond 15 minutes/);
    expect(result.stdout).toContain("The instructor sees this list (you are Ada, table 3).");
    expect(lines).toContain("Fix what is marked ✗, then run this again.");

    const [ada] = heard();
    expect(ada).toMatchObject({ name: "Ada", table: "3", lastSeq: 1 });
    expect(ada!.preflight?.checks.find((check) => check.name === "Clock")).toMatchObject({ ok: false });

    // The offline fallback: everything recorded, in one file for room merge.
    const out = join(stateDir, "me.json");
    const report = await cli("report", "--out", out);
    expect(report.stderr).toBe("");
    expect(report.stdout).toContain(`Wrote 1 event of Ada in the room at ${room.address} to ${out}.`);
    const file = JSON.parse(await readFile(out, "utf8")) as ParticipantReportFile;
    expect(file).toMatchObject({ kind: PARTICIPANT_REPORT_KIND, protocol: 1, workshopId: "tiny", participantId: ada!.id, name: "Ada", table: "3" });
    expect(file.events.map((event) => [event.seq, event.kind])).toEqual([[1, "preflight"]]);
  });

  it("says a wrong code in words, and sends nothing", async () => {
    const result = await cli("join", room.address, "--code", "NOPE", "--check");
    expect(result.stdout).toContain(`(Not sent to the instructor: The room at ${room.address} did not accept the code "NOPE".)`);
    expect(result.stderr).toBe("");
    expect(heard()).toHaveLength(0);
  });

  it("says a full room in words", async () => {
    await room.close();
    const workshop = WorkshopSchema.parse({
      id: "tiny",
      title: "A tiny workshop",
      summary: "Room for one.",
      minutes: 5,
      target: "own",
      maxParticipants: 1,
      blocks: [{ id: "intro", title: "Welcome", minutes: 5, break: true }],
    });
    room = await startRoom({ workshop: roomWorkshopOf(workshop), dataDir: join(stateDir, "room-for-one"), port: 0 });
    expect((await cli("join", room.address, "--code", room.code, "--name", "Ada", "--check")).stdout).toContain("✓ Room reachable");
    stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-join-"));
    const second = await cli("join", room.address, "--code", room.code, "--name", "Bo", "--check");
    expect(second.stdout).toContain(`(Not sent to the instructor: The room at ${room.address} is full.)`);
    expect(second.stderr).toBe("");
    expect(heard().map((participant) => participant.name)).toEqual(["Ada"]);
  });

  it("says what to fix when the room is not there, without a stack trace", async () => {
    await room.close();
    const result = await cli("join", room.address, "--code", room.code, "--check");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Room reachable: Could not reach the room at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check that you typed the address the instructor printed, that your laptop is on the same Wi-Fi/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a report when no room was joined, or an unknown one", async () => {
    const none = await cli("report", "--out", join(stateDir, "me.json"));
    expect(none.code).toBe(1);
    expect(none.stderr).toBe("s3-tutor: this computer has not joined a workshop room, so there is nothing to report. Join one with s3-tutor join <address> --code <code>.\n");
    const unknown = await cli("report", "--out", join(stateDir, "me.json"), "--room", "10.0.0.9:7420");
    expect(unknown.stderr).toBe("s3-tutor: this computer has not joined a room at 10.0.0.9:7420. It has joined none.\n");
  });
});
