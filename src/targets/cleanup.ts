import { removeBucket } from "./bucket-removal";
import { describeEntry, type CleanupJournal, type JournalEntry } from "./journal";
import { standingOf, type StandingContext } from "./resource-standing";
import { removeRole } from "./role-removal";
import { describeFault } from "./sdk-faults";
import { DEFAULT_IDENTITY, type Target } from "./target";

export interface CleanupLine {
  entry: JournalEntry;
  /**
   * removed: it existed and is gone now; gone: it was already gone; leftAlone: it is there but
   * not provably s3-tutor's, so it was not touched (and leaves the journal); failed: it is
   * still there and still journaled.
   */
  outcome: "removed" | "gone" | "leftAlone" | "failed";
  /** In words: "with 1150 object versions and delete markers", or why it failed. */
  detail: string;
}

export interface CleanupResult {
  lines: CleanupLine[];
  /** What the journal still lists afterwards. */
  remaining: JournalEntry[];
}

const place = (account: string, endpoint: string | undefined) => `account ${account}${endpoint ? ` at ${endpoint}` : ""}`;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * Removes everything the journal lists for the account the target signs in as, once each is
 * proven s3-tutor's (resource-standing.ts): buckets with every object version, delete marker
 * and replication configuration, then roles with their policies. What is there but not provably
 * s3-tutor's is left alone and said so. Each resource leaves the journal as soon as it is
 * settled; failures are reported and keep their entry for the next run.
 */
export const cleanupJournaled = async (
  target: Target,
  journal: CleanupJournal,
  report: (line: CleanupLine) => void = () => undefined,
): Promise<CleanupResult> => {
  const account = await target.account(DEFAULT_IDENTITY);
  const lines: CleanupLine[] = [];
  const say = (line: CleanupLine) => {
    lines.push(line);
    report(line);
  };
  const entries = await journal.entries();
  const mine = entries.filter((entry) => entry.account === account && entry.endpoint === target.endpoint);
  for (const entry of entries.filter((entry) => !mine.includes(entry))) {
    say({
      entry,
      outcome: "failed",
      detail: `belongs to ${place(entry.account, entry.endpoint)}, not ${place(account, target.endpoint)}: run cleanup with credentials for that account`,
    });
  }
  // Buckets first: a replication configuration names its role, and may still be writing.
  const ordered = [...mine.filter((entry) => entry.kind === "bucket"), ...mine.filter((entry) => entry.kind === "role")];
  for (const entry of ordered) {
    try {
      const done = await cleanEntry(target, journal, entry);
      if (done.outcome !== "failed") await journal.forget(entry);
      say({ entry, ...done });
    } catch (error) {
      say({ entry, outcome: "failed", detail: describeFault(error) });
    }
  }
  return { lines, remaining: await journal.entries() };
};

const cleanEntry = async (target: Target, journal: CleanupJournal, entry: JournalEntry): Promise<Omit<CleanupLine, "entry">> => {
  const context: StandingContext = {
    account: entry.account,
    endpoint: target.endpoint,
    journal,
    client: (service, region) => target.client(service, DEFAULT_IDENTITY, region),
    region: entry.region ?? target.region,
    ...(target.createdHere ? { createdHere: target.createdHere() } : {}),
  };
  const standing = await standingOf(entry, context);
  switch (standing.state) {
    case "absent":
      return { outcome: "gone", detail: "already gone" };
    case "elsewhere":
      return { outcome: "leftAlone", detail: "the name now belongs to another AWS account" };
    case "notOurs":
      return { outcome: "leftAlone", detail: `it is in your account, but ${standing.why}` };
    case "unknown":
      return { outcome: "failed", detail: standing.why };
    case "ours":
      // The region journaled is where it was meant to be created; the bucket says where it is.
      return entry.kind === "bucket" ? cleanBucket(target, entry, standing.region ?? context.region) : cleanRole(target, entry);
  }
};

const cleanBucket = async (target: Target, entry: JournalEntry, region: string): Promise<Omit<CleanupLine, "entry">> => {
  const removal = await removeBucket(await target.client("s3", DEFAULT_IDENTITY, region), entry.name, entry.account);
  if (!removal.removed) return { outcome: "gone", detail: "already gone" };
  return {
    outcome: "removed",
    detail:
      removal.versions === 0
        ? "removed (it was empty)"
        : `removed with ${plural(removal.versions, "object version or delete marker", "object versions and delete markers")}`,
  };
};

const cleanRole = async (target: Target, entry: JournalEntry): Promise<Omit<CleanupLine, "entry">> => {
  const removal = await removeRole(await target.client("iam", DEFAULT_IDENTITY, target.region), entry.name);
  if (!removal.removed) return { outcome: "gone", detail: "already gone" };
  return {
    outcome: "removed",
    detail: removal.inlinePolicies === 0 ? "removed" : `removed with ${plural(removal.inlinePolicies, "inline policy", "inline policies")}`,
  };
};

const MARKS: Record<CleanupLine["outcome"], string> = { removed: "✓", gone: "✓", leftAlone: "–", failed: "✗" };

/**
 * "✓ bucket s3t-k3j9x2-data (eu-west-1): removed with 12 object versions and delete markers",
 * "– bucket acme-data (eu-west-1): left alone: it is in your account, but it does not carry ..."
 */
export const formatCleanupLine = (line: CleanupLine): string => {
  const detail = line.outcome === "failed" ? `not removed: ${line.detail}` : line.outcome === "leftAlone" ? `left alone: ${line.detail}` : line.detail;
  return `${MARKS[line.outcome]} ${describeEntry(line.entry)}: ${detail}`;
};
