import { join, resolve } from "node:path";
import { dataDir } from "../../store/state-dir";

/**
 * Where the rooms an instructor runs are kept: one folder per workshop, so starting the room of the
 * same workshop again (after a crash or kill -9) picks up where it was. Participants' sessions live
 * elsewhere (the state folder's rooms/), so one machine can be both in tests and rehearsals.
 */
export const hostedRoomDir = (workshopId: string, given?: string): string =>
  given !== undefined ? resolve(given) : join(dataDir(), "workshop-rooms", workshopId);
