import { splitKeys } from "./split-keys";

/** What a terminal in bracketed paste mode puts around pasted text. */
export const PASTE_START = "\u001B[200~";
export const PASTE_END = "\u001B[201~";
/** Asks the terminal to mark pastes (xterm's mode 2004), and to stop. */
export const BRACKETED_PASTE_ON = "\u001B[?2004h";
export const BRACKETED_PASTE_OFF = "\u001B[?2004l";

/**
 * Terminal input as keys (splitKeys), except that a bracketed paste is one key: the pasted text,
 * its line breaks as "\n" (a new line, where Enter would send an answer), even when the paste
 * comes in several chunks. Without the marks a paste is keys like any typing.
 */
export class KeySplitter {
  /** The text of a paste whose end has not come yet. */
  private pasted: string | undefined;

  keysOf(chunk: string): string[] {
    const keys: string[] = [];
    let rest = chunk;
    while (rest.length > 0) {
      if (this.pasted === undefined) {
        const start = rest.indexOf(PASTE_START);
        keys.push(...splitKeys(start === -1 ? rest : rest.slice(0, start)));
        if (start === -1) break;
        this.pasted = "";
        rest = rest.slice(start + PASTE_START.length);
      } else {
        const end = rest.indexOf(PASTE_END);
        this.pasted += end === -1 ? rest : rest.slice(0, end);
        if (end === -1) break;
        const text = this.pasted.replace(/\r\n?/g, "\n");
        if (text.length > 0) keys.push(text);
        this.pasted = undefined;
        rest = rest.slice(end + PASTE_END.length);
      }
    }
    return keys;
  }
}
