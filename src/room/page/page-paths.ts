import { ROOM_PATHS } from "../protocol";

/** The page's script: served by the room (no inline script under the page's CSP). */
export const PAGE_SCRIPT_PATH = ROOM_PATHS.pageScript;
/** The page's server-sent events (a PageView on connect and on change). */
export const PAGE_STREAM_PATH = ROOM_PATHS.pageStream;
/** The cookie that carries the instructor token for the page (HttpOnly, SameSite=Strict). */
export const PAGE_COOKIE = "s3tutor_instructor";
/** The page's live-quiz keys post here (ask the next question, reveal). */
export const PAGE_LIVE_PATH = ROOM_PATHS.pageLive;
/** Page POSTs must carry this header: a cross-site form cannot set it (the cookie is SameSite=Strict as well). */
export const PAGE_POST_HEADER = "x-s3-tutor-page";
