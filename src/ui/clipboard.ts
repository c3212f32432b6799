/**
 * OSC 52, "set the clipboard": `ESC ] 52 ; c ; <base64> BEL`. The terminal, not the operating
 * system, does the copying, so it works over ssh too; terminals that do not allow it ignore the
 * sequence (tmux passes it on only with `set -g set-clipboard on`).
 */
export const osc52 = (text: string): string => `\u001B]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
