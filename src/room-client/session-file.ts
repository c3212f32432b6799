import { mkdir, rename } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Pacing, ParticipantTarget } from "../room/protocol";
import { writeJsonAtomic } from "../store/atomic-write";
import { readJsonFile } from "../store/json-file";
import { isRecord } from "../store/parse-helpers";

/** What `join` remembers about a room it joined, so running it again rejoins as the same participant. */
export interface RoomSession {
  /** As the participant typed it. */
  address: string;
  baseUrl: string;
  participantId: string;
  token: string;
  name: string;
  table?: string;
  target: ParticipantTarget;
  /** The workshop as the room sent it. */
  workshop: unknown;
  /** The pacing when last heard, so an app started while the room is away still opens the right blocks. */
  pacing?: Pacing;
  joinedAt: string;
}

const parseSession = (value: unknown): RoomSession => {
  const fields = ["address", "baseUrl", "participantId", "token", "name", "joinedAt"] as const;
  if (!isRecord(value) || fields.some((field) => typeof value[field] !== "string") || !isRecord(value.target)) {
    throw new Error("not a room session");
  }
  return value as unknown as RoomSession;
};

/** The saved session, or undefined (none yet; a corrupt one is moved aside and counts as none). */
export const readSession = async (path: string): Promise<RoomSession | undefined> => {
  const read = await readJsonFile(path, parseSession);
  return read.status === "ok" ? read.value : undefined;
};

/** 0600: the session holds the participant's token and room keys, which let anyone act as them. */
export const writeSession = (path: string, session: RoomSession): Promise<void> => writeJsonAtomic(path, session, { mode: 0o600 });

/**
 * Moves an earlier identity's files (session, events, acks) into `before-<participantId>/` in the
 * same folder: a new identity starts numbering at 1, and the old record is kept, not mixed in.
 */
export const setAside = async (folder: string, participantId: string, files: readonly string[]): Promise<void> => {
  const aside = join(folder, `before-${participantId.replace(/[^A-Za-z0-9_-]/g, "_")}`);
  await mkdir(aside, { recursive: true });
  for (const file of files) {
    await rename(file, join(aside, basename(file))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
};
