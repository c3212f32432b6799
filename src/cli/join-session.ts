import { RoomAddressError } from "../room-client/address";
import { openRoomSession, type OpenedSession } from "../room-client/open-session";
import { RoomJoinError } from "../room-client/room-errors";
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

