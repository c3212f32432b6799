import { Box } from "ink";
import type { RoomState } from "../../../room/room-state";
import { agendaSegments, plural } from "./room-format";
import { RowLine, type Row } from "./segments";

export interface RoomHeaderProps {
  state: RoomState;
  workshopTitle: string;
  joinCommand: string;
  blockTitles: ReadonlyMap<string, string>;
  now: Date;
  stuckCount: number;
  width: number;
}

export const ROOM_HEADER_HEIGHT = 3;

/** The console's top: the workshop and who is in it, how to join, and the agenda clock. */
export const RoomHeader = ({ state, workshopTitle, joinCommand, blockTitles, now, stuckCount, width }: RoomHeaderProps) => {
  const title: Row = [
    { text: workshopTitle, tone: "heading", bold: true },
    { text: ` · ${plural(state.participants.size, "participant")}`, tone: "muted" },
    ...(stuckCount > 0 ? [{ text: ` · ⚠ ${stuckCount} stuck`, tone: "warning" as const, bold: true }] : []),
  ];
  const exam = state.pacing.exam;
  const agenda: Row = [
    ...agendaSegments(state.agendaClock(now), blockTitles),
    ...(exam ? [{ text: ` · exam "${blockTitles.get(exam.block) ?? exam.block}" running`, tone: "accent" as const }] : []),
  ];
  return (
    <Box flexDirection="column">
      <RowLine row={title} width={width} />
      <RowLine row={[{ text: "Join: ", tone: "muted" }, { text: joinCommand, tone: "key", bold: true }]} width={width} />
      <RowLine row={agenda} width={width} />
    </Box>
  );
};
