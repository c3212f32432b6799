/**
 * Lines that set (or unset) environment variables in the learner's own shell, quoted so any
 * value reaches the variable as it is: POSIX sh (bash, zsh), fish and PowerShell.
 */

export type ShellKind = "sh" | "fish" | "powershell";
export const SHELL_KINDS: readonly ShellKind[] = ["sh", "fish", "powershell"];

/** A variable to set to `value`, or to remove when `value` is undefined. */
export interface EnvChange {
  name: string;
  value?: string;
}

/** sh: inside single quotes nothing is special but the quote itself, written '\''. */
const shQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** fish: inside single quotes only \ and ' need a backslash. */
const fishQuote = (value: string): string => `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`;

/** PowerShell: inside single quotes a quote is doubled (PowerShell also reads ‘ ’ ‚ ‛ as quotes). */
const powershellQuote = (value: string): string => `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (character) => character + character)}'`;

const line = (shell: ShellKind, { name, value }: EnvChange): string => {
  switch (shell) {
    case "sh":
      return value === undefined ? `unset ${name}` : `export ${name}=${shQuote(value)}`;
    case "fish":
      return value === undefined ? `set -e ${name}` : `set -gx ${name} ${fishQuote(value)}`;
    case "powershell":
      return value === undefined ? `Remove-Item Env:${name} -ErrorAction SilentlyContinue` : `$env:${name} = ${powershellQuote(value)}`;
  }
};

/** The script: a comment saying what it is (one line, # in all three shells), then one line per change. */
export const shellScript = (shell: ShellKind, changes: readonly EnvChange[], comment?: string): string =>
  [...(comment ? [`# ${comment.replace(/[\r\n]+/g, " ")}`] : []), ...changes.map((change) => line(shell, change))].join("\n") + "\n";

/** How to apply the script in each shell. */
export const applyHint = (shell: ShellKind, command: string): string => {
  switch (shell) {
    case "sh":
      return `eval "$(${command})"`;
    case "fish":
      return `${command} | source`;
    case "powershell":
      return `${command} | Out-String | Invoke-Expression`;
  }
};
