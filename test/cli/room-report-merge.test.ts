import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { roomWorkshopOf } from "../../src/cli/room/room-workshop";
import { loadWorkshop } from "../../src/content/workshops";
import {
  PARTICIPANT_REPORT_KIND,
  ROOM_PATHS,
  ROOM_PROTOCOL,
  type JoinResponse,
  type ParticipantEvent,
  type ParticipantReportFile,
} from "../../src/room/protocol";
import { startRoom } from "../../src/room/room";
import type { RoomReport } from "../../src/room/report/report-types";
import { finished, spawnCli } from "../helpers/cli";

/**
 * `s3-tutor room report` and `room merge` on a room's folder, as the instructor runs them after (or
 * without) the room: the participants' offline files merged once, refused while the room serves the
 * folder, and the report in its three formats.
 */

const WORKSHOP = "global-regional-crr";
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-room-cli-"));
  dirs.push(dir);
  return dir;
};

const cli = async (args: string[], stateDir: string) => finished(spawnCli(args, { S3_TUTOR_STATE_DIR: stateDir }));

const place = { block: "names", lesson: "global-namespace", step: "claim-a-name", title: "Claim a name" };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, seconds)).toISOString();
const ana: ParticipantEvent[] = [
  { kind: "stepEntered", ...place, seq: 1, at: at(1) },
  { kind: "checkFailed", ...place, failed: [{ expectation: "s3t-claim is yours", reason: "failed with NotFound (404)" }], seq: 2, at: at(2) },
  // Done while the room could not hear her: only in her file.
  { kind: "checkPassed", ...place, seq: 3, at: at(3) },
  { kind: "quizAnswer", block: "quiz", questionId: "naming.shared-namespace", mode: "practice", correct: true, answer: "No", seq: 4, at: at(4) },
];

/** A room that heard Ana's first two events, then stopped; her file holds all four. */
const roomWithAna = async () => {
  const stateDir = tempDir();
  const roomDir = join(stateDir, "room");
  const load = await loadWorkshop(WORKSHOP);
  const room = await startRoom({ workshop: roomWorkshopOf(load.workshop!), dataDir: roomDir, port: 0 });
  const post = async <T>(path: string, body: unknown, token?: string) =>
    (await (
      await fetch(`${room.endpoint}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as T;
  const joined = await post<JoinResponse>(ROOM_PATHS.join, { protocol: ROOM_PROTOCOL, version: "test", code: room.code, name: "Ana", table: "1" });
  await post(ROOM_PATHS.events, { events: ana.slice(0, 2) }, joined.token);
  await room.close();
  const report = (participantId: string, name: string, events: ParticipantEvent[]): ParticipantReportFile => ({
    kind: PARTICIPANT_REPORT_KIND,
    protocol: ROOM_PROTOCOL,
    workshopId: WORKSHOP,
    participantId,
    name,
    events,
  });
  const anaFile = join(stateDir, "ana.json");
  writeFileSync(anaFile, JSON.stringify(report(joined.participantId, "Ana", ana)));
  // Bo's laptop never reached the room at all.
  const boFile = join(stateDir, "bo.json");
  writeFileSync(boFile, JSON.stringify(report("p-offline-bo", "Bo", [{ kind: "stepEntered", ...place, seq: 1, at: at(5) }])));
  const cyFile = join(stateDir, "cy.json");
  writeFileSync(cyFile, JSON.stringify(report("p-offline-cy", "Cy", [{ kind: "hint", ...place, seq: 1, at: at(6) }])));
  return { stateDir, roomDir, anaFile, boFile, cyFile, load };
};

describe("room merge and room report", () => {
  it("merges what the room missed once, refuses while the room serves the folder, and reports it as JSON, CSV and HTML", async () => {
    const { stateDir, roomDir, anaFile, boFile, cyFile, load } = await roomWithAna();

    const first = await cli(["room", "merge", anaFile, boFile, "--data-dir", roomDir], stateDir);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("Merged 3 new events from 2 reports (1 participant the room had not seen); 2 the room already held were ignored.\n");
    const again = await cli(["room", "merge", anaFile, boFile, "--data-dir", roomDir], stateDir);
    expect(again.stdout).toBe("Merged 0 new events from 2 reports; 5 the room already held were ignored.\n");

    // A room serving the folder owns its log: what is new waits for it to stop.
    const running = await startRoom({ workshop: roomWorkshopOf(load.workshop!), dataDir: roomDir, port: 0 });
    try {
      const refused = await cli(["room", "merge", cyFile, "--data-dir", roomDir], stateDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Merge after the room has stopped");
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await running.close();
    }

    const json = await cli(["room", "report", WORKSHOP, "--data-dir", roomDir], stateDir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as RoomReport;
    expect(report.participantCount).toBe(2);
    expect(report.checks.find((check) => check.key === "global-namespace/claim-a-name")).toMatchObject({
      failures: 1,
      participantsFailing: 1,
      participantsPassed: 1,
    });

    const csv = await cli(["room", "report", WORKSHOP, "--data-dir", roomDir, "--format", "csv"], stateDir);
    const rows = csv.stdout.trim().split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^name,table,/);

    const out = join(stateDir, "room.html");
    const html = await cli(["room", "report", WORKSHOP, "--data-dir", roomDir, "--format", "html", "--out", out], stateDir);
    expect(html.code).toBe(0);
    expect(html.stderr).toContain(`Wrote the HTML report of 2 participants to ${out}.`);
    const page = readFileSync(out, "utf8");
    expect(page.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  }, 120_000);

  it("says plainly when there is no room to report on, or a file is not a participant's report", async () => {
    const stateDir = tempDir();
    const empty = await cli(["room", "report", WORKSHOP, "--data-dir", join(stateDir, "nothing")], stateDir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("there is no room in");
    const bad = join(stateDir, "bad.json");
    writeFileSync(bad, "{ not json");
    const merge = await cli(["room", "merge", bad, "--workshop", WORKSHOP, "--data-dir", join(stateDir, "nothing")], stateDir);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain("nothing was merged");
    expect(merge.stderr).toContain("bad.json");
    expect(merge.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
