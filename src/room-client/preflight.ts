import { ROOM_PROTOCOL, type HelloResponse, type PreflightResult } from "../room/protocol";
import { roomBaseUrl } from "./address";
import { helloRoom } from "./hello";
import { RoomJoinError } from "./room-errors";

/** The oldest Node.js s3-tutor supports: package.json's `engines` (a test keeps them equal). */
export const MIN_NODE_MAJOR = 22;
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** SigV4 refuses requests signed more than 15 minutes away from the server's clock. */
export const MAX_SKEW_MS = 15 * 60_000;
/** Worth a note: not refused yet, but drifting. */
export const NOTE_SKEW_MS = 60_000;

/** What the pre-flight looks at on this laptop; injectable so tests can play any laptop. */
export interface Laptop {
  nodeVersion: string;
  isTTY: boolean;
  columns?: number;
  rows?: number;
  env: NodeJS.ProcessEnv;
  /** The terminal's colour depth in bits (1, 4, 8, 24), as Node tells it. */
  colourDepth?: number;
  now: () => Date;
}

export const thisLaptop = (): Laptop => ({
  nodeVersion: process.versions.node,
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  ...(process.stdout.rows ? { rows: process.stdout.rows } : {}),
  env: process.env,
  ...(process.stdout.isTTY ? { colourDepth: process.stdout.getColorDepth() } : {}),
  now: () => new Date(),
});

export interface PreflightReport {
  checks: PreflightResult[];
  /** The room's hello, when it answered as a room. */
  hello?: HelloResponse;
  ok: boolean;
}

/** The participant's pre-flight: this laptop, then the room at `address` (reachable, clock, version). */
export const runPreflight = async (address: string, code: string, version: string, laptop: Laptop = thisLaptop()): Promise<PreflightReport> => {
  const checks: PreflightResult[] = [nodeCheck(laptop), sizeCheck(laptop), colourCheck(laptop)];
  let hello: HelloResponse | undefined;
  try {
    hello = await helloRoom(address, roomBaseUrl(address));
    checks.push({ name: "Room reachable", ok: true, detail: `${hello.workshop.title} at ${address}` });
  } catch (error) {
    const detail = error instanceof RoomJoinError ? `${error.message} ${error.fix}` : (error as Error).message;
    checks.push({ name: "Room reachable", ok: false, detail });
  }
  if (hello) checks.push(skewCheck(hello, laptop), versionCheck(hello, address, code, version));
  return { checks, ...(hello ? { hello } : {}), ok: checks.every((check) => check.ok) };
};

const nodeCheck = ({ nodeVersion }: Laptop): PreflightResult => {
  const major = Number(nodeVersion.split(".")[0]);
  return major >= MIN_NODE_MAJOR
    ? { name: "Node.js", ok: true, detail: `${nodeVersion} (${MIN_NODE_MAJOR} or later needed)` }
    : { name: "Node.js", ok: false, detail: `${nodeVersion} is too old: s3-tutor needs Node.js ${MIN_NODE_MAJOR} or later (https://nodejs.org)` };
};

const sizeCheck = ({ isTTY, columns, rows }: Laptop): PreflightResult => {
  if (!isTTY || !columns || !rows) return { name: "Terminal size", ok: false, detail: "not a terminal: run this in the terminal you will use for the workshop" };
  const size = `${columns}×${rows}`;
  return columns >= MIN_COLUMNS && rows >= MIN_ROWS
    ? { name: "Terminal size", ok: true, detail: `${size} (${MIN_COLUMNS}×${MIN_ROWS} or larger needed)` }
    : { name: "Terminal size", ok: false, detail: `${size} is too small: make the window at least ${MIN_COLUMNS} columns by ${MIN_ROWS} rows` };
};

const colourCheck = ({ env, colourDepth }: Laptop): PreflightResult => {
  // NO_COLOR is a choice the app honours (marks and words carry every meaning): not a failure.
  if (env.NO_COLOR) return { name: "Colours", ok: true, detail: "off (NO_COLOR is set); the app shows marks and words instead" };
  if (colourDepth === undefined) return { name: "Colours", ok: false, detail: "unknown: not a terminal" };
  const colours = 2 ** colourDepth;
  return colourDepth >= 4
    ? { name: "Colours", ok: true, detail: colourDepth >= 24 ? "true colour" : `${colours} colours` }
    : { name: "Colours", ok: false, detail: "this terminal shows no colours; use another terminal, or set NO_COLOR=1 to use it without" };
};

/** Exported for its wording: minutes and seconds either way. */
export const skewCheck = (hello: HelloResponse, laptop: Laptop): PreflightResult => {
  const skewMs = laptop.now().getTime() - Date.parse(hello.serverTime);
  if (Number.isNaN(skewMs)) return { name: "Clock", ok: false, detail: `the room sent a time that is not a date: ${JSON.stringify(hello.serverTime)}` };
  const words = `your clock is ${duration(Math.abs(skewMs))} ${skewMs >= 0 ? "ahead of" : "behind"} the room's`;
  if (Math.abs(skewMs) > MAX_SKEW_MS) {
    return { name: "Clock", ok: false, detail: `${words}: AWS signatures are refused beyond 15 minutes. Set your clock to the right time (turn on automatic time).` };
  }
  if (Math.abs(skewMs) > NOTE_SKEW_MS) return { name: "Clock", ok: true, detail: `${words} (fine below 15 minutes; worth setting right)` };
  return { name: "Clock", ok: true, detail: "in step with the room's" };
};

const versionCheck = (hello: HelloResponse, address: string, code: string, version: string): PreflightResult =>
  hello.protocol === ROOM_PROTOCOL
    ? { name: "Version", ok: true, detail: hello.version === version ? `s3-tutor ${version}, as the room` : `s3-tutor ${version}; the room runs ${hello.version} (compatible)` }
    : {
        name: "Version",
        ok: false,
        detail: `the room runs s3-tutor ${hello.version} (protocol ${hello.protocol}), you have ${version} (protocol ${ROOM_PROTOCOL}): run npx s3-tutor@${hello.version} join ${address} --code ${code}`,
      };

const duration = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
};

/** The list as the terminal shows it: ✓ or ✗, the name, and the detail. */
export const preflightLines = (checks: readonly PreflightResult[]): string[] => checks.map((check) => `${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
