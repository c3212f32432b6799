import type { ParticipantReportFile, ParticipantTarget, RoomLogRecord } from "./protocol";
import type { RoomState } from "./room-state";

/** A participant's offline report, and where it came from (its file), for messages. */
export interface ReportToMerge {
  source: string;
  report: ParticipantReportFile;
}

/** Why a merge was refused: every file's problem, one per line (`file: what is wrong`), and nothing was merged. */
export class MergeRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "MergeRefused";
  }
}

/**
 * The token hash of a participant the room knows only from a report file. Not a sha256 hex
 * digest (it has a colon), so no token can ever match it: nobody can act as them through the API.
 */
export const mergedTokenHash = (participantId: string): string => `merged:${participantId}`;

/**
 * Where a merged participant's steps ran is not in their report: their laptop's own sandbox is
 * assumed, in regions marked unknown. Reports and the console never read it.
 */
const UNKNOWN_TARGET: ParticipantTarget = { kind: "own", region: "unknown", otherRegion: "unknown", prefix: "" };
/** The s3-tutor version a merged participant's joined record says (the report file has none). */
export const MERGED_VERSION = "unknown (from an offline report)";

/**
 * The log records that make the room hold what participants did offline (`s3-tutor room merge`):
 * for each participant, the events with a seq the room (or an earlier file in this merge) does not
 * hold yet, in seq order; a participant the room never saw joins first. Merging the same file twice
 * adds nothing. A file for another workshop, or one naming a known participant by another name, is
 * refused, and then nothing is merged. Pure: the caller appends the records to the room's log.
 */
export const mergeParticipantReports = (state: RoomState, files: readonly ReportToMerge[], mergedAt: Date): RoomLogRecord[] => {
  const at = mergedAt.toISOString();
  if (!state.workshopId) throw new MergeRefused(["the room's log is empty: start the room once (s3-tutor room <workshop>), then merge into it"]);
  const problems: string[] = [];
  for (const { source, report } of files) {
    if (report.workshopId !== state.workshopId) {
      problems.push(`${source}: this report is for workshop "${report.workshopId}", but the room runs "${state.workshopId}"`);
      continue;
    }
    const known = state.participants.get(report.participantId);
    if (known && known.name !== report.name) {
      problems.push(`${source}: participant ${report.participantId} is "${known.name}" in the room but "${report.name}" in this report`);
    }
  }
  if (problems.length > 0) throw new MergeRefused(problems);

  const records: RoomLogRecord[] = [];
  /** The highest seq the room will hold per participant once the records so far are applied. */
  const held = new Map<string, number>();
  for (const { report } of files) {
    const id = report.participantId;
    if (!held.has(id)) {
      const known = state.participants.get(id);
      held.set(id, known?.lastSeq ?? 0);
      if (!known) {
        records.push({
          type: "joined",
          at: report.events[0]?.at ?? at,
          participantId: id,
          name: report.name,
          ...(report.table !== undefined ? { table: report.table } : {}),
          version: MERGED_VERSION,
          tokenHash: mergedTokenHash(id),
          target: UNKNOWN_TARGET,
        });
      }
    }
    for (const event of [...report.events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= held.get(id)!) continue;
      held.set(id, event.seq);
      records.push({ type: "event", at, participantId: id, event });
    }
  }
  return records;
};
