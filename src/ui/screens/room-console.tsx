import { Box, Text, useApp, useInput } from "ink";
import TextInput from "ink-text-input";
import { useEffect, useState } from "react";
import type { UiBridge } from "../bridge";
import type { LiveQuestion, Pacing, PacingCommand } from "../../room/protocol";
import { liveQuizRows } from "../components/room/live-quiz-rows";
import { LIVE_QUESTION_SECONDS, liveQuestionToAsk } from "../../room/live-question-pool";
import type { RoomState } from "../../room/room-state";
import { mostFailedRows } from "../components/room/most-failed-rows";
import { clampOffset, ParticipantList } from "../components/room/participant-list";
import { participantRows, type GroupBy } from "../components/room/participant-rows";
import { ROOM_HEADER_HEIGHT, RoomHeader } from "../components/room/room-header";
import { RoomKeys, roomKeysHeight } from "../components/room/room-keys";
import { RowLine, type Segment } from "../components/room/segments";
import { useRoomUpdates } from "../hooks/use-room-updates";
import { useWindowSize } from "../hooks/use-window-size";
import { roomCommandFor, roomStatusKeys } from "../keys/room-bindings";
import { wrapLines } from "../text";
import { ThemeContext, useTheme, type Theme } from "../theme";

/** What the console needs of the running room: its state, word of changes, and the pacing controls. */
export interface RoomConsoleSource {
  /** Read on every redraw; the room applies each record to it as it is logged. */
  state: RoomState;
  /** Calls `listener` after the state changed; returns the way to stop. Must be a stable function. */
  subscribe: (listener: () => void) => () => void;
  /** Logs a pacing command and tells the participants, or says why not. */
  pace: (command: PacingCommand) => Promise<{ pacing: Pacing } | { refused: string }>;
  /** What participants type to join, e.g. "s3-tutor join 192.168.1.20:7420 --code K7QF". */
  joinCommand: string;
  workshopTitle: string;
  blockTitles: ReadonlyMap<string, string>;
  now: () => Date;
  /** The questions `l` asks live, in order (the first not asked yet); none: `l` says so. */
  liveQuestions?: readonly LiveQuestion[];
}

export { LIVE_QUESTION_SECONDS };

export interface RoomConsoleProps {
  source: RoomConsoleSource;
  /** Called when the instructor confirms quitting, before the console exits. */
  onQuit?: () => void;
  theme?: Theme;
  /** Where the room's notices and stray warnings come from (shown in the notice line, never over the frame). */
  bridge?: UiBridge;
  /** Called once each redraw the room's changes or the clock caused is on screen: the bench times event → console with it. */
  onRedraw?: () => void;
}

type Mode =
  | { kind: "list" }
  | { kind: "broadcast" }
  | { kind: "confirm"; title: string; lines: string[]; onYes: () => void };

interface Notice {
  text: string;
  tone: Segment["tone"];
}

/** Consoles this wide put the most-failed checks beside the participants rather than under them. */
const SIDE_BY_SIDE_COLUMNS = 140;
const QUIT_EXPLAINED = "Participants keep working; their progress is saved when the room starts again.";

/**
 * The instructor's screen: who is stuck (first), everyone's block, step and time on it, the
 * checks the room fails most and why, the agenda clock, and the pacing keys. Fits 80×24; a larger
 * window shows more participants, and at 140 columns the checks go beside them.
 */
export const RoomConsole = ({ theme, ...props }: RoomConsoleProps) => {
  const inner = <ConsoleScreen {...props} />;
  return theme ? <ThemeContext.Provider value={theme}>{inner}</ThemeContext.Provider> : inner;
};

const ConsoleScreen = ({ source, onQuit, bridge, onRedraw }: Omit<RoomConsoleProps, "theme">) => {
  const version = useRoomUpdates(source.subscribe);
  useEffect(() => onRedraw?.(), [version, onRedraw]);
  const { exit } = useApp();
  const theme = useTheme();
  const { columns, rows: windowRows } = useWindowSize();
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [groupBy, setGroupBy] = useState<GroupBy>("table");
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [draft, setDraft] = useState("");
  // The console asks nothing on the room's behalf (no real-account writes here): only notices come through.
  useEffect(() => bridge?.connect(async () => false, (message) => setNotice({ text: message, tone: "warning" })), [bridge]);

  const { state } = source;
  const now = source.now();
  const width = Math.max(20, columns - 2);
  const sideBySide = columns >= SIDE_BY_SIDE_COLUMNS;
  const listWidth = sideBySide ? Math.floor(width * 0.6) : width;
  const checksWidth = sideBySide ? width - listWidth - 2 : width;

  const keys = roomStatusKeys().map((binding) =>
    binding.command === "group" ? { ...binding, short: groupBy === "table" ? "by name" : "by table" } : binding,
  );
  const noticeLines = notice ? wrapLines(notice.text, width).slice(0, 2) : [];
  const liveRows = liveQuizRows(state, now);
  const promptLines =
    mode.kind === "broadcast"
      ? 2
      : mode.kind === "confirm"
        ? [mode.title, ...mode.lines].flatMap((line) => wrapLines(line, width)).length + 1
        : 0;
  // One row short of the window, as the app does: a frame as tall as the terminal makes Ink clear it on every redraw.
  const body = Math.max(3, windowRows - 1 - ROOM_HEADER_HEIGHT - noticeLines.length - promptLines - liveRows.length - roomKeysHeight(keys, width));
  const checksHeight = sideBySide ? body : body >= 10 ? Math.min(10, Math.max(3, Math.floor(body * 0.3))) : 0;
  const listHeight = sideBySide ? body : body - checksHeight;

  const stuckCount = state.stuck(now).length;
  const rows = participantRows({ state, now, groupBy, blockTitles: source.blockTitles, width: listWidth });
  const checks = mostFailedRows(state.mostFailed(), checksHeight);
  const shownOffset = clampOffset(offset, rows.length, listHeight);
  const page = Math.max(1, listHeight - 2);

  const titleOf = (block: string) => source.blockTitles.get(block) ?? block;
  const pace = (command: PacingCommand, done: string) => {
    setNotice({ text: "… sending", tone: "muted" });
    source.pace(command).then(
      (result) => setNotice("refused" in result ? { text: `✗ Not done: ${result.refused}`, tone: "failure" } : { text: `✓ ${done}`, tone: "success" }),
      (error: unknown) => setNotice({ text: `✗ Not done: ${error instanceof Error ? error.message : String(error)}`, tone: "failure" }),
    );
  };
  const refuse = (reason: string) => setNotice({ text: `✗ Not done: ${reason}`, tone: "failure" });
  const confirm = (title: string, lines: string[], onYes: () => void) => setMode({ kind: "confirm", title, lines, onYes });

  const openNextBlock = () => {
    const next = state.blocks.find((block) => !state.pacing.openBlocks.includes(block.id));
    if (!next) return refuse(state.refusePacing({ kind: "openBlock" }) ?? "every block is open already");
    confirm(`Open the next block, "${titleOf(next.id)}"?`, ["Participants can start it at once."], () =>
      pace({ kind: "openBlock", block: next.id }, `Opened "${titleOf(next.id)}".`),
    );
  };
  const startExam = () => {
    const exam = state.blocks.find((block) => block.exam);
    if (!exam) return refuse(state.refusePacing({ kind: "startExam" }) ?? "the workshop has no exam block");
    if (state.pacing.exam) return refuse(`the exam "${titleOf(state.pacing.exam.block)}" has started already`);
    confirm(`Start the exam, "${titleOf(exam.id)}"?`, ["Every participant's app starts it at once, with its clock."], () =>
      pace({ kind: "startExam", block: exam.id }, `Started the exam "${titleOf(exam.id)}".`),
    );
  };

  const askLive = () => {
    const next = liveQuestionToAsk(source.liveQuestions, state.live);
    if ("refused" in next) return refuse(next.refused);
    const { question } = next;
    confirm(`Ask the room: "${question.prompt}"?`, [`Every participant's app shows it at once, for ${LIVE_QUESTION_SECONDS} s.`], () =>
      pace({ kind: "askQuestion", question, seconds: LIVE_QUESTION_SECONDS }, `Asked "${question.id}".`),
    );
  };

  useInput(
    (input, key) => {
      switch (roomCommandFor(input, key)) {
        case "liveQuestion":
          return askLive();
        case "reveal": {
          const refused = state.refusePacing({ kind: "revealQuestion" });
          return refused ? refuse(refused) : pace({ kind: "revealQuestion" }, "Revealed the answer.");
        }
        case "broadcast":
          setDraft("");
          setMode({ kind: "broadcast" });
          return;
        case "openBlock":
          return openNextBlock();
        case "startExam":
          return startExam();
        case "group":
          setGroupBy((current) => (current === "table" ? "name" : "table"));
          setOffset(0);
          return;
        case "up":
          return setOffset(Math.max(0, shownOffset - 1));
        case "down":
          return setOffset(clampOffset(shownOffset + 1, rows.length, listHeight));
        case "pageUp":
          return setOffset(Math.max(0, shownOffset - page));
        case "pageDown":
          return setOffset(clampOffset(shownOffset + page, rows.length, listHeight));
        case "quit":
          return confirm("Quit the room?", [QUIT_EXPLAINED], () => {
            onQuit?.();
            exit();
          });
        default:
          return;
      }
    },
    { isActive: mode.kind === "list" },
  );
  useInput(
    (input, key) => {
      if (mode.kind !== "confirm") return;
      const yes = input === "y" || input === "Y";
      if (!yes && input !== "n" && input !== "N" && !key.escape) return;
      setMode({ kind: "list" });
      if (yes) mode.onYes();
    },
    { isActive: mode.kind === "confirm" },
  );
  useInput(
    (_input, key) => {
      if (key.escape) setMode({ kind: "list" });
    },
    { isActive: mode.kind === "broadcast" },
  );

  const list = <ParticipantList rows={rows} offset={shownOffset} height={listHeight} width={listWidth} />;
  const failed = (
    <Box flexDirection="column" height={checksHeight} width={checksWidth}>
      {checks.map((row, index) => (
        <RowLine key={index} row={row} width={checksWidth} />
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column" paddingX={1} width={columns} height={Math.max(1, windowRows - 1)} overflowY="hidden">
      <RoomHeader
        state={state}
        workshopTitle={source.workshopTitle}
        joinCommand={source.joinCommand}
        blockTitles={source.blockTitles}
        now={now}
        stuckCount={stuckCount}
        width={width}
      />
      {liveRows.map((row, index) => (
        <RowLine key={`live-${index}`} row={row} width={width} />
      ))}
      {noticeLines.map((line, index) => (
        <RowLine key={`notice-${index}`} row={[{ text: line, ...(notice?.tone ? { tone: notice.tone } : {}), bold: true }]} width={width} />
      ))}
      {mode.kind === "broadcast" ? (
        <Box flexDirection="column">
          <Box height={1} overflowY="hidden">
            <Text bold color={theme.accent}>
              {"Message to everyone ❯ "}
            </Text>
            <TextInput
              value={draft}
              onChange={setDraft}
              onSubmit={(text) => {
                setMode({ kind: "list" });
                pace({ kind: "broadcast", text }, `Sent to everyone: ${text.trim()}`);
              }}
            />
          </Box>
          <RowLine row={[{ text: "enter sends · esc cancels", tone: "muted" }]} width={width} />
        </Box>
      ) : null}
      {mode.kind === "confirm" ? (
        <Box flexDirection="column">
          {wrapLines(mode.title, width).map((line, index) => (
            <RowLine key={`title-${index}`} row={[{ text: line, tone: "warning", bold: true }]} width={width} />
          ))}
          {mode.lines.flatMap((line) => wrapLines(line, width)).map((line, index) => (
            <RowLine key={`line-${index}`} row={[{ text: line }]} width={width} />
          ))}
          <RowLine row={[{ text: "y", tone: "key", bold: true }, { text: " yes · " }, { text: "n", tone: "key", bold: true }, { text: " no" }]} width={width} />
        </Box>
      ) : null}
      {sideBySide ? (
        <Box height={body}>
          {list}
          <Box marginLeft={2}>{failed}</Box>
        </Box>
      ) : (
        <Box flexDirection="column" height={body}>
          {list}
          {failed}
        </Box>
      )}
      <RoomKeys keys={keys} width={width} />
    </Box>
  );
};
