import { basename, resolve } from "node:path";
import { participantReport } from "../../room-client/participant-report";
import { writeJsonAtomic } from "../../store/atomic-write";
import { chooseJoinedRoom } from "../joined-room";

export interface ReportCommandOptions {
  out: string;
  /** The room's address, when this laptop joined more than one. */
  room?: string;
}

/**
 * `s3-tutor report --out me.json`: the offline fallback. Everything this laptop recorded for the
 * room it joined, sent or not, in one file the instructor merges (s3-tutor room merge).
 */
export const runReportCommand = async (options: ReportCommandOptions): Promise<number> => {
  const { session, files } = await chooseJoinedRoom(options.room, "there is nothing to report");
  const report = await participantReport(session, files);
  const out = resolve(options.out);
  await writeJsonAtomic(out, report);
  process.stdout.write(
    `Wrote ${report.events.length} event${report.events.length === 1 ? "" : "s"} of ${session.name} in the room at ${session.address} to ${out}.\n` +
      `Give ${basename(out)} to the instructor: s3-tutor room merge adds it to the room's report (events it already has are not counted twice).\n`,
  );
  return 0;
};
