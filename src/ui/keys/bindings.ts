import type { Key } from "ink";

/**
 * Every key the app understands, as data: what it does, where, and how it is shown. The status
 * bar and the help screen are generated from this table, so they cannot drift from the code.
 */

export type ScreenName = "home" | "lessons" | "lesson" | "quizMenu" | "quiz" | "interview" | "stats" | "target" | "help";

export type Command =
  | "up"
  | "down"
  | "pageUp"
  | "pageDown"
  | "top"
  | "bottom"
  | "select"
  | "toggle"
  | "next"
  | "back"
  | "hint"
  | "solve"
  | "check"
  | "skip"
  | "guess"
  | "markRight"
  | "flag"
  | "change"
  | "endExam"
  | "retry"
  | "answered"
  | "newLine"
  | "tickPoint"
  | "scored"
  | "endInterview"
  | "openStep"
  | "code"
  | "codeTab"
  | "codeScroll"
  | "copyCode"
  | "world"
  | "cleanup"
  | "reset"
  | "resetAll"
  | "menu"
  | "help"
  | "quit";

export interface Binding {
  command: Command;
  /** How the key is written on screen. */
  label: string;
  /** One word for the status bar. */
  short: string;
  description: string;
  screens: readonly ScreenName[];
  /** Shown in the status bar of those screens (the rest are in help). */
  inStatusBar?: boolean;
  matches: (input: string, key: Key) => boolean;
}

const ALL: readonly ScreenName[] = ["home", "lessons", "lesson", "quizMenu", "quiz", "interview", "stats", "target", "help"];
const MENUS: readonly ScreenName[] = ["home", "lessons", "target", "quizMenu", "quiz"];

export const BINDINGS: readonly Binding[] = [
  { command: "up", short: "up", label: "↑/k", description: "move up, or scroll up", screens: ALL, matches: (i, k) => k.upArrow || i === "k" },
  { command: "down", short: "down", label: "↓/j", description: "move down, or scroll down", screens: ALL, matches: (i, k) => k.downArrow || i === "j" },
  { command: "pageUp", short: "page up", label: "PgUp", description: "scroll a page up", screens: ["lesson", "quiz", "interview", "stats", "help"], matches: (_i, k) => k.pageUp },
  { command: "pageDown", short: "page down", label: "PgDn", description: "scroll a page down", screens: ["lesson", "quiz", "interview", "stats", "help"], matches: (_i, k) => k.pageDown },
  {
    command: "top",
    short: "top",
    label: "home",
    description: "scroll to the top (in the code view: back to the start of the lines)",
    screens: ["lesson", "quiz", "interview", "stats", "help"],
    matches: (_i, k) => k.home,
  },
  {
    command: "bottom",
    short: "end",
    label: "end",
    description: "scroll to the end (in the code view: to the end of the longest line)",
    screens: ["lesson", "quiz", "interview", "stats", "help"],
    matches: (_i, k) => k.end,
  },
  { command: "select", short: "choose", label: "enter", description: "choose, or answer", screens: [...MENUS, "lesson"], inStatusBar: true, matches: (_i, k) => k.return },
  { command: "toggle", short: "tick", label: "space", description: "tick or untick a choice, a topic or a point", screens: ["lesson", "quizMenu", "quiz", "interview"], matches: (i) => i === " " },
  { command: "next", short: "next", label: "n", description: "next step or question", screens: ["lesson", "quiz"], inStatusBar: true, matches: (i) => i === "n" },
  { command: "back", short: "back", label: "b", description: "previous step or question", screens: ["lesson", "quiz"], inStatusBar: true, matches: (i) => i === "b" },
  { command: "hint", short: "hint", label: "h", description: "show the hint", screens: ["lesson"], inStatusBar: true, matches: (i) => i === "h" },
  { command: "solve", short: "solve", label: "s", description: "do it for me: run the step's solution", screens: ["lesson"], inStatusBar: true, matches: (i) => i === "s" },
  { command: "check", short: "check", label: "c", description: "check what happened in S3", screens: ["lesson"], inStatusBar: true, matches: (i) => i === "c" },
  { command: "code", short: "code", label: "v", description: "view the code: TypeScript SDK and AWS CLI", screens: ["lesson"], inStatusBar: true, matches: (i) => i === "v" },
  { command: "codeTab", short: "SDK/CLI", label: "tab", description: "switch between the SDK and the CLI code", screens: ["lesson"], matches: (_i, k) => k.tab },
  {
    command: "codeScroll",
    short: "scroll",
    label: "←/→",
    description: "scroll the code sideways, to read a line cut at the edge (» or «)",
    screens: ["lesson"],
    matches: (_i, k) => k.leftArrow || k.rightArrow,
  },
  {
    command: "copyCode",
    short: "copy",
    label: "y",
    description: "copy the code shown: saved to a file (the CLI as a script), and sent to the clipboard where the terminal allows OSC 52",
    screens: ["lesson"],
    matches: (i) => i === "y",
  },
  {
    command: "world",
    short: "world",
    label: "w",
    description: "show or hide the S3 world: Regions, buckets and replication, redrawn as you work",
    screens: ["lesson"],
    matches: (i) => i === "w",
  },
  { command: "skip", short: "skip", label: "S", description: "skip this step or question", screens: ["lesson", "quiz", "interview"], matches: (i) => i === "S" },
  { command: "guess", short: "I guessed", label: "g", description: "I guessed: a right answer counts as shaky, so review brings it back sooner", screens: ["quiz"], inStatusBar: true, matches: (i) => i === "g" },
  {
    command: "markRight",
    short: "I was right",
    label: "i",
    description: "I was right: a typed answer marked wrong counts as right, flagged for review so it can be checked",
    screens: ["quiz", "lesson"],
    matches: (i) => i === "i",
  },
  { command: "flag", short: "flag", label: "f", description: "flag the question for review, or unflag it", screens: ["quiz"], inStatusBar: true, matches: (i) => i === "f" },
  { command: "change", short: "change", label: "c", description: "change your answer (exam, before it ends)", screens: ["quiz"], matches: (i) => i === "c" },
  { command: "endExam", short: "end exam", label: "e", description: "end the exam and see the score", screens: ["quiz"], inStatusBar: true, matches: (i) => i === "e" },
  { command: "retry", short: "retry missed", label: "r", description: "retry the questions you missed", screens: ["quiz"], inStatusBar: true, matches: (i) => i === "r" },
  { command: "cleanup", short: "clean up", label: "u", description: "clean up what the lesson created", screens: ["lesson"], matches: (i) => i === "u" },
  { command: "reset", short: "reset", label: "r", description: "reset the chosen lesson (asks first)", screens: ["lessons"], inStatusBar: true, matches: (i) => i === "r" },
  { command: "resetAll", short: "reset all", label: "R", description: "reset every lesson (asks first)", screens: ["lessons"], matches: (i) => i === "R" },
  // The mock interview: enter means what the phase on screen needs (done answering, scored, open a step).
  {
    command: "answered",
    short: "done",
    label: "enter",
    description: "done answering: the rubric and a strong answer follow (with nothing typed: I answered out loud)",
    screens: ["interview"],
    matches: (_i, k) => k.return && !k.meta,
  },
  { command: "newLine", short: "new line", label: "ctrl+j", description: "a new line in the answer (alt+enter too)", screens: ["interview"], matches: (i, k) => i === "\n" || (k.return && k.meta) },
  { command: "tickPoint", short: "tick", label: "1-6", description: "tick or untick that point of the rubric", screens: ["interview"], matches: (i) => /^[1-6]$/.test(i) },
  {
    command: "scored",
    short: "scored, go on",
    label: "enter",
    description: "the rubric is scored: on to the follow-up or the next question",
    screens: ["interview"],
    matches: (_i, k) => k.return && !k.meta,
  },
  { command: "endInterview", short: "end", label: "e", description: "on a rubric: score it and end the interview, with the report", screens: ["interview"], matches: (i) => i === "e" },
  { command: "openStep", short: "open lesson", label: "enter", description: "in the report: open the lesson at the step that teaches it", screens: ["interview"], matches: (_i, k) => k.return && !k.meta },
  { command: "menu", short: "menu", label: "esc", description: "back to the menu", screens: ["lessons", "lesson", "quizMenu", "quiz", "interview", "stats", "target", "help"], inStatusBar: true, matches: (_i, k) => k.escape },
  { command: "help", short: "help", label: "?", description: "show every key", screens: ALL, inStatusBar: true, matches: (i) => i === "?" },
  { command: "quit", short: "quit", label: "q", description: "quit (progress is saved)", screens: ALL, inStatusBar: true, matches: (i) => i === "q" },
];

/** The command a key press means on this screen, if any. */
export const commandFor = (screen: ScreenName, input: string, key: Key): Command | undefined =>
  BINDINGS.find((binding) => binding.screens.includes(screen) && binding.matches(input, key))?.command;

/** "↑/k move · enter choose · ? help · q quit": the keys shown at the bottom of a screen. */
export const statusBarKeys = (screen: ScreenName, only?: readonly Command[]): Binding[] =>
  BINDINGS.filter((binding) => binding.screens.includes(screen) && (only ? only.includes(binding.command) : binding.inStatusBar));

/** What the status bar needs of a key: how it is written, and one word for it. */
export type ShownKey = Pick<Binding, "label" | "short">;

/** How a key reads in the status bar, e.g. "esc menu". */
export const statusBarText = (binding: ShownKey): string => `${binding.label} ${binding.short}`;

/**
 * The keys in rows of at most `width` columns, a key never split: a narrow window gets a second
 * row rather than losing keys off its edge (help and quit come last and went first).
 */
export const statusBarRows = <B extends ShownKey>(bindings: readonly B[], width: number): B[][] => {
  const rows: B[][] = [];
  let used = 0;
  for (const binding of bindings) {
    const columns = [...statusBarText(binding)].length;
    const row = rows.at(-1);
    if (row && used + 3 + columns <= width) {
      row.push(binding);
      used += 3 + columns;
    } else {
      rows.push([binding]);
      used = columns;
    }
  }
  return rows.length > 0 ? rows : [[]];
};

export const SCREEN_TITLES: Record<ScreenName, string> = {
  home: "Home",
  lessons: "Lesson list",
  lesson: "Lesson",
  quizMenu: "Quiz menu",
  quiz: "Quiz",
  interview: "Mock interview",
  stats: "Quiz stats",
  target: "Target and region",
  help: "Help",
};
