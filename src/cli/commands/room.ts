import { INSTRUCTOR_TOKEN_FILE } from "../../room/instructor-token";
import { RoomLogCorruptError } from "../../room/room-log";
import { DEFAULT_ROOM_PORT, RoomInUseError, RoomListenError, RoomWorkshopMismatchError, startRoom, type Room } from "../../room/room";
import { join } from "node:path";
import { UserError } from "../errors";
import { hostedRoomDir } from "../room/room-files";
import { loadRoomWorkshop } from "../room/load-room-workshop";
import { blockTitlesOf, reportWorkshopOf, roomWorkshopOf } from "../room/room-workshop";
import { VERSION } from "../version";
import { liveQuestionPool } from "../../room/live-question-pool";
import { appendFileSync } from "node:fs";

export interface RoomCommandOptions {
  host: string;
  port?: number;
  dataDir?: string;
  /** Joins allowed per minute from one address (a room behind one NAT address needs more). */
  joinLimit?: number;
  /** Overrides the workshop's maxParticipants (a bigger room than the file planned for). */
  maxParticipants?: number;
}

/** Set by the room bench: a line "<epoch ms> <records applied>" each time the console has drawn. */
const TRACE_VARIABLE = "S3_TUTOR_ROOM_TRACE";

/**
 * `s3-tutor room <workshop>`: the room sandbox and the room API on one port, and the instructor's
 * console in a terminal (without one: the join command, then serving until Ctrl-C or SIGTERM).
 */
export const runRoomCommand = async (workshopArg: string, options: RoomCommandOptions): Promise<number> => {
  const { workshop, lessons, quizzes } = await loadRoomWorkshop(workshopArg);
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const { UiBridge } = await import("../../ui/bridge");
  const bridge = new UiBridge();
  const room = await startRoom({
    workshop: { ...roomWorkshopOf(workshop), ...(options.maxParticipants !== undefined ? { maxParticipants: options.maxParticipants } : {}) },
    dataDir: hostedRoomDir(workshop.id, options.dataDir),
    host: options.host,
    port: options.port ?? DEFAULT_ROOM_PORT,
    version: VERSION,
    pageWorkshop: reportWorkshopOf(workshop, lessons),
    liveQuestions: liveQuestionPool(workshop, quizzes),
    ...(options.joinLimit !== undefined ? { limits: { join: { perSecond: options.joinLimit / 60, burst: options.joinLimit } } } : {}),
    onNotice: interactive ? bridge.notify : (notice) => process.stderr.write(`${notice}\n`),
  }).catch(explainStartFailure);
  const joinCommand = `s3-tutor join ${room.address} --code ${room.code}`;
  try {
    if (!interactive) {
      process.stdout.write(roomBanner(room, workshop.title, joinCommand, options.host));
      await untilStopped();
      return 0;
    }
    // Said once, in the notice line: the console has no room for it in its header, and the token is in the address.
    bridge.notify(`The page for the projector (keep this address to yourself): ${room.pageUrl}`);
    const trace = process.env[TRACE_VARIABLE];
    const { runRoomConsole } = await import("../../ui/start-room-console");
    await runRoomConsole(
      {
        state: room.state,
        subscribe: room.subscribe,
        pace: room.pace,
        joinCommand,
        workshopTitle: workshop.title,
        blockTitles: blockTitlesOf(workshop, lessons),
        now: () => new Date(),
        liveQuestions: liveQuestionPool(workshop, quizzes),
      },
      bridge,
      trace ? { onRedraw: () => appendFileSync(trace, `${Date.now()} ${room.state.recordsApplied}\n`) } : {},
    );
    process.stdout.write(`The room is closed; start it again with the same workshop to carry on (${room.dataDir}).\n`);
    return 0;
  } finally {
    await room.close();
  }
};

const roomBanner = (room: Room, title: string, joinCommand: string, host: string): string =>
  [
    `Room for "${title}" at ${room.endpoint}`,
    `Participants join with:  ${joinCommand}`,
    ...(isLoopback(host) ? ["Only this machine can join: give --host 0.0.0.0 (or this laptop's LAN address) so other laptops can."] : []),
    `Instructor token: in ${join(room.dataDir, INSTRUCTOR_TOKEN_FILE)}`,
    `The page for the projector (keep this address to yourself): ${room.pageUrl}`,
    `The room is kept in ${room.dataDir}. Stop it with Ctrl-C.`,
    "",
  ].join("\n");

const isLoopback = (host: string) => host === "localhost" || host.startsWith("127.") || host === "::1";

/** Serves until Ctrl-C or SIGTERM (a room is a foreground process, like s3-tutor sandbox). */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

/** Start failures the instructor can fix, said as such; anything else is a bug and keeps its stack. */
const explainStartFailure = (error: unknown): never => {
  if (
    error instanceof RoomInUseError ||
    error instanceof RoomListenError ||
    error instanceof RoomWorkshopMismatchError ||
    error instanceof RoomLogCorruptError
  ) {
    throw new UserError(error.message);
  }
  throw error;
};
