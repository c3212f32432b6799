import { Box, Text } from "ink";
import type { Pacing } from "../../room/protocol";
import type { AgendaBlock } from "../../room-client/workshop-plan";
import { blockTitle } from "../../content/workshop-plan";
import { blockEntry, blockMark } from "../agenda-views";
import { useServices, type WorkshopMode } from "../app-context";
import { Menu, type MenuItem } from "../components/menu";
import { useRoomLink } from "../hooks/use-room-link";
import { useTheme } from "../theme";

export interface AgendaProps {
  workshop: WorkshopMode;
  isActive: boolean;
  width: number;
}

export const LOCKED_NOTE = "opens when the instructor says";

/**
 * A participant's home in a workshop: the blocks in order with their minutes, which are open
 * (locked ones are shown, not entered), the one the room is on, the instructor's latest message,
 * and whether the room hears this laptop.
 */
export const Agenda = ({ workshop, isActive, width }: AgendaProps) => {
  const { catalog, session, progress, go, notify, reportActivity } = useServices();
  const theme = useTheme();
  const link = useRoomLink(workshop.room) ?? workshop.room.link;
  const { pacing } = link;
  const blocks = workshop.plan.blocks;
  const current = pacing.openBlocks.at(-1);
  const message = pacing.messages.at(-1);

  const items: MenuItem<string>[] = blocks.map((block, index) => ({
    value: block.id,
    label: `${open(block, pacing) ? (block.id === current ? "▶" : " ") : "·"} ${index + 1}. ${blockTitle(block.workshopBlock, catalog.lessons)}`,
    note: [blockNote(block, pacing), blockMark(block, catalog, progress.data, session.settings.target)].filter(Boolean).join(" · "),
  }));

  const enter = (id: string) => {
    const block = blocks.find((candidate) => candidate.id === id);
    if (!block) return;
    if (!open(block, pacing)) return notify(`"${blockTitle(block.workshopBlock, catalog.lessons)}" ${LOCKED_NOTE}.`);
    const entry = blockEntry(block, catalog, pacing, session.settings.target, (id) => workshop.room.examResult(id));
    reportActivity?.({ kind: "blockEntered", block: block.id });
    if (entry.kind === "say") notify(entry.text);
    else go(entry.view);
  };

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.heading} wrap="truncate-end">
        {workshop.plan.title}
      </Text>
      <Text color={link.connected && link.send.state !== "waiting" ? theme.muted : theme.warning} wrap="wrap">
        {`Room: ${link.message}`}
      </Text>
      {message ? (
        <Box marginTop={1}>
          <Text wrap="wrap">
            <Text bold color={theme.accent}>
              Instructor:
            </Text>
            {` ${message.text}`}
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Menu items={items} onSelect={enter} isActive={isActive} width={width - 2} {...initialIndex(blocks, current)} />
      </Box>
    </Box>
  );
};

const open = (block: AgendaBlock, pacing: Pacing): boolean => pacing.openBlocks.includes(block.id) || pacing.exam?.block === block.id;

const blockNote = (block: AgendaBlock, pacing: Pacing): string => {
  const minutes = `${block.minutes} min`;
  if (!open(block, pacing)) return `${minutes} · ${LOCKED_NOTE}`;
  if (block.kind === "exam") return pacing.exam?.block === block.id ? `${minutes} · exam started` : `${minutes} · the instructor starts it`;
  return minutes;
};

const initialIndex = (blocks: readonly AgendaBlock[], current: string | undefined): { initialIndex?: number } => {
  const index = blocks.findIndex((block) => block.id === current);
  return index >= 0 ? { initialIndex: index } : {};
};
