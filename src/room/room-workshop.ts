import type { AgendaBlock } from "./room-state";

/**
 * What the room needs of a workshop. The workshop file's own type lives with the content; the CLI
 * maps a loaded workshop onto this, and `definition` (the parsed file) goes to participants as is.
 */
export interface RoomWorkshop {
  id: string;
  title: string;
  /** Where participants' hands-on steps run: the room's sandbox, each laptop's own, LocalStack, or a shared AWS account. */
  target: "room" | "own" | "localstack" | "aws";
  region?: string;
  /** The second Region of steps that span two (replication). */
  otherRegion?: string;
  /** Joins past this many are refused with RoomFull; unlimited when absent. */
  maxParticipants?: number;
  blocks: AgendaBlock[];
  /** The workshop as its file parses, sent in JoinResponse.workshop. */
  definition: unknown;
}

export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_OTHER_REGION = "us-west-2";
