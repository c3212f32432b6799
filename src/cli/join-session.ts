import { RoomAddressError } from "../room-client/address";
import { openRoomSession, type OpenedSession } from "../room-client/open-session";
import { RoomJoinError } from "../room-client/room-errors";
import { roomFiles } from "../room-client/room-files";
import { lockRoom } from "../room-client/room-lock";
import { UserError } from "./errors";
import { VERSION } from "./version";

export interface JoinCommandOptions {
  code: string;
  name?: string;
  table?: string;
  check?: boolean;
}

/** Joins (or rejoins) the room; what goes wrong is a UserError: the message and what to do. */
export const joinOrExplain = async (address: string, options: JoinCommandOptions): Promise<OpenedSession> => {
  try {
    return await openRoomSession(address, {
      code: options.code,
      version: VERSION,
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.table !== undefined ? { table: options.table } : {}),
    });
  } catch (error) {
    if (error instanceof RoomJoinError) throw new UserError(`${error.message}\n${error.fix}`);
    if (error instanceof RoomAddressError) throw new UserError(error.message);
    throw error;
  }
};


/**
 * This process speaks for the participant in the room at `address` until `release()`; a UserError
 * when another s3-tutor already does (`what` says what this one wanted to do).
 */
export const speakForParticipant = async (address: string, what: string): Promise<() => Promise<void>> => {
  let lock;
  try {
    lock = await lockRoom(roomFiles(address).lock);
  } catch (error) {
    if (error instanceof RoomAddressError) throw new UserError(error.message);
    throw error;
  }
  if (!lock.held) {
    throw new UserError(
      `s3-tutor join for ${address} is already open${lock.pid ? ` (process ${lock.pid})` : ""}: ${what} there, or quit it first. Two at once would report your progress twice.`,
    );
  }
  return lock.release;
};
