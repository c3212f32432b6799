import { z } from "zod";
import { appendLine, readLines } from "./append-only-file";
import { targetStateFile } from "./target-state";
import type { TargetName } from "./target";

const claimSchema = z.object({ prefix: z.string(), account: z.string(), endpoint: z.string().optional(), claimedAt: z.string() });

export type Claim = z.infer<typeof claimSchema>;

/**
 * The prefixes checked free in an account before s3-tutor first wrote with them
 * (`<state>/targets/<target>/prefixes.jsonl`, append-only like the journal). A prefix is
 * checked once per account: afterwards, what the learner makes under it by hand while doing a
 * lesson does not make s3-tutor refuse the prefix or change it under their feet; the guard
 * still never touches any of it.
 */
export class ClaimedPrefixes {
  constructor(readonly path: string) {}

  static forTarget(target: TargetName): ClaimedPrefixes {
    return new ClaimedPrefixes(targetStateFile(target, "prefixes.jsonl"));
  }

  async has(claim: Omit<Claim, "claimedAt">): Promise<boolean> {
    for (const line of await readLines(this.path)) {
      const parsed = claimSchema.safeParse(safeJson(line.text));
      if (parsed.success && parsed.data.prefix === claim.prefix && parsed.data.account === claim.account && parsed.data.endpoint === claim.endpoint) {
        return true;
      }
    }
    return false;
  }

  add(claim: Omit<Claim, "claimedAt">): Promise<void> {
    return appendLine(this.path, JSON.stringify({ ...claim, claimedAt: new Date().toISOString() }));
  }
}

/** An unreadable line claims nothing: the prefix is simply checked again. */
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
