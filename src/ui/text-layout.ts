import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/**
 * Rendered markdown laid out in terminal rows: by words, never splitting one (a URL or a command
 * too long for the row stands alone and runs past the edge instead), with list items' wrapped
 * lines under their text rather than under the bullet, and code and tables left as they are.
 */

/** Marks a line that must not be wrapped (code, a table row): at the start of its row after `layoutLines`. */
export const UNWRAPPED = "\uE000";
/** A space inside a command in backticks, so it wraps as one word; a plain space again after. */
export const KEEP_SPACE = "\uE001";

/** Bullets and numbers of list items, after their indentation (marked-terminal writes "* " and "1. "). */
const LEADING = /^(\s*)(?:\* |\d+\. )?/;

/** Text too wide for a readable line: body text stops here however wide the terminal. */
export const READABLE_WIDTH = 100;

/** The width to lay text out in, for a terminal `columns` wide. */
export const readableWidth = (columns: number): number => Math.min(columns, READABLE_WIDTH);

const wrapLine = (line: string, width: number): string[] => {
  // The mark moves to the front and stays, so the screen can scroll such rows sideways (TextRows).
  if (line.includes(UNWRAPPED)) return [`${UNWRAPPED}${line.replace(UNWRAPPED, "")}`];
  const lead = LEADING.exec(line)?.[0] ?? "";
  const indent = stringWidth(lead);
  const rest = line.slice(lead.length);
  if (!rest.trim()) return [line.trimEnd()];
  const parts = wrapAnsi(rest, Math.max(10, width - indent), { hard: false, trim: true, wordWrap: true }).split("\n");
  return parts.map((part, index) => (index === 0 ? lead : " ".repeat(indent)) + part);
};

/** `text` (ANSI styles and OSC 8 links kept) as rows of at most `width` columns, bar single words wider than that. */
export const layoutLines = (text: string, width: number): string[] =>
  text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .map((line) => line.replaceAll(KEEP_SPACE, " "));

/** `text` as an OSC 8 hyperlink to `url`: the terminal shows `text`, and opens `url` when it is clicked. */
export const hyperlink = (url: string, text: string): string => `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;

/**
 * Whether to write links as OSC 8 hyperlinks: only to a terminal known to show them, never
 * with NO_COLOR, TERM=dumb or output that is not a terminal, and not inside tmux or screen
 * (older ones pass the sequence on as text). FORCE_HYPERLINK=1 or 0 decides outright.
 * Elsewhere the URL is shown whole as text, which most terminals make clickable themselves.
 */
export const hyperlinksSupported = (env: NodeJS.ProcessEnv, isTTY: boolean): boolean => {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined && forced !== "") return forced !== "0" && forced !== "false";
  if (!isTTY || env.NO_COLOR || env.TERM === "dumb") return false;
  if (env.TMUX || env.STY || /^(screen|tmux)/.test(env.TERM ?? "")) return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.TERM === "xterm-kitty" || env.TERM === "alacritty") return true;
  if (["iTerm.app", "WezTerm", "vscode", "ghostty"].includes(env.TERM_PROGRAM ?? "")) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000 || Number(env.KONSOLE_VERSION ?? 0) >= 201_100;
};
