import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PARTICIPANT_REPORT_KIND, type ParticipantReportFile } from "../../src/room/protocol";
import { finished, spawnCli } from "../helpers/cli";
import { TinyRoom } from "../room-client/tiny-room";

describe("s3-tutor join --check and s3-tutor report", () => {
  let room: TinyRoom;
  let stateDir: string;
  beforeEach(async () => {
    room = new TinyRoom();
    await room.start();
    stateDir = await mkdtemp(join(tmpdir(), "s3-tutor-join-"));
  });
  afterEach(() => room.stop());

  const cli = (...args: string[]) => finished(spawnCli(args, { S3_TUTOR_STATE_DIR: stateDir, NO_COLOR: "1" }));

  it("lists the pre-flight with a skewed room clock, exits 1, and the instructor gets the list", async () => {
    room.clockOffsetMs = 20 * 60_000;
    const result = await cli("join", room.address, "--code", "K7QF", "--name", "Ada", "--table", "3", "--check");
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^✓ Node\.js: \d+\.\d+\.\d+ \(20 or later needed\)$/);
    // Spawned with pipes: not a terminal, said as such.
    expect(lines).toContain("✗ Terminal size: not a terminal: run this in the terminal you will use for the workshop");
    expect(lines).toContain(`✓ Room reachable: A tiny workshop at ${room.address}`);
    expect(result.stdout).toMatch(/✗ Clock: your clock is 20 min 0 s behind the room's: AWS signatures are refused beyond 15 minutes/);
    expect(result.stdout).toContain("The instructor sees this list (you are Ada, table 3).");
    expect(lines).toContain("Fix what is marked ✗, then run this again.");

    const sent = [...room.kept.values()];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "preflight", seq: 1 });
    const checks = sent[0]?.kind === "preflight" ? sent[0].checks : [];
    expect(checks.find((check) => check.name === "Clock")).toMatchObject({ ok: false });

    // The offline fallback: everything recorded, in one file for room merge.
    const out = join(stateDir, "me.json");
    const report = await cli("report", "--out", out);
    expect(report.stderr).toBe("");
    expect(report.stdout).toContain(`Wrote 1 event of Ada in the room at ${room.address} to ${out}.`);
    const file = JSON.parse(await readFile(out, "utf8")) as ParticipantReportFile;
    expect(file).toMatchObject({ kind: PARTICIPANT_REPORT_KIND, protocol: 1, workshopId: "tiny", participantId: "p1", name: "Ada", table: "3" });
    expect(file.events.map((event) => [event.seq, event.kind])).toEqual([[1, "preflight"]]);
  });

  it("says a wrong code in words, and sends nothing", async () => {
    room.refuseJoin = "WrongCode";
    const result = await cli("join", room.address, "--code", "NOPE", "--check");
    expect(result.stdout).toContain(`(Not sent to the instructor: The room at ${room.address} did not accept the code "NOPE".)`);
    expect(result.stderr).toBe("");
    expect(room.kept.size).toBe(0);
  });

  it("says what to fix when the room is not there, without a stack trace", async () => {
    await room.stop();
    const result = await cli("join", room.address, "--code", "K7QF", "--check");
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
