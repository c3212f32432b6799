import type { Key } from "ink";
import type { ShownKey } from "./bindings";

/**
 * The instructor console's keys, as data like the learner's (bindings.ts) but in a table of their
 * own: the learner's help screen never lists "broadcast" or "start the exam".
 */

export type RoomCommand = "up" | "down" | "pageUp" | "pageDown" | "broadcast" | "openBlock" | "startExam" | "liveQuestion" | "reveal" | "group" | "quit";

export interface RoomBinding extends ShownKey {
  command: RoomCommand;
  description: string;
  inStatusBar?: boolean;
  matches: (input: string, key: Key) => boolean;
}

export const ROOM_BINDINGS: readonly RoomBinding[] = [
  { command: "broadcast", label: "b", short: "broadcast", description: "send a message to every participant", inStatusBar: true, matches: (i) => i === "b" },
  { command: "openBlock", label: "n", short: "next block", description: "open the next block of the agenda (asks first)", inStatusBar: true, matches: (i) => i === "n" },
  { command: "startExam", label: "x", short: "start exam", description: "start the exam (asks first)", inStatusBar: true, matches: (i) => i === "x" },
  { command: "liveQuestion", label: "l", short: "live question", description: "ask the room the next live quiz question (asks first)", inStatusBar: true, matches: (i) => i === "l" },
  { command: "reveal", label: "r", short: "reveal", description: "reveal the live question's answer, how the room answered, and the leaderboard", matches: (i) => i === "r" },
  { command: "group", label: "t", short: "by table/name", description: "list participants by table or by name", inStatusBar: true, matches: (i) => i === "t" },
  { command: "up", label: "↑/↓", short: "scroll", description: "scroll the participants up (k too)", inStatusBar: true, matches: (i, k) => k.upArrow || i === "k" },
  { command: "down", label: "↓/j", short: "scroll", description: "scroll the participants down (j too)", matches: (i, k) => k.downArrow || i === "j" },
  { command: "pageUp", label: "PgUp", short: "page up", description: "scroll a page up", matches: (_i, k) => k.pageUp },
  { command: "pageDown", label: "PgDn", short: "page down", description: "scroll a page down", matches: (_i, k) => k.pageDown },
  { command: "quit", label: "q", short: "quit", description: "close the room (asks first; participants keep working); ctrl+c too", inStatusBar: true, matches: (i, k) => i === "q" || (k.ctrl && i === "c") },
];

export const roomCommandFor = (input: string, key: Key): RoomCommand | undefined =>
  ROOM_BINDINGS.find((binding) => binding.matches(input, key))?.command;

export const roomStatusKeys = (): RoomBinding[] => ROOM_BINDINGS.filter((binding) => binding.inStatusBar);
