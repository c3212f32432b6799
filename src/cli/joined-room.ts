import { RoomAddressError } from "../room-client/address";
import { joinedRoomFolders, roomFiles, roomFilesIn, type RoomFiles } from "../room-client/room-files";
import { readSession, type RoomSession } from "../room-client/session-file";
import { UserError } from "./errors";

/**
 * The room this computer joined: the one at `address`, else the only one; a UserError naming the
 * rooms to choose from (`--room`), or saying none was joined (`nothingMeans`: what that leaves undone).
 */
export const chooseJoinedRoom = async (address: string | undefined, nothingMeans: string): Promise<{ session: RoomSession; files: RoomFiles }> => {
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
  if (joined.length === 0) throw new UserError(`this computer has not joined a workshop room, so ${nothingMeans}. Join one with s3-tutor join <address> --code <code>.`);
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
