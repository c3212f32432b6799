import { ROOM_PATHS, ROOM_PROTOCOL, type HelloResponse, type JoinRequest, type JoinResponse } from "../room/protocol";
import { roomBaseUrl } from "./address";
import { helloRoom } from "./hello";
import { joinRefusalError, unreachableError, versionMismatchError } from "./room-errors";
import { roomRequest, RoomRefusal, RoomUnreachable } from "./room-http";

export interface JoinDetails {
  code: string;
  name: string;
  table?: string;
  /** This s3-tutor's version (said in a version mismatch). */
  version: string;
}

export interface Joined {
  hello: HelloResponse;
  response: JoinResponse;
}

/**
 * Joins the room at `address`: hello first (is it a room, which protocol), then the join itself.
 * Every failure is a RoomJoinError saying what is wrong and what to do.
 */
export const joinRoom = async (address: string, details: JoinDetails): Promise<Joined> => {
  const baseUrl = roomBaseUrl(address);
  const hello = await helloRoom(address, baseUrl);
  const mine = { version: details.version, protocol: ROOM_PROTOCOL };
  if (hello.protocol !== ROOM_PROTOCOL) throw versionMismatchError(address, details.code, hello, mine);
  const request: JoinRequest = {
    protocol: ROOM_PROTOCOL,
    version: details.version,
    code: details.code,
    name: details.name,
    ...(details.table !== undefined ? { table: details.table } : {}),
  };
  try {
    const response = await roomRequest<JoinResponse>(baseUrl, ROOM_PATHS.join, { method: "POST", body: request });
    return { hello, response };
  } catch (error) {
    if (error instanceof RoomUnreachable) throw unreachableError(address, error);
    if (error instanceof RoomRefusal) throw joinRefusalError(address, details.code, error, hello, mine);
    throw error;
  }
};
