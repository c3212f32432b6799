import { PARTICIPANT_REPORT_KIND, ROOM_PROTOCOL, type ParticipantReportFile } from "../room/protocol";
import { Outbox } from "./outbox";
import type { RoomFiles } from "./room-files";
import type { RoomSession } from "./session-file";

/** The offline fallback: everything this laptop recorded for the room, sent or not, for `room merge`. */
export const participantReport = async (session: RoomSession, files: RoomFiles): Promise<ParticipantReportFile> => {
  const outbox = await Outbox.open(files);
  return {
    kind: PARTICIPANT_REPORT_KIND,
    protocol: ROOM_PROTOCOL,
    workshopId: workshopIdOf(session.workshop),
    participantId: session.participantId,
    name: session.name,
    ...(session.table !== undefined ? { table: session.table } : {}),
    events: [...outbox.events],
  };
};

const workshopIdOf = (workshop: unknown): string =>
  typeof workshop === "object" && workshop !== null && typeof (workshop as { id?: unknown }).id === "string" ? (workshop as { id: string }).id : "";
