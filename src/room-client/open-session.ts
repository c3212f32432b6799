import { userInfo } from "node:os";
import { ROOM_PATHS, type Pacing, type ParticipantView } from "../room/protocol";
import { roomRequest, RoomRefusal } from "./room-http";
import { roomBaseUrl } from "./address";
import { joinRoom, type Joined } from "./join-room";
import { roomFiles, type RoomFiles } from "./room-files";
import { readSession, setAside, writeSession, type RoomSession } from "./session-file";

export interface JoinWish {
  code: string;
  /** Default: the saved session's name, else the computer's user name. */
  name?: string;
  table?: string;
  version: string;
}

export interface OpenedSession {
  session: RoomSession;
  files: RoomFiles;
  /** The pacing the join brought (a rejoin hears it from the room once connected). */
  pacing: Pacing;
  /** True when a saved session was reused: same participant, same outbox. */
  rejoined: boolean;
  joined?: Joined;
}

const NO_PACING: Pacing = { startedAt: new Date(0).toISOString(), openBlocks: [], messages: [] };

/**
 * The participant's session with the room at `address`. Running `join` again for the same address
 * rejoins as the same participant (same id, token and outbox: nothing is sent twice, and the room
 * need not be reachable to go on working). A different --name or --table joins afresh as someone
 * new; the earlier identity's files are kept aside in the room's folder.
 */
export const openRoomSession = async (address: string, wish: JoinWish, root?: string): Promise<OpenedSession> => {
  const files = roomFiles(address, root);
  const saved = await readSession(files.session);
  const same = saved && (wish.name === undefined || wish.name === saved.name) && (wish.table === undefined || wish.table === saved.table);
  if (saved && same && (await roomStillKnows(saved))) {
    return { session: saved, files, pacing: saved.pacing ?? NO_PACING, rejoined: true };
  }
  const name = wish.name ?? saved?.name ?? defaultName();
  const table = wish.table ?? saved?.table;
  const joined = await joinRoom(address, { code: wish.code, name, version: wish.version, ...(table !== undefined ? { table } : {}) });
  if (saved) await setAside(files.folder, saved.participantId, [files.session, files.events, files.acked, files.progress]);
  const { response } = joined;
  const session: RoomSession = {
    address,
    baseUrl: roomBaseUrl(address),
    participantId: response.participantId,
    token: response.token,
    name: response.name,
    ...(response.table !== undefined ? { table: response.table } : {}),
    target: response.target,
    workshop: response.workshop,
    pacing: response.pacing,
    joinedAt: new Date().toISOString(),
  };
  await writeSession(files.session, session);
  return { session, files, pacing: response.pacing, rejoined: false, joined };
};

/**
 * Whether the room at the saved address still knows the saved token. Only a refusal says no (a
 * new room at the same address, say the next day's): a room out of reach is given the benefit of
 * the doubt, so the participant keeps working offline.
 */
const roomStillKnows = async (saved: RoomSession): Promise<boolean> => {
  try {
    await roomRequest<ParticipantView>(saved.baseUrl, ROOM_PATHS.me, { token: saved.token, timeoutMs: 3000 });
    return true;
  } catch (error) {
    return !(error instanceof RoomRefusal && (error.code === "Unauthorized" || error.code === "Forbidden"));
  }
};

const defaultName = (): string => {
  try {
    const name = userInfo().username.trim().slice(0, 40);
    return name || "participant";
  } catch {
    return "participant";
  }
};
