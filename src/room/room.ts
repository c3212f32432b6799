import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SandboxDataDirInUseError, startSandbox, type Sandbox } from "../sandbox/index";
import { handleRoomRequest, isRoomRequest, rateLimitersFor, type ApiContext } from "./api-routes";
import { RoomKeys } from "./credentials";
import { sendError } from "./http-json";
import { INSTRUCTOR_TOKEN_FILE, readInstructorToken, writeInstructorToken } from "./instructor-token";
import { PacingStreams } from "./pacing-streams";
import { handlePageRequest, isPageRequest } from "./page/page-routes";
import { PageStreams } from "./page/page-streams";
import { buildPageView } from "./page/page-view";
import { BucketCollisions, roomWorldView } from "./page/room-world";
import type { LiveQuestion, Pacing, PacingCommand, RoomLogRecord } from "./protocol";
import { DEFAULT_LIMITS, type RoomLimits } from "./rate-limit";
import { joinAddress } from "./room-address";
import { dropTornTail, readRoomLog, ROOM_LOG_FILE, RoomLogWriter } from "./room-log";
import { RoomService } from "./room-service";
import type { ReportWorkshop } from "./report/report-types";
import { RoomState } from "./room-state";
import type { RoomWorkshop } from "./room-workshop";
import { hashToken, newJoinCode, newToken } from "./tokens";

export const DEFAULT_ROOM_PORT = 7420;
/** The room sandbox's folder inside the room's. */
export const ROOM_SANDBOX_DIR = "sandbox";

export interface RoomOptions {
  workshop: RoomWorkshop;
  /** The room's folder: its log, the instructor token, the room sandbox's data. One room process per folder. */
  dataDir: string;
  /** Default 127.0.0.1; a LAN address (or 0.0.0.0) lets other laptops join. */
  host?: string;
  /** Default 7420; 0 picks a free port. */
  port?: number;
  now?: () => Date;
  /** Smaller limits for tests. */
  limits?: Partial<RoomLimits>;
  /** The s3-tutor version the room runs (said in hello and version mismatches). */
  version?: string;
  /** Things the instructor should know about the start (a torn log line dropped, a lost token replaced). */
  onNotice?: (notice: string) => void;
  /** The workshop's blocks and their hands-on steps, for the projector page's heat map (without it: the steps the room has heard of). */
  pageWorkshop?: ReportWorkshop;
  /** The questions the projector page's "ask" key takes, in order (the console's pool). */
  liveQuestions?: LiveQuestion[];
}

export interface Room {
  /** What participants type: "192.168.1.20:7420". */
  readonly address: string;
  /** http://host:port — the room sandbox and the API under /_room/. */
  readonly endpoint: string;
  /** The projector page, with the instructor token: open it in a browser on the instructor's screen. */
  readonly pageUrl: string;
  readonly code: string;
  readonly instructorToken: string;
  /** The room's folder (absolute). */
  readonly dataDir: string;
  readonly state: RoomState;
  readonly sandbox: Sandbox;
  /** Called after every record is applied (the console redraws); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  pace(command: PacingCommand): Promise<{ pacing: Pacing } | { refused: string }>;
  close(): Promise<void>;
}

export class RoomInUseError extends Error {
  constructor(readonly dataDir: string, readonly pid: number, readonly endpoint: string | undefined) {
    super(`Another room (process ${pid}${endpoint ? `, at ${endpoint}` : ""}) is serving ${dataDir}. Stop it first, or use it.`);
    this.name = "RoomInUseError";
  }
}

/** The room could not listen where it was asked: the port is taken, or the host is not this machine's. */
export class RoomListenError extends Error {
  constructor(readonly host: string, readonly port: number, readonly code: string) {
    super(
      code === "EADDRINUSE"
        ? `Port ${port} on ${host} is in use (another room, or another program); choose another port.`
        : code === "EADDRNOTAVAIL"
          ? `${host} is not an address of this machine; give one of its own (or 0.0.0.0 for all of them).`
          : `The room cannot listen on ${host}:${port} (${code}).`,
    );
    this.name = "RoomListenError";
  }
}

export class RoomWorkshopMismatchError extends Error {
  constructor(readonly dataDir: string, readonly held: string, readonly asked: string) {
    super(`${dataDir} holds the room of workshop "${held}", not "${asked}".`);
    this.name = "RoomWorkshopMismatchError";
  }
}

/**
 * Starts the room: reads its log back into the state (so a room killed with -9 comes back as it
 * was), starts the room sandbox on the port with the room API answered first, and opens the log.
 */
export const startRoom = async (options: RoomOptions): Promise<Room> => {
  const { workshop } = options;
  const dir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  const limits: RoomLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const notice = (text: string) => options.onNotice?.(text);
  await mkdir(dir, { recursive: true });

  // Read only, before the lock: a room already serving this folder is refused below, untouched.
  const logFile = join(dir, ROOM_LOG_FILE);
  const contents = await readRoomLog(logFile);
  const state = new RoomState(workshop.blocks);
  for (const record of contents.records) state.apply(record);
  if (state.workshopId && state.workshopId !== workshop.id) throw new RoomWorkshopMismatchError(dir, state.workshopId, workshop.id);
  const keys = new RoomKeys();
  for (const participant of state.participants.values()) keys.add(participant.target);

  const listeners = new Set<() => void>();
  const streams = new PacingStreams(limits);
  const collisions = new BucketCollisions();
  let sandbox: Sandbox | undefined;
  const pageStreams = new PageStreams(() =>
    buildPageView(state, options.pageWorkshop, now(), workshop.title, workshop.target === "room" && sandbox ? roomWorldView(sandbox.view(), collisions, state) : undefined, options.liveQuestions),
  );
  let writer: RoomLogWriter | undefined;
  const append = (records: RoomLogRecord[]) => (writer ? writer.append(records) : Promise.reject(new Error("the room's log is not open")));
  const service = new RoomService({ state, append, keys, workshop, version: options.version ?? "dev", now });
  let markReady!: () => void;
  let failStart!: (error: unknown) => void;
  const ready = new Promise<void>((done, failed) => {
    markReady = done;
    failStart = failed;
  });
  ready.catch(() => undefined);
  let instructorTokenHash = state.instructorTokenHash;
  const context: ApiContext = { service, state, streams, limits, instructorTokenHash: () => instructorTokenHash, ready };
  const limiters = rateLimitersFor(limits);

  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_ROOM_PORT;
  try {
    sandbox = await startSandbox({
      dataDir: join(dir, ROOM_SANDBOX_DIR),
      host,
      port,
      now,
      credentials: keys.lookup,
      // The page's S3 world: a changed bucket, a collision or a copy made is news (PageStreams throttles it).
      onRequest: (entry) => {
        if (collisions.record(entry) || (entry.method !== "GET" && entry.method !== "HEAD" && entry.status < 300)) pageStreams.changed();
      },
      onReplication: () => pageStreams.changed(),
      answerFirst: (request, response) => {
        if (isPageRequest(request)) {
          handlePageRequest(
            {
              streams: pageStreams,
              instructorTokenHash: () => instructorTokenHash,
              perAddress: limiters.perAddress,
              ready,
              live: { state, pool: options.liveQuestions, pace: (command) => service.pace(command) },
            },
            request,
            response,
          ).catch(
            (error: unknown) => sendError(response, error),
          );
          return true;
        }
        if (!isRoomRequest(request.url)) return false;
        handleRoomRequest(context, limiters, request, response).catch((error: unknown) => sendError(response, error));
        return true;
      },
    });
  } catch (error) {
    streams.close();
    pageStreams.close();
    if (error instanceof SandboxDataDirInUseError) throw new RoomInUseError(dir, error.pid, error.endpoint);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EADDRNOTAVAIL" || code === "EACCES") throw new RoomListenError(host, port, code);
    throw error;
  }

  let instructorToken: string;
  try {
    if (contents.wholeBytes < contents.fileBytes) {
      await dropTornTail(logFile, contents);
      notice(`The room's log ended in a record cut short (the room was stopped mid-write); it was dropped (${contents.fileBytes - contents.wholeBytes} bytes). Nothing acknowledged was lost.`);
    }
    writer = await RoomLogWriter.open(logFile, (records) => {
      let pacingChanged = false;
      for (const record of records) {
        state.apply(record);
        if (record.type === "pacing" || record.type === "opened") pacingChanged = true;
      }
      if (pacingChanged) streams.publish(state.pacing);
      pageStreams.changed();
      for (const listener of listeners) {
        try {
          listener();
        } catch {
          // A failing listener (a console bug) must not stop the room from acknowledging.
        }
      }
    });
    const tokenFile = join(dir, INSTRUCTOR_TOKEN_FILE);
    if (!state.openedAt) {
      instructorToken = newToken();
      instructorTokenHash = hashToken(instructorToken);
      await writeInstructorToken(tokenFile, instructorToken);
      await writer.append([{ type: "opened", at: now().toISOString(), workshopId: workshop.id, code: newJoinCode(), instructorTokenHash }]);
    } else {
      const kept = await readInstructorToken(tokenFile);
      if (kept && hashToken(kept) === state.instructorTokenHash) instructorToken = kept;
      else {
        // The log holds only the hash: a lost token can only be replaced.
        instructorToken = newToken();
        instructorTokenHash = hashToken(instructorToken);
        await writeInstructorToken(tokenFile, instructorToken);
        notice(`The instructor token in ${tokenFile} was missing or changed; a new one was made there.`);
      }
    }
    markReady();
  } catch (error) {
    failStart(error);
    streams.close();
    pageStreams.close();
    await sandbox.close();
    await writer?.close().catch(() => undefined);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    address: joinAddress(sandbox.host, sandbox.port),
    endpoint: sandbox.endpoint,
    pageUrl: `${sandbox.endpoint}/?token=${encodeURIComponent(instructorToken)}`,
    code: state.code,
    instructorToken,
    dataDir: dir,
    state,
    sandbox,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pace: (command) => service.pace(command),
    close: () => {
      closing ??= (async () => {
        streams.close();
        pageStreams.close();
        await sandbox.close();
        await writer?.close();
      })();
      return closing;
    },
  };
};
