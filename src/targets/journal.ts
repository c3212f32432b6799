import { rename } from "node:fs/promises";
import { z } from "zod";
import { readJsonFile } from "../store/json-file";
import { appendLine, readLines } from "./append-only-file";
import { targetStateFile } from "./target-state";
import type { TargetName } from "./target";

const resourceFields = {
  kind: z.enum(["bucket", "role"]),
  name: z.string().min(1),
  /** The account that owns it; cleanup only touches entries of the account it runs as. */
  account: z.string(),
  /** Buckets only: where it was created (cleanup asks S3 again before removing it). */
  region: z.string().optional(),
  /** Set when the target pointed at another endpoint (tests against the sandbox). */
  endpoint: z.string().optional(),
  /** The session prefix, which is also the value of the s3-tutor tag it carries. */
  prefix: z.string(),
  journaledAt: z.string(),
};

/**
 * creating: written before the CreateBucket/CreateRole is sent (expected to fail or not);
 * created: s3-tutor's own create made it (it did not exist just before); gone: removed, or
 * the create made nothing of ours. The last line about a resource says where it stands.
 */
const entrySchema = z.object({ ...resourceFields, state: z.enum(["creating", "created", "gone"]) });

/** journal.json, before the journal became one line per change. */
const legacyFileSchema = z.object({ version: z.literal(1), resources: z.array(z.object(resourceFields)) });

export type JournalEntry = z.infer<typeof entrySchema>;
export type ResourceKind = JournalEntry["kind"];
export type JournalState = JournalEntry["state"];
/** What names one resource of one account (at one endpoint). */
export type JournalKey = Pick<JournalEntry, "kind" | "name" | "account" | "endpoint">;

/** Role names are unique without regard to case; bucket names are lowercase anyway. */
const keyOf = (entry: JournalKey): string => JSON.stringify([entry.kind, entry.account, entry.endpoint ?? "", entry.name.toLowerCase()]);

/** "bucket s3t-k3j9x2-data (eu-west-1)" or "role s3t-k3j9x2-replication". */
export const describeEntry = (entry: Pick<JournalEntry, "kind" | "name" | "region">): string =>
  entry.kind === "bucket" ? `bucket ${entry.name}${entry.region ? ` (${entry.region})` : ""}` : `role ${entry.name}`;

/**
 * Everything the tutorial created (or is about to create) on a real account, written before
 * the resource exists so that a crash or Ctrl-C never leaves something `cleanup` cannot find.
 * One append-only file, `journal.jsonl`: every change is one more line, appended whole (see
 * append-only-file.ts), so any number of s3-tutor processes may write at once and none loses
 * another's line. The old `journal.json` is read once, carried over, and renamed.
 */
export class CleanupJournal {
  private migration: Promise<void> | undefined;
  private readonly reportedLines = new Set<number>();

  constructor(
    readonly path: string,
    private readonly notice: (message: string) => void,
    /** The journal.json of earlier versions, carried over on first use. */
    private readonly legacyPath?: string,
  ) {}

  static forTarget(target: TargetName, notice: (message: string) => void): CleanupJournal {
    return new CleanupJournal(targetStateFile(target, "journal.jsonl"), notice, targetStateFile(target, "journal.json"));
  }

  /** What is journaled now (creating or created), oldest first. */
  async entries(): Promise<JournalEntry[]> {
    await this.migrated();
    const current = new Map<string, JournalEntry>();
    for (const line of await readLines(this.path)) {
      const entry = this.parse(line.number, line.text);
      if (!entry) continue;
      const key = keyOf(entry);
      if (entry.state === "gone") current.delete(key);
      else current.set(key, entry);
    }
    return [...current.values()];
  }

  /** The journal's current entry for this resource, if it lists it. */
  async find(resource: JournalKey): Promise<JournalEntry | undefined> {
    const key = keyOf(resource);
    return (await this.entries()).find((entry) => keyOf(entry) === key);
  }

  /** Appends where the resource stands now; the latest line about a resource wins. */
  async record(entry: JournalEntry): Promise<void> {
    await this.migrated();
    await appendLine(this.path, JSON.stringify(entrySchema.parse(entry)));
  }

  /** The resource is gone, or was never ours: the journal no longer lists it. */
  forget(entry: JournalEntry): Promise<void> {
    return this.record({ ...entry, state: "gone", journaledAt: new Date().toISOString() });
  }

  private parse(number: number, text: string): JournalEntry | undefined {
    try {
      return entrySchema.parse(JSON.parse(text));
    } catch {
      if (!this.reportedLines.has(number)) {
        this.reportedLines.add(number);
        this.notice(
          `Line ${number} of the cleanup journal ${this.path} could not be read and was skipped. ` +
            `If it named a resource, s3-tutor cleanup will not remove it: find it by its "s3-tutor" tag and delete it by hand.`,
        );
      }
      return undefined;
    }
  }

  private migrated(): Promise<void> {
    this.migration ??= this.migrateLegacy();
    return this.migration;
  }

  /**
   * Carries journal.json's entries over as created (they were journaled before their create,
   * and the guard checks the s3-tutor tag before touching any of them), then renames it so it
   * is read only once. Two processes doing this at once append the same lines: harmless.
   */
  private async migrateLegacy(): Promise<void> {
    if (!this.legacyPath) return;
    const legacy = await readJsonFile(this.legacyPath, (value) => legacyFileSchema.parse(value));
    if (legacy.status === "corrupt") {
      this.notice(
        `The cleanup journal could not be read, so it was moved to ${legacy.movedTo}. ` +
          `Resources it listed are no longer removed by s3-tutor cleanup: find them by their "s3-tutor" tag and delete them by hand.`,
      );
    }
    if (legacy.status !== "ok") return;
    for (const resource of legacy.value.resources) await appendLine(this.path, JSON.stringify({ ...resource, state: "created" }));
    await rename(this.legacyPath, `${this.legacyPath}.migrated-${new Date().toISOString().replace(/[:.]/g, "-")}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // another process carried it over at the same time
    });
  }
}
