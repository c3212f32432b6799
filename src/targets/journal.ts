import { z } from "zod";
import { writeJsonAtomic } from "../store/atomic-write";
import { readJsonFile } from "../store/json-file";
import { targetStateFile } from "./target-state";
import type { TargetName } from "./target";

const entrySchema = z.object({
  kind: z.enum(["bucket", "role"]),
  name: z.string().min(1),
  /** The account that owns it; cleanup only touches entries of the account it runs as. */
  account: z.string(),
  /** Buckets only: where it was created (cleanup asks S3 again before removing it). */
  region: z.string().optional(),
  /** Set when the target pointed at another endpoint (tests against the sandbox). */
  endpoint: z.string().optional(),
  prefix: z.string(),
  journaledAt: z.string(),
});

const fileSchema = z.object({ version: z.literal(1), resources: z.array(entrySchema) });

export type JournalEntry = z.infer<typeof entrySchema>;
export type ResourceKind = JournalEntry["kind"];

/** Role names are unique without regard to case; bucket names are lowercase anyway. */
const sameResource = (a: JournalEntry, b: JournalEntry): boolean =>
  a.kind === b.kind && a.account === b.account && a.endpoint === b.endpoint && a.name.toLowerCase() === b.name.toLowerCase();

/** "bucket s3t-k3j9x2-data (eu-west-1)" or "role s3t-k3j9x2-replication". */
export const describeEntry = (entry: Pick<JournalEntry, "kind" | "name" | "region">): string =>
  entry.kind === "bucket" ? `bucket ${entry.name}${entry.region ? ` (${entry.region})` : ""}` : `role ${entry.name}`;

/**
 * Everything the tutorial created (or is about to create) on a real account, written before
 * the resource exists so that a crash or Ctrl-C never leaves something `cleanup` cannot find.
 * Every change reads the file afresh and rewrites it atomically.
 */
export class CleanupJournal {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly notice: (message: string) => void,
  ) {}

  static forTarget(target: TargetName, notice: (message: string) => void): CleanupJournal {
    return new CleanupJournal(targetStateFile(target, "journal.json"), notice);
  }

  /** What is journaled now. A corrupt file is moved aside and reported through `notice`. */
  entries(): Promise<JournalEntry[]> {
    return this.serially(() => this.read());
  }

  /** Adds the entry unless it is there already; true when it was new. */
  add(entry: JournalEntry): Promise<boolean> {
    return this.serially(async () => {
      const entries = await this.read();
      if (entries.some((existing) => sameResource(existing, entry))) return false;
      await this.write([...entries, entry]);
      return true;
    });
  }

  /** Replaces the entry for the same resource (e.g. to correct a bucket's region). */
  update(entry: JournalEntry): Promise<void> {
    return this.serially(async () => {
      const entries = await this.read();
      await this.write(entries.map((existing) => (sameResource(existing, entry) ? entry : existing)));
    });
  }

  remove(entry: JournalEntry): Promise<void> {
    return this.serially(async () => {
      const entries = await this.read();
      const kept = entries.filter((existing) => !sameResource(existing, entry));
      if (kept.length !== entries.length) await this.write(kept);
    });
  }

  private async read(): Promise<JournalEntry[]> {
    const file = await readJsonFile(this.path, (value) => fileSchema.parse(value));
    if (file.status === "ok") return file.value.resources;
    if (file.status === "corrupt") {
      this.notice(
        `The cleanup journal could not be read, so it was moved to ${file.movedTo}. ` +
          `Resources it listed are no longer removed by s3-tutor cleanup: find them by their "s3-tutor" tag and delete them by hand.`,
      );
    }
    return [];
  }

  private write(entries: JournalEntry[]): Promise<void> {
    return writeJsonAtomic(this.path, { version: 1, resources: entries });
  }

  /** One change at a time within this process, so concurrent calls never lose an entry. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
