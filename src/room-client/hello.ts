import { ROOM_PATHS, type HelloResponse } from "../room/protocol";
import { notARoomError, unreachableError } from "./room-errors";
import { roomRequest, RoomRefusal, RoomUnreachable } from "./room-http";

/** Asks the address who it is; throws RoomJoinError when nothing answers or it is not a room. */
export const helloRoom = async (address: string, baseUrl: string): Promise<HelloResponse> => {
  let hello: HelloResponse;
  try {
    hello = await roomRequest<HelloResponse>(baseUrl, ROOM_PATHS.hello, { timeoutMs: 5000 });
  } catch (error) {
    if (error instanceof RoomUnreachable) throw unreachableError(address, error);
    if (error instanceof RoomRefusal) throw notARoomError(address, error.message);
    throw error;
  }
  if (hello?.service !== "s3-tutor-room") throw notARoomError(address, `it says it is ${JSON.stringify(hello?.service ?? "nothing")}`);
  return hello;
};
