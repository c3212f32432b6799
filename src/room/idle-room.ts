import { join } from "node:path";
import { acquireDataDirLock, SandboxDataDirInUseError } from "../sandbox/index";
import type { RoomLogRecord } from "./protocol";
import { readRoomLog, ROOM_LOG_FILE, RoomLogWriter } from "./room-log";
import { RoomState, type AgendaBlock } from "./room-state";
import { RoomInUseError, ROOM_SANDBOX_DIR } from "./room";

/**
 * A room's folder when its process is not the one at hand: `room report` reads it (a running room's
 * log too: only whole records count), `room merge` appends to it while no room serves it.
 */

/** The room as its log tells it now. */
export const readIdleRoom = async (dir: string, blocks: readonly AgendaBlock[]): Promise<RoomState> => {
  const { records } = await readRoomLog(join(dir, ROOM_LOG_FILE));
  const state = new RoomState(blocks);
  for (const record of records) state.apply(record);
  return state;
};

/**
 * Appends records to a room nobody serves, holding the room's lock meanwhile (the room sandbox's,
 * which a starting room takes first), so a room and a merge never write the log at once.
 */
export const appendToIdleRoom = async (dir: string, records: readonly RoomLogRecord[]): Promise<void> => {
  const lock = await acquireDataDirLock(join(dir, ROOM_SANDBOX_DIR)).catch((error: unknown) => {
    if (error instanceof SandboxDataDirInUseError) throw new RoomInUseError(dir, error.pid, error.endpoint);
    throw error;
  });
  try {
    const writer = await RoomLogWriter.open(join(dir, ROOM_LOG_FILE), () => undefined);
    try {
      await writer.append([...records]);
    } finally {
      await writer.close();
    }
  } finally {
    await lock.release();
  }
};
