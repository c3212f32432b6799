import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toCsv, type CsvTable } from "../../room/report/csv";
import { toHtml } from "../../room/report/report-html";
import { roomReport } from "../../room/report/room-report";
import { readIdleRoom } from "../../room/idle-room";
import { ROOM_LOG_FILE } from "../../room/room-log";
import { UserError } from "../errors";
import { hostedRoomDir } from "../room/room-files";
import { loadRoomWorkshop } from "../room/load-room-workshop";
import { reportWorkshopOf, roomWorkshopOf } from "../room/room-workshop";

export type ReportFormat = "json" | "csv" | "html";

export interface RoomReportOptions {
  format: ReportFormat;
  /** Which CSV table: one table per file, as a spreadsheet opens it. */
  table: CsvTable;
  out?: string;
  dataDir?: string;
}

/**
 * `s3-tutor room report [workshop]`: the room's report from its log (while it runs, too), on stdout or
 * into --out. Without a workshop: the room that was written last on this machine.
 */
export const runRoomReportCommand = async (workshopArg: string | undefined, options: RoomReportOptions): Promise<number> => {
  const workshopId = workshopArg ?? (options.dataDir === undefined ? await lastRoom() : undefined);
  if (workshopId === undefined) throw new UserError("name the workshop whose room to report on: s3-tutor room report <workshop> --data-dir <folder>.");
  const { workshop, lessons } = await loadRoomWorkshop(workshopId);
  const dir = hostedRoomDir(workshop.id, options.dataDir);
  const state = await readIdleRoom(dir, roomWorkshopOf(workshop).blocks);
  if (!state.openedAt) throw new UserError(`there is no room in ${dir}: start it with s3-tutor room ${workshop.id}.`);
  if (state.workshopId !== workshop.id) throw new UserError(`${dir} holds the room of workshop "${state.workshopId}", not "${workshop.id}".`);
  const report = roomReport(state, reportWorkshopOf(workshop, lessons), new Date());
  const text =
    options.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : options.format === "csv" ? toCsv(report, options.table) : toHtml(report);
  if (options.out === undefined) process.stdout.write(text);
  else {
    await writeFile(options.out, text);
    process.stderr.write(`Wrote the ${options.format.toUpperCase()} report of ${report.participantCount} participants to ${options.out}.\n`);
  }
  return 0;
};

/** The workshop of the room whose log was written last (the usual case: the one workshop just run). */
const lastRoom = async (): Promise<string | undefined> => {
  const parent = hostedRoomDir("x", undefined).replace(/[\\/]x$/, "");
  const names = await readdir(parent).catch(() => [] as string[]);
  let latest: { id: string; at: number } | undefined;
  for (const id of names) {
    const written = await stat(join(parent, id, ROOM_LOG_FILE)).catch(() => undefined);
    if (written && (!latest || written.mtimeMs > latest.at)) latest = { id, at: written.mtimeMs };
  }
  if (latest) process.stderr.write(`(the room of workshop "${latest.id}", the one written last)\n`);
  return latest?.id;
};
