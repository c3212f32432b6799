import { appendToIdleRoom, readIdleRoom } from "../../room/idle-room";
import { MergeRefused, mergeParticipantReports } from "../../room/merge";
import { readParticipantReports } from "../../room/participant-report-file";
import { RoomInUseError } from "../../room/room";
import { UserError } from "../errors";
import { hostedRoomDir } from "../room/room-files";
import { loadRoomWorkshop } from "../room/load-room-workshop";
import { roomWorkshopOf } from "../room/room-workshop";

export interface RoomMergeOptions {
  workshop?: string;
  dataDir?: string;
}

/**
 * `s3-tutor room merge <files...>`: what participants did offline (their `s3-tutor report --out` files)
 * goes into the room's log; events the room holds already are ignored, so merging twice adds nothing.
 */
export const runRoomMergeCommand = async (files: string[], options: RoomMergeOptions): Promise<number> => {
  const reports = await readParticipantReports(files).catch(refused);
  const workshopId = options.workshop ?? reports[0]?.report.workshopId;
  if (workshopId === undefined) throw new UserError("give the participants' report files to merge.");
  const { workshop } = await loadRoomWorkshop(workshopId);
  const dir = hostedRoomDir(workshop.id, options.dataDir);
  const state = await readIdleRoom(dir, roomWorkshopOf(workshop).blocks);
  let records;
  try {
    records = mergeParticipantReports(state, reports, new Date());
  } catch (error) {
    return refused(error);
  }
  const events = records.filter((record) => record.type === "event").length;
  const newcomers = records.filter((record) => record.type === "joined").length;
  const sent = reports.reduce((sum, { report }) => sum + report.events.length, 0);
  if (records.length > 0) {
    await appendToIdleRoom(dir, records).catch((error: unknown) => {
      if (error instanceof RoomInUseError) throw new UserError(`${error.message} Merge after the room has stopped (q in its console), then start it again.`);
      throw error;
    });
  }
  process.stdout.write(
    `Merged ${events} new events from ${reports.length} report${reports.length === 1 ? "" : "s"}` +
      `${newcomers > 0 ? ` (${newcomers} participant${newcomers === 1 ? "" : "s"} the room had not seen)` : ""}; ` +
      `${sent - events} the room already held were ignored.\n`,
  );
  return 0;
};

const refused = (error: unknown): never => {
  if (error instanceof MergeRefused) throw new UserError(`nothing was merged:\n${error.message}`);
  throw error;
};
