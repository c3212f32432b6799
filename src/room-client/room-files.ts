import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { stateDir } from "../store/state-dir";
import { roomFolderName } from "./address";

/** Where the participant's files about one room live: `<state>/rooms/<address>/`. */
export interface RoomFiles {
  folder: string;
  session: string;
  /** Every activity, one event a line, in seq order: the outbox and the participant's own record. */
  events: string;
  /** The highest seq the room acknowledged. */
  acked: string;
  /** Lesson progress in this room (apart from the participant's own, solo progress). */
  progress: string;
  /** Held by the one process that speaks for the participant (room-lock.ts). */
  lock: string;
}

export const roomsFolder = (): string => join(stateDir(), "rooms");

export const roomFiles = (address: string, root = roomsFolder()): RoomFiles => roomFilesIn(join(root, roomFolderName(address)));

/** The files in one room's folder (as joinedRoomFolders lists them). */
export const roomFilesIn = (folder: string): RoomFiles => ({
  folder,
  session: join(folder, "session.json"),
  events: join(folder, "events.jsonl"),
  acked: join(folder, "acked.json"),
  progress: join(folder, "progress.json"),
  lock: join(folder, "app.lock"),
});

/** The folders of the rooms this laptop joined (none when it never joined one). */
export const joinedRoomFolders = async (root = roomsFolder()): Promise<string[]> => {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => join(root, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
};
