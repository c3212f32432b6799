import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RoomApiError, sendError } from "../http-json";
import type { RateLimiter } from "../rate-limit";
import { hashToken, sameHash } from "../tokens";
import { pageCsp, pageHtml, refusedPageHtml } from "./page-html";
import { pageLiveCommand, type PageLive } from "./page-live";
import { PAGE_COOKIE, PAGE_LIVE_PATH, PAGE_POST_HEADER, PAGE_SCRIPT_PATH, PAGE_STREAM_PATH } from "./page-paths";
import { PAGE_SCRIPT } from "./page-script";
import type { PageStreams } from "./page-streams";

/**
 * The projector page on the room's port. `/` is also S3's ListBuckets, so only a browser's GET /
 * is the page's: no Authorization header, and no query but `token` (a presigned ListBuckets carries
 * X-Amz-* or SigV2's AWSAccessKeyId/Signature; an unsigned one would be refused by the sandbox anyway).
 */

export interface PageContext {
  streams: PageStreams;
  instructorTokenHash: () => string;
  /** Requests without a valid token count against their address (a guessed token costs). */
  perAddress: RateLimiter;
  ready: Promise<void>;
  live: PageLive;
}

export const isPageRequest = (request: IncomingMessage): boolean => {
  if (request.method === "POST") return (request.url ?? "").split("?", 1)[0] === PAGE_LIVE_PATH;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const [path = "", query = ""] = (request.url ?? "").split("?", 2);
  if (path === PAGE_SCRIPT_PATH || path === PAGE_STREAM_PATH) return true;
  if (path !== "/" || request.headers.authorization !== undefined) return false;
  return [...new URLSearchParams(query).keys()].every((key) => key === "token");
};

/** Answers one page request; never throws. */
export const handlePageRequest = async (context: PageContext, request: IncomingMessage, response: ServerResponse): Promise<void> => {
  response.on("error", () => undefined);
  try {
    await context.ready;
    const [path = "", query = ""] = (request.url ?? "").split("?", 2);
    if (path === PAGE_SCRIPT_PATH) return sendText(response, 200, "text/javascript; charset=utf-8", PAGE_SCRIPT, { "cache-control": "no-cache" });
    if (path === PAGE_LIVE_PATH) return await pageLive(context, request, response, query);
    if (path === PAGE_STREAM_PATH) {
      if (!isInstructor(context, request, cookieToken(request) ?? bearerToken(request))) {
        throw new RoomApiError(401, "Unauthorized", "The page's stream needs the instructor token (open the page with /?token=…).");
      }
      // HEAD has no body, so it could never carry an event: the headers alone, then the end.
      if (request.method === "HEAD") return sendText(response, 200, "text/event-stream; charset=utf-8", "", { "cache-control": "no-store" });
      return context.streams.add(response);
    }
    const offered = new URLSearchParams(query).get("token");
    if (offered !== null) {
      if (!isInstructor(context, request, offered)) return refuse(response, true);
      // The token leaves the address bar (and the history) for a cookie scripts cannot read.
      response.writeHead(303, {
        location: "/",
        "set-cookie": `${PAGE_COOKIE}=${encodeURIComponent(offered)}; Path=/; HttpOnly; SameSite=Strict`,
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      });
      response.end();
      return;
    }
    if (!isInstructor(context, request, cookieToken(request))) return refuse(response, false);
    const nonce = randomBytes(16).toString("base64");
    sendText(response, 200, "text/html; charset=utf-8", pageHtml(nonce), { "content-security-policy": pageCsp(nonce) });
  } catch (error) {
    sendError(response, error);
  }
};

/**
 * A live-quiz key on the page: the instructor cookie (SameSite=Strict) and a header no cross-site
 * form can send, so another site cannot ask or reveal through the instructor's browser.
 */
const pageLive = async (context: PageContext, request: IncomingMessage, response: ServerResponse, query: string): Promise<void> => {
  if (request.method !== "POST") throw new RoomApiError(405, "MethodNotAllowed", "The page's live-quiz keys POST here.");
  if (request.headers[PAGE_POST_HEADER] !== "1") throw new RoomApiError(403, "Forbidden", `The page's POSTs carry the header ${PAGE_POST_HEADER}: 1.`);
  if (!isInstructor(context, request, cookieToken(request))) {
    throw new RoomApiError(401, "Unauthorized", "The page's keys need the instructor token (open the page with /?token=…).");
  }
  // The body is not read: the action is in the query; drain it so the connection stays usable.
  request.resume();
  const command = pageLiveCommand(context.live, new URLSearchParams(query).get("action"));
  const outcome = "refused" in command ? command : await context.live.pace(command);
  if ("refused" in outcome) throw new RoomApiError(400, "BadRequest", `The room cannot do that: ${outcome.refused}.`);
  sendText(response, 200, "application/json; charset=utf-8", JSON.stringify(outcome.pacing));
};

const isInstructor = (context: PageContext, request: IncomingMessage, token: string | undefined): boolean => {
  if (token && token.length <= 200 && sameHash(hashToken(token), context.instructorTokenHash())) return true;
  const wait = context.perAddress.take(request.socket.remoteAddress ?? "unknown");
  if (wait > 0) throw new RoomApiError(429, "RateLimited", `Too many requests from this address; wait ${wait} s and try again.`, { "retry-after": String(wait) });
  return false;
};

const refuse = (response: ServerResponse, wrongToken: boolean): void => {
  const nonce = randomBytes(16).toString("base64");
  sendText(response, 401, "text/html; charset=utf-8", refusedPageHtml(nonce, wrongToken), { "content-security-policy": pageCsp(nonce) });
};

const cookieToken = (request: IncomingMessage): string | undefined => {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === PAGE_COOKIE && value) {
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

const bearerToken = (request: IncomingMessage): string | undefined => /^Bearer +(\S{1,200})$/i.exec(request.headers.authorization ?? "")?.[1];

const sendText = (response: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, {
    "content-type": type,
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...headers,
  });
  response.end(response.req?.method === "HEAD" ? undefined : text);
};
