import type { ObjectStore } from "../world/object-store";
import type { World } from "../world/world";

/**
 * The next page of a listing, written while the client still reads the page before it. A
 * listing's pages come one after another (each needs the token the last one gave), and a client
 * spends several times longer reading a 1,000-key page than the sandbox takes to write it; so
 * right after answering a page that has a next one, the sandbox writes that one in the idle time
 * and answers it from here when it is asked for.
 *
 * A prepared page is only served while its bucket has not changed since it was written (the
 * store's generation): any write, delete or change in place in between, and the page is written
 * afresh. At most MAX_PAGES are held per sandbox (oldest dropped first), each one response body.
 */
export interface PreparedPage {
  /** The response body; a page written ahead is already encoded, so answering it costs no more than sending it. */
  body: string | Buffer;
  /** The token of the page after it, if there is one. */
  nextToken?: string;
}

interface Held {
  page: PreparedPage;
  store: ObjectStore;
  generation: number;
  request: string;
}

/** Listings in flight at once that each keep their next page: a few clients listing the same or different buckets. */
export const MAX_PAGES = 4;

interface Job {
  store: ObjectStore;
  request: string;
}

export class PagePrefetch {
  private held: Held[] = [];
  /** Pages to write at the next idle moment; one asked for before then is written by its request instead. */
  private pending: Job[] = [];

  /** The page prepared for this request (see pageRequest), if the bucket is unchanged since; it is handed out once. */
  take(store: ObjectStore, request: string): PreparedPage | undefined {
    const same = (job: Job) => job.store === store && job.request === request;
    this.pending = this.pending.filter((job) => !same(job));
    const at = this.held.findIndex(same);
    if (at === -1) return undefined;
    const [held] = this.held.splice(at, 1);
    return held!.generation === store.generation ? held!.page : undefined;
  }

  /**
   * Writes a page once the sandbox is idle (the answer just made already handed to its socket), unless the
   * bucket changed before then. `write` must give what a request for it would be answered now.
   */
  prepare(store: ObjectStore, request: string, write: () => PreparedPage): void {
    const generation = store.generation;
    const job: Job = { store, request };
    this.pending.push(job);
    setImmediate(() => {
      const at = this.pending.indexOf(job);
      if (at === -1) return;
      this.pending.splice(at, 1);
      if (store.generation !== generation) return;
      let page: PreparedPage;
      try {
        page = write();
      } catch {
        // Nothing is prepared: the request for this page writes it itself and answers any error as it would have.
        return;
      }
      this.held = this.held.filter((held) => !(held.store === store && held.request === request));
      this.held.push({ page, store, generation, request });
      if (this.held.length > MAX_PAGES) this.held.shift();
    });
  }

  /** How many pages are held (for tests). */
  get size(): number {
    return this.held.length;
  }
}

const prefetches = new WeakMap<World, PagePrefetch>();

/** The sandbox's own prefetch: pages live and die with its world. */
export const prefetchOf = (world: World): PagePrefetch => {
  let prefetch = prefetches.get(world);
  if (!prefetch) prefetches.set(world, (prefetch = new PagePrefetch()));
  return prefetch;
};

/** Everything a ListObjectsV2 answer depends on besides the bucket's contents, as one string. */
export const pageRequest = (fields: readonly (string | number | boolean | undefined)[]): string =>
  JSON.stringify(fields.map((field) => field ?? null));
