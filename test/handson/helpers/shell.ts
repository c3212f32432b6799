import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether a POSIX `sh` is here to judge the code (not on a bare Windows). */
export const shAvailable = process.platform !== "win32";

const run = (args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile("sh", args, { cwd, timeout: 10_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });

/** `sh -n`: the shell's own verdict on the syntax; the error text when it refuses. */
export const shSyntaxError = async (script: string): Promise<string | undefined> => {
  const folder = mkdtempSync(join(tmpdir(), "s3-tutor-sh-"));
  const file = join(folder, "code.sh");
  writeFileSync(file, script);
  const result = await run(["-n", file], folder);
  return result.code === 0 ? undefined : result.stderr || `sh -n exited ${result.code}`;
};

/**
 * The words the shell reads in one command (quotes removed, continuations joined), as the shell
 * itself parses them: the command becomes the arguments of `set --`. A redirection in it goes to
 * a file in a scratch folder and is not a word.
 */
export const shWords = async (command: string): Promise<string[]> => {
  const folder = mkdtempSync(join(tmpdir(), "s3-tutor-sh-"));
  const result = await run(["-c", `set -- ${command}\nfor word in "$@"; do printf '%s\\0' "$word"; done`], folder);
  if (result.code !== 0) throw new Error(`sh could not read ${JSON.stringify(command)}: ${result.stderr}`);
  return result.stdout.split("\0").slice(0, -1);
};

/** Removes every line continuation (`\` + newline + the next line's indentation). */
export const joinContinuations = (text: string): string => text.replace(/\\\n */g, "");

/**
 * Where a line break falls inside quotes: the offsets of newlines that are inside a '...' or
 * "..." word (an escaped newline outside quotes is a continuation, not a break in a word).
 */
export const breaksInsideQuotes = (text: string): number[] => {
  const inside: number[] = [];
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else if (char === "\n") inside.push(index);
    } else if (quote === '"') {
      if (char === "\\") index++;
      else if (char === '"') quote = undefined;
      else if (char === "\n") inside.push(index);
    } else if (char === "\\") index++;
    else if (char === "'" || char === '"') quote = char;
    else if (char === "#" && (index === 0 || /\s/.test(text[index - 1]!))) {
      // A comment runs to the end of its line; quotes in it are only text.
      const end = text.indexOf("\n", index);
      index = end === -1 ? text.length : end;
    }
  }
  return inside;
};

/** Whether a line of code holds a single shell word (indentation and a trailing ` \` aside). */
export const isOneWord = (line: string): boolean => {
  const text = line.trim().replace(/ \\$/, "");
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (quote === '"' && char === "\\") index++;
    } else if (char === "\\") index++;
    else if (char === "'" || char === '"') quote = char;
    else if (char === " ") return false;
  }
  return true;
};
