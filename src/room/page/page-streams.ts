import type { ServerResponse } from "node:http";
import { RoomApiError } from "../http-json";

/** At most this many updates a second reach the page, however fast the room changes. */
export const PAGE_UPDATES_PER_SECOND = 4;
/** The view is sent again this often without a change: the agenda clock and "N min on this step" move with time. */
const REFRESH_MS = 20_000;
/** Projectors and a spare laptop or two: a handful of pages, not a crowd. */
const MAX_PAGE_STREAMS = 20;

/**
 * The projector pages' server-sent events: the room's view on connect, then after each change, no
 * more often than PAGE_UPDATES_PER_SECOND (changes in between are folded into the next update).
 */
export class PageStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly refresh: NodeJS.Timeout;
  private pending: NodeJS.Timeout | undefined;
  private lastSentAt = 0;

  constructor(private readonly view: () => unknown) {
    this.refresh = setInterval(() => this.send(), REFRESH_MS);
    this.refresh.unref();
  }

  add(response: ServerResponse): void {
    if (this.open.size >= MAX_PAGE_STREAMS) {
      throw new RoomApiError(429, "RateLimited", `The room serves at most ${MAX_PAGE_STREAMS} pages at once; close one.`, { "retry-after": "60" });
    }
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    response.socket?.setNoDelay(true);
    this.open.add(response);
    response.on("close", () => this.open.delete(response));
    response.write(viewEvent(this.view()));
  }

  /** The room changed: an update now, or at the next free slot. */
  changed(): void {
    if (this.pending || this.open.size === 0) return;
    const wait = Math.max(0, this.lastSentAt + 1000 / PAGE_UPDATES_PER_SECOND - Date.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.send();
    }, wait);
  }

  close(): void {
    clearInterval(this.refresh);
    clearTimeout(this.pending);
    for (const stream of [...this.open]) stream.end();
    this.open.clear();
  }

  private send(): void {
    if (this.open.size === 0) return;
    this.lastSentAt = Date.now();
    const chunk = viewEvent(this.view());
    for (const stream of [...this.open]) {
      // A page that stopped reading is dropped rather than buffered for without end.
      if (stream.writableLength > 1024 * 1024) {
        this.open.delete(stream);
        stream.end();
      } else stream.write(chunk);
    }
  }
}

const viewEvent = (view: unknown): string => `event: view\ndata: ${JSON.stringify(view)}\n\n`;
