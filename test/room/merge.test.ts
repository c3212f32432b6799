import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MERGED_VERSION, MergeRefused, mergeParticipantReports, mergedTokenHash, type ReportToMerge } from "../../src/room/merge";
import { readParticipantReport, readParticipantReports } from "../../src/room/participant-report-file";
import { PARTICIPANT_REPORT_KIND, ROOM_PROTOCOL, type ParticipantEvent, type ParticipantReportFile, type RoomLogRecord } from "../../src/room/protocol";
import { RoomState } from "../../src/room/room-state";
import { at, CLAIM, HELLO, REGION, scriptedLog, scriptedRoom } from "./fixtures/scripted-room";

const MERGED_AT = new Date(at(40));

/** Dee's events as her app recorded them: the three the room holds, then two made while it was unreachable. */
const deeEvents = (): ParticipantEvent[] => [
  ...scriptedLog().flatMap((record) => (record.type === "event" && record.participantId === "p-dee" ? [record.event] : [])),
  { kind: "checkPassed", ...CLAIM, seq: 4, at: at(33) },
  { kind: "stepEntered", ...REGION, seq: 5, at: at(34) },
];

const reportFile = (participantId: string, name: string, events: ParticipantEvent[], overrides: Partial<ParticipantReportFile> = {}): ParticipantReportFile => ({
  kind: PARTICIPANT_REPORT_KIND,
  protocol: ROOM_PROTOCOL,
  workshopId: "global-names",
  participantId,
  name,
  events,
  ...overrides,
});

const merged = (source: string, report: ParticipantReportFile): ReportToMerge => ({ source, report });
const applyAll = (state: RoomState, records: RoomLogRecord[]) => {
  for (const record of records) state.apply(record);
};

describe("merging participants' offline reports into the room", () => {
  it("adds the events the room does not hold, and nothing when the same file is merged again", () => {
    const state = scriptedRoom();
    const dee = merged("dee.json", reportFile("p-dee", "Dee", deeEvents(), { table: "2" }));
    const records = mergeParticipantReports(state, [dee], MERGED_AT);
    expect(records.map((record) => (record.type === "event" ? [record.participantId, record.event.seq, record.event.kind] : record.type))).toEqual([
      ["p-dee", 4, "checkPassed"],
      ["p-dee", 5, "stepEntered"],
    ]);
    applyAll(state, records);
    expect(state.participants.get("p-dee")).toMatchObject({ lastSeq: 5, passedSteps: ["welcome/say-hello", "global-namespace/claim-a-name"] });
    expect(mergeParticipantReports(state, [dee], MERGED_AT)).toEqual([]);
  });

  it("keeps each event once when the same file, or a copy, is given twice in one merge", () => {
    const state = scriptedRoom();
    const dee = reportFile("p-dee", "Dee", deeEvents());
    const records = mergeParticipantReports(state, [merged("dee.json", dee), merged("copy of dee.json", dee)], MERGED_AT);
    expect(records).toHaveLength(2);
  });

  it("has a participant the room never saw join first, with a token hash no token can match", () => {
    const state = scriptedRoom();
    const events: ParticipantEvent[] = [
      { kind: "checkPassed", ...HELLO, seq: 1, at: at(3) },
      { kind: "checkFailed", ...CLAIM, seq: 2, at: at(12), failed: [{ expectation: "the bucket exists", reason: "AccessDenied" }] },
    ];
    const records = mergeParticipantReports(state, [merged("fay.json", reportFile("p-fay", "Fay", events, { table: "4" }))], MERGED_AT);
    expect(records[0]).toEqual({
      type: "joined",
      at: at(3),
      participantId: "p-fay",
      name: "Fay",
      table: "4",
      version: MERGED_VERSION,
      tokenHash: mergedTokenHash("p-fay"),
      target: { kind: "own", region: "unknown", otherRegion: "unknown", prefix: "" },
    });
    expect(mergedTokenHash("p-fay")).not.toMatch(/^[0-9a-f]{64}$/);
    applyAll(state, records);
    expect(state.participants.get("p-fay")).toMatchObject({ name: "Fay", table: "4", checksPassed: 1, checksFailed: 1, lastSeq: 2 });
    expect(state.mostFailed()[0]!.failedBy).toContain("p-fay");
  });

  it("refuses a report for another workshop, or a known participant under another name, and merges nothing", () => {
    const state = scriptedRoom();
    const files = [
      merged("dee.json", reportFile("p-dee", "Dee", deeEvents())),
      merged("bootcamp.json", reportFile("p-gus", "Gus", [], { workshopId: "interview-bootcamp" })),
      merged("impostor.json", reportFile("p-ana", "Mallory", [])),
    ];
    let refused: unknown;
    try {
      mergeParticipantReports(state, files, MERGED_AT);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(MergeRefused);
    expect((refused as MergeRefused).problems).toEqual([
      'bootcamp.json: this report is for workshop "interview-bootcamp", but the room runs "global-names"',
      'impostor.json: participant p-ana is "Ana" in the room but "Mallory" in this report',
    ]);
  });
});

it("refuses to merge into a room that never opened", () => {
  expect(() => mergeParticipantReports(new RoomState([]), [merged("dee.json", reportFile("p-dee", "Dee", deeEvents()))], MERGED_AT)).toThrow(
    "the room's log is empty: start the room once (s3-tutor room <workshop>), then merge into it",
  );
});

describe("reading a participant's report file", () => {
  const folder = mkdtempSync(join(tmpdir(), "s3-tutor-merge-"));
  const write = (name: string, content: string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  it("reads a report as `s3-tutor report --out` writes it", async () => {
    const report = reportFile("p-dee", "Dee", deeEvents(), { table: "2" });
    const path = write("dee.json", JSON.stringify(report, null, 2));
    expect(await readParticipantReport(path)).toEqual({ source: path, report });
  });

  it.each([
    ["not JSON", "{ events: [", /: not JSON \(/],
    ["not an object", "[1, 2]", /: not a participant report \(a JSON object is expected\)/],
    ["another kind of file", JSON.stringify({ kind: "s3-tutor-room-report" }), /: not a participant report \(kind is "s3-tutor-room-report"; made by `s3-tutor report --out`/],
    ["from a newer s3-tutor", JSON.stringify({ ...reportFile("p-a", "A", []), protocol: ROOM_PROTOCOL + 1 }), /: made by a newer s3-tutor \(protocol 2, this one reads 1\); update s3-tutor to merge it/],
    ["an event numbered 0", JSON.stringify(reportFile("p-a", "A", [{ kind: "hint", ...CLAIM, seq: 0, at: at(1) }])), /: events\[0\]\.seq: 1 or more$/],
    ["an unknown event", JSON.stringify(reportFile("p-a", "A", [{ kind: "teleport", seq: 1, at: at(1) } as unknown as ParticipantEvent])), /: events\[0\]\.kind: /],
    ["a name with a line break", JSON.stringify(reportFile("p-a", "A\nB", [])), /: name: only printable characters, on one line$/],
    ["no participant id", JSON.stringify({ ...reportFile("p-a", "A", []), participantId: undefined }), /: participantId: /],
  ])("says what is wrong with a file that is %s, naming the file", async (_what, content, message) => {
    const path = write("bad.json", content);
    const error = await readParticipantReport(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it("lists every bad file at once, and a missing one as such", async () => {
    const good = write("good.json", JSON.stringify(reportFile("p-a", "A", [])));
    const bad = write("broken.json", "nope");
    const missing = join(folder, "missing.json");
    const error = await readParticipantReports([good, bad, missing]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MergeRefused);
    expect((error as MergeRefused).problems).toEqual([expect.stringMatching(/broken\.json: not JSON/), `${missing}: no such file`]);
  });
});
