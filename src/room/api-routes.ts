import type { IncomingMessage, ServerResponse } from "node:http";
import { ROOM_API_PREFIX, ROOM_PATHS } from "./protocol";
import type { RoomState } from "./room-state";
import { readJsonBody, RoomApiError, sendError, sendJson } from "./http-json";
import type { PacingStreams } from "./pacing-streams";
import { RateLimiter, type RoomLimits } from "./rate-limit";
import type { RoomService } from "./room-service";
import { hashToken, sameHash } from "./tokens";
import { claimedProtocol, eventBatchParser, parseJoinRequest, parseLiveAnswer, parsePacingCommand } from "./wire-schemas";

/**
 * The room API over node:http: a fixed table of eight paths, each with its method, who may call it
 * and its handler. A table rather than a router package: there are no path parameters to match, and
 * the order of checks (rate limit, token, body limits) is the security of the room, so it stays in view.
 */

export interface ApiContext {
  service: RoomService;
  state: RoomState;
  streams: PacingStreams;
  limits: RoomLimits;
  /** The instructor token's hash (it can be replaced when its file was lost). */
  instructorTokenHash: () => string;
  /** Settles once the log is loaded: a request that comes while the room starts waits for it. */
  ready: Promise<void>;
}

type Caller = { kind: "anyone" } | { kind: "participant"; id: string; tokenHash: string } | { kind: "instructor" };
type Access = Caller["kind"];

interface Route {
  method: "GET" | "POST";
  access: Access;
  handle(context: ApiContext, request: IncomingMessage, response: ServerResponse, caller: Caller): Promise<void> | void;
}

const participantId = (caller: Caller): string => {
  if (caller.kind !== "participant") throw new Error("route table: a participant route got another caller");
  return caller.id;
};

/** A join's or a pacing command's body: small. */
const smallBody = (context: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<unknown> =>
  readJsonBody(request, response, context.limits.maxSmallBodyBytes, context.limits.bodyTimeoutMs);

const ROUTES: Record<string, Route> = {
  [ROOM_PATHS.hello]: {
    method: "GET",
    access: "anyone",
    handle: (context, _request, response) => sendJson(response, 200, context.service.hello()),
  },
  [ROOM_PATHS.join]: {
    method: "POST",
    access: "anyone",
    handle: async (context, request, response) => {
      const body = await smallBody(context, request, response);
      const protocol = claimedProtocol(body);
      if (typeof protocol === "number") context.service.checkProtocol(protocol, (body as { version?: unknown }).version);
      sendJson(response, 200, await context.service.join(parseJoinRequest(body)));
    },
  },
  [ROOM_PATHS.events]: {
    method: "POST",
    access: "participant",
    handle: async (context, request, response, caller) => {
      const body = await readJsonBody(request, response, context.limits.maxEventsBodyBytes, context.limits.bodyTimeoutMs, "send fewer events at a time");
      const count = (body as { events?: unknown } | null)?.events;
      if (Array.isArray(count) && count.length > context.limits.maxBatchEvents) {
        throw new RoomApiError(413, "TooLarge", `A batch holds at most ${context.limits.maxBatchEvents} events (this one has ${count.length}); send the rest in another.`);
      }
      const batch = eventBatchParser(context.limits.maxBatchEvents)(body);
      sendJson(response, 200, await context.service.postEvents(participantId(caller), batch));
    },
  },
  [ROOM_PATHS.me]: {
    method: "GET",
    access: "participant",
    handle: (context, _request, response, caller) => sendJson(response, 200, context.service.view(participantId(caller))),
  },
  [ROOM_PATHS.stream]: {
    method: "GET",
    access: "participant",
    handle: (context, _request, response, caller) => context.streams.add(participantId(caller), response, context.state.pacing),
  },
  [ROOM_PATHS.state]: {
    method: "GET",
    access: "instructor",
    handle: (context, _request, response) => sendJson(response, 200, context.state.snapshot()),
  },
  [ROOM_PATHS.pacing]: {
    method: "POST",
    access: "instructor",
    handle: async (context, request, response) => {
      const outcome = await context.service.pace(parsePacingCommand(await smallBody(context, request, response)));
      if ("refused" in outcome) throw new RoomApiError(400, "BadRequest", `The room cannot do that: ${outcome.refused}.`);
      sendJson(response, 200, outcome.pacing);
    },
  },
  [ROOM_PATHS.liveAnswer]: {
    method: "POST",
    access: "participant",
    handle: async (context, request, response, caller) => {
      const answer = parseLiveAnswer(await smallBody(context, request, response));
      sendJson(response, 200, await context.service.liveAnswer(participantId(caller), answer));
    },
  },
};

/** Whether a request is for the room API rather than the sandbox (no bucket name starts with "_"). */
export const isRoomRequest = (url: string | undefined): boolean => (url ?? "").startsWith(ROOM_API_PREFIX) || (url ?? "") === ROOM_API_PREFIX.slice(0, -1);

/** The limiters of one room. */
export interface RoomRateLimiters {
  join: RateLimiter;
  events: RateLimiter;
  perAddress: RateLimiter;
  perToken: RateLimiter;
}

export const rateLimitersFor = (limits: RoomLimits): RoomRateLimiters => ({
  join: new RateLimiter(limits.join),
  events: new RateLimiter(limits.events),
  perAddress: new RateLimiter(limits.perAddress),
  perToken: new RateLimiter(limits.perToken),
});

const limit = (limiter: RateLimiter, key: string, what: string): void => {
  const wait = limiter.take(key);
  if (wait > 0) {
    throw new RoomApiError(429, "RateLimited", `Too many ${what}; wait ${wait} s and try again.`, { "retry-after": String(wait) });
  }
};

/** Answers one room API request; never throws, never leaves it unanswered. */
export const handleRoomRequest = async (
  context: ApiContext,
  limiters: RoomRateLimiters,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  response.on("error", () => undefined);
  try {
    await context.ready;
    const address = request.socket.remoteAddress ?? "unknown";
    const path = (request.url ?? "").split("?")[0] ?? "";
    const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (!route) {
      limit(limiters.perAddress, address, "requests from this address");
      throw new RoomApiError(404, "NotFound", `The room API has no ${path.slice(0, 100)}.`);
    }
    if (request.method !== route.method) {
      limit(limiters.perAddress, address, "requests from this address");
      throw new RoomApiError(405, "MethodNotAllowed", `${path} takes ${route.method}, not ${String(request.method).slice(0, 20)}.`, { allow: route.method });
    }
    const caller = identify(context, limiters, request, route.access, address);
    if (route === ROUTES[ROOM_PATHS.join]) limit(limiters.join, address, "joins from this address");
    if (caller.kind === "participant") {
      const limiter = route === ROUTES[ROOM_PATHS.events] ? limiters.events : limiters.perToken;
      limit(limiter, caller.tokenHash, "requests with this token");
    } else if (caller.kind === "instructor") {
      limit(limiters.perToken, "instructor", "requests with the instructor token");
    }
    await route.handle(context, request, response, caller);
  } catch (error) {
    // What was not read of the body is not waited for: the connection closes after the answer.
    if (!request.complete && !response.headersSent) response.setHeader("connection", "close");
    sendError(response, error);
  }
};

/** Who is asking, or a 401/403 said plainly. Requests without a valid token count against their address. */
const identify = (context: ApiContext, limiters: RoomRateLimiters, request: IncomingMessage, access: Access, address: string): Caller => {
  if (access === "anyone") {
    limit(limiters.perAddress, address, "requests from this address");
    return { kind: "anyone" };
  }
  const token = /^Bearer +(\S{1,200})$/i.exec(request.headers.authorization ?? "")?.[1];
  if (!token) {
    limit(limiters.perAddress, address, "requests from this address");
    throw new RoomApiError(401, "Unauthorized", "This request needs the token the room gave you when you joined (Authorization: Bearer <token>).", {
      "www-authenticate": "Bearer",
    });
  }
  const tokenHash = hashToken(token);
  const participant = context.state.tokenOwners.get(tokenHash);
  const caller: Caller | undefined = participant
    ? { kind: "participant", id: participant, tokenHash }
    : sameHash(tokenHash, context.instructorTokenHash())
      ? { kind: "instructor" }
      : undefined;
  if (!caller) {
    limit(limiters.perAddress, address, "requests from this address");
    throw new RoomApiError(401, "Unauthorized", "This room does not know that token. Join the room again.", { "www-authenticate": "Bearer" });
  }
  if (caller.kind !== access) {
    throw new RoomApiError(
      403,
      "Forbidden",
      access === "instructor" ? "Only the instructor can do this." : "This is a participant's request; the instructor token is not a participant's.",
    );
  }
  return caller;
};
