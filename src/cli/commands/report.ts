import { basename, resolve } from "node:path";
import { participantReport } from "../../room-client/participant-report";
import { joinedRoomFolders, roomFiles, roomFilesIn, type RoomFiles } from "../../room-client/room-files";
import { readSession, type RoomSession } from "../../room-client/session-file";
import { RoomAddressError } from "../../room-client/address";
import { writeJsonAtomic } from "../../store/atomic-write";
import { UserError } from "../errors";

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
  const { session, files } = await chooseRoom(options.room);
  const report = await participantReport(session, files);
  const out = resolve(options.out);
  await writeJsonAtomic(out, report);
  process.stdout.write(
    `Wrote ${report.events.length} event${report.events.length === 1 ? "" : "s"} of ${session.name} in the room at ${session.address} to ${out}.\n` +
      `Give ${basename(out)} to the instructor: s3-tutor room merge adds it to the room's report (events it already has are not counted twice).\n`,
  );
  return 0;
};

const chooseRoom = async (address: string | undefined): Promise<{ session: RoomSession; files: RoomFiles }> => {
  if (address !== undefined) {
    let files: RoomFiles;
    try {
      files = roomFiles(address);
    } catch (error) {
      if (error instanceof RoomAddressError) throw new UserError(error.message);
      throw error;
    }
    const session = await readSession(files.session);
    if (!session) throw new UserError(`this computer has not joined a room at ${address}. ${await joinedList()}`);
    return { session, files };
  }
  const joined = await joinedRooms();
  if (joined.length === 0) throw new UserError("this computer has not joined a workshop room, so there is nothing to report. Join one with s3-tutor join <address> --code <code>.");
  const [only] = joined;
  if (joined.length > 1 || !only) {
    throw new UserError(`this computer joined ${joined.length} rooms; say which with --room: ${joined.map((room) => `--room ${room.session.address}`).join(", ")}.`);
  }
  return only;
};

const joinedRooms = async (): Promise<Array<{ session: RoomSession; files: RoomFiles }>> => {
  const rooms: Array<{ session: RoomSession; files: RoomFiles }> = [];
  for (const folder of await joinedRoomFolders()) {
    const files = roomFilesIn(folder);
    const session = await readSession(files.session);
    if (session) rooms.push({ session, files });
  }
  return rooms;
};

const joinedList = async (): Promise<string> => {
  const joined = await joinedRooms();
  return joined.length === 0 ? "It has joined none." : `It joined: ${joined.map((room) => room.session.address).join(", ")}.`;
};
