import type { HelloResponse } from "../room/protocol";
import { RoomRefusal, RoomUnreachable } from "./room-http";

/**
 * What went wrong joining a room, in words the participant can act on: what is wrong and what to
 * do. The CLI prints `message` and `fix` (no stack trace).
 */
export class RoomJoinError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "RoomJoinError";
  }
}

export const unreachableError = (address: string, error: RoomUnreachable): RoomJoinError =>
  new RoomJoinError(
    `Could not reach the room at ${address} (${error.code}).`,
    "Check that you typed the address the instructor printed, that your laptop is on the same Wi-Fi as the room, and that the room is running; then try again.",
  );

export const notARoomError = (address: string, detail: string): RoomJoinError =>
  new RoomJoinError(
    `Something answered at ${address}, but it is not an s3-tutor room (${detail}).`,
    "Check the address and port against the ones the instructor printed.",
  );

/** The room's protocol differs from ours: one of us must change versions, and we can say to which. */
export const versionMismatchError = (address: string, code: string, room: Pick<HelloResponse, "version" | "protocol">, mine: { version: string; protocol: number }): RoomJoinError =>
  new RoomJoinError(
    `This room runs s3-tutor ${room.version} (room protocol ${room.protocol}); you have s3-tutor ${mine.version} (protocol ${mine.protocol}).`,
    `Join with the room's version: npx s3-tutor@${room.version} join ${address} --code ${code}`,
  );

/** A refusal of the join request, in words. */
export const joinRefusalError = (address: string, code: string, refusal: RoomRefusal, room: HelloResponse, mine: { version: string; protocol: number }): RoomJoinError => {
  switch (refusal.code) {
    case "WrongCode":
      return new RoomJoinError(`The room at ${address} did not accept the code "${code}".`, "Check the join code the instructor shows (letters and digits; case and spaces do not matter).");
    case "RoomFull":
      return new RoomJoinError(`The room at ${address} is full.`, "Tell the instructor or a helper: they can make room, or pair you with someone.");
    case "VersionMismatch":
      return versionMismatchError(address, code, room, mine);
    case "RateLimited":
      return new RoomJoinError(`The room at ${address} is busy and asked to slow down.`, "Wait a few seconds and run the same command again.");
    case "BadRequest":
    case "TooLarge":
      return new RoomJoinError(`The room refused the join: ${refusal.message}`, "Check your --name (1–40 characters) and --table, then try again.");
    default:
      return new RoomJoinError(`The room at ${address} refused the join: ${refusal.message || `HTTP ${refusal.status}`}.`, "Try again; if it keeps failing, tell the instructor.");
  }
};

export const isUnreachable = (error: unknown): error is RoomUnreachable => error instanceof RoomUnreachable;
export const isRefusal = (error: unknown): error is RoomRefusal => error instanceof RoomRefusal;
