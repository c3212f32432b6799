import { spawn, type IPty } from "@lydell/node-pty";
import { spawnSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

/** The repository's root: the built binary is dist/cli.js under it. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The environment of a learner's terminal: none of the CI variables (with them Ink prints only
 * the last frame), no colour settings inherited from the test runner, a colour-capable TERM, the
 * SDK's Node notice off and progress in `stateDir`.
 */
export const terminalEnv = (stateDir: string, extra: Record<string, string> = {}): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === "CI" || name === "CONTINUOUS_INTEGRATION" || name.startsWith("CI_")) continue;
    if (name === "NO_COLOR" || name === "FORCE_COLOR" || name === "NODE_DISABLE_COLORS") continue;
    if (name.startsWith("VITEST") || name === "TEST" || name === "NODE_ENV") continue;
    env[name] = value;
  }
  return {
    ...env,
    TERM: "xterm-256color",
    S3_TUTOR_STATE_DIR: stateDir,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...extra,
  };
};

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

export interface StartOptions {
  stateDir: string;
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** The command line after `s3-tutor`, e.g. ["quiz", "--seed", "3"]; none opens home. */
  args?: string[];
  /** The package folder to run dist/cli.js from (default: this repository); its content is what the app teaches. */
  packageRoot?: string;
  /**
   * POSIX only: start the binary from `sh`, as a learner's shell would, and after it exits print
   * `EXIT_MARK` and the terminal's settings (`stty -a`), so a test can see the mode it was left in.
   */
  thenStty?: boolean;
}

export const EXIT_MARK = "<<s3-tutor exited>>";

/** Where a frame starts: after Ink's erase-lines (ends `ESC[2K ESC[G`) or a cleared screen. */
const FRAME_START = /\u001B\[2K\u001B\[G|\u001B\[2J|\u001B\[H/g;

/**
 * `node dist/cli.js` in a pseudo-terminal. Everything it writes is kept; `screen()` is a simple
 * virtual screen: the plain text of the latest frame Ink drew (Ink redraws a frame by erasing
 * the previous one's lines, then writing the whole frame again).
 */
/** How long the terminal must be quiet for a frame to count as whole, and the most to wait for that. */
const QUIET_MS = 30;
const QUIET_LIMIT_MS = 1_000;

export class PtyApp {
  readonly pty: IPty;
  output = "";
  readonly exited: Promise<PtyExit>;
  private exit: PtyExit | undefined;
  private lastDataAt = 0;

  constructor(options: StartOptions) {
    const env = terminalEnv(options.stateDir, options.env);
    const size = { cols: options.cols ?? 80, rows: options.rows ?? 24 };
    const cli = options.args ?? [];
    const [file, args] = options.thenStty
      ? ["/bin/sh", ["-c", `"$0" dist/cli.js "$@"; code=$?; printf '\\n%s\\n' '${EXIT_MARK}'; stty -a; exit $code`, process.execPath, ...cli]]
      : [process.execPath, ["dist/cli.js", ...cli]];
    this.pty = spawn(file, args, { name: "xterm-256color", ...size, cwd: options.packageRoot ?? root, env });
    this.pty.onData((data) => {
      this.output += data;
      this.lastDataAt = Date.now();
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((exit) => {
        this.exit = exit;
        resolve(exit);
      });
    });
  }

  /** All output so far without escape sequences. */
  plain(): string {
    return stripVTControlCharacters(this.output);
  }

  /** The latest frame as plain text, one string per row, trailing blanks trimmed. */
  screen(): string[] {
    let start = 0;
    for (const match of this.output.matchAll(FRAME_START)) start = match.index + match[0].length;
    const lines = stripVTControlCharacters(this.output.slice(start))
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+$/, ""));
    while (lines.length > 0 && lines.at(-1) === "") lines.pop();
    return lines;
  }

  /**
   * POSIX: the terminal's settings now, as `stty -a` prints them for this pty's device;
   * undefined where there is no such device (Windows).
   */
  terminalSettings(): string | undefined {
    const device = (this.pty as IPty & { ptsName?: string }).ptsName;
    if (process.platform === "win32" || !device) return undefined;
    const fd = openSync(device, constants.O_RDWR | constants.O_NOCTTY);
    try {
      return spawnSync("stty", ["-a"], { stdio: [fd, "pipe", "pipe"], encoding: "utf8" }).stdout;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Waits until the app reads keys one by one: Ink draws the first frame a moment (a few ms)
   * before it puts the terminal in raw mode, and a key typed in between is echoed by the
   * terminal and, for Enter, arrives as "\n", which Ink does not take for Enter. A person is
   * never that quick; a test is. POSIX: until `stty` shows canonical mode off. Elsewhere there
   * is no way to look from outside, so it leaves the app a moment.
   */
  async waitForKeys(timeoutMs = 30_000): Promise<void> {
    if (this.terminalSettings() === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return;
    }
    const deadline = Date.now() + timeoutMs;
    while (!this.terminalSettings()?.split(/\s+/).includes("-icanon")) {
      if (this.exit || Date.now() > deadline) throw new Error("the app never put the terminal in raw mode");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Types one key (or sequence) as the terminal would send it. */
  press(keys: string): void {
    this.pty.write(keys);
  }

  /**
   * Waits until the latest frame satisfies `check` (a text it contains, a pattern, or a
   * predicate over its rows), and returns it once the terminal has been quiet for a moment: a
   * frame can reach the pty in several reads, and its first rows may match before its last
   * arrive. Fails with the frame it last saw.
   */
  async waitFor(check: string | RegExp | ((rows: string[]) => boolean), timeoutMs = 30_000): Promise<string[]> {
    const matches = (rows: string[]) => {
      if (typeof check === "function") return check(rows);
      const text = rows.join("\n");
      return typeof check === "string" ? text.includes(check) : check.test(text);
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = this.screen();
      if (matches(rows)) {
        const settled = await this.quiet();
        if (matches(settled)) return settled;
        continue;
      }
      if (this.exit || Date.now() > deadline) {
        const why = this.exit ? `the app exited (${JSON.stringify(this.exit)})` : `${timeoutMs} ms passed`;
        throw new Error(`${why} before the screen showed ${String(check)}. Latest frame:\n${rows.join("\n")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The screen once no output has come for QUIET_MS (or after QUIET_LIMIT_MS of steady output). */
  private async quiet(): Promise<string[]> {
    const limit = Date.now() + QUIET_LIMIT_MS;
    while (Date.now() - this.lastDataAt < QUIET_MS && Date.now() < limit && !this.exit) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.screen();
  }

  /** Resolves with the exit once the process ends; kills it and fails after `timeoutMs`. */
  async waitForExit(timeoutMs = 30_000): Promise<PtyExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(new Error(`the app did not exit within ${timeoutMs} ms. Latest frame:\n${this.screen().join("\n")}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process if it still runs (after a failed assertion). */
  kill(): void {
    if (this.exit) return;
    try {
      this.pty.kill();
    } catch {
      // Already gone.
    }
  }
}

/** SGR parameters that set a foreground or background colour (not 39/49, which reset one). */
const COLOUR_PARAMETER = /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/;

/** Every SGR sequence in `output` that sets a colour, e.g. `ESC[36m`, `ESC[1;31m`, `ESC[38;5;208m`. */
export const colourSequences = (output: string): string[] =>
  [...output.matchAll(/\u001B\[([\d;]*)m/g)]
    .filter((match) => (match[1] ?? "").split(";").some((parameter) => COLOUR_PARAMETER.test(parameter)))
    .map((match) => match[0]);

/**
 * The DEC private modes (`ESC[?Nh` / `ESC[?Nl`) in `output`, each with the state it was left in:
 * `true` when the last sequence for it set it.
 */
export const privateModes = (output: string): Map<string, boolean> => {
  const modes = new Map<string, boolean>();
  for (const match of output.matchAll(/\u001B\[\?([\d;]+)([hl])/g)) {
    for (const mode of (match[1] ?? "").split(";")) modes.set(mode, match[2] === "h");
  }
  return modes;
};
