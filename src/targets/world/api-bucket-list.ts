import { accountBuckets } from "../resource-presence";
import { describeFault } from "../sdk-faults";
import { DEFAULT_IDENTITY, type Target } from "../target";

/** A bucket as ListBuckets showed it to one of the target's identities. */
export interface ListedBucket {
  name: string;
  /** The identity whose ListBuckets listed it: its own bucket, read with its own client. */
  identity: string;
  owner: "you" | "other";
  account?: string;
  /** ListBuckets' BucketRegion, where the endpoint gives it. */
  region?: string;
}

/** On a real account only the learner's prefix is read: other buckets are none of s3-tutor's business (and may be many). */
export const listedPrefix = (target: Target): string => (target.name === "aws" ? target.prefix : "");

const accountOf = async (target: Target, identity: string): Promise<string | undefined> => {
  try {
    return await target.account(identity);
  } catch {
    return undefined; // the bucket is still drawn, just without its account number
  }
};

/**
 * Every identity's buckets (the learner's, and the second account's where the target acts as
 * one): ListBuckets, every page. The learner's come first when there are more than `maxBuckets`.
 */
export const listWorldBuckets = async (target: Target, maxBuckets: number, unseen: string[]): Promise<ListedBucket[]> => {
  const prefix = listedPrefix(target);
  if (prefix !== "") unseen.push(`Only buckets whose names start with "${prefix}" (this session's prefix) are read on a real account.`);
  const listed: ListedBucket[] = [];
  for (const identity of target.identities) {
    const owner = identity === DEFAULT_IDENTITY ? "you" : "other";
    try {
      const s3 = await target.client("s3", identity, target.region);
      const account = await accountOf(target, identity);
      for (const bucket of await accountBuckets(s3, prefix)) {
        listed.push({ name: bucket.name, identity, owner, ...(account ? { account } : {}), ...(bucket.region ? { region: bucket.region } : {}) });
      }
    } catch (error) {
      unseen.push(`${owner === "you" ? "Your" : `The "${identity}" account's`} buckets: ListBuckets failed (${describeFault(error)}).`);
    }
  }
  if (listed.length <= maxBuckets) return listed;
  unseen.push(`${listed.length - maxBuckets} of ${listed.length} buckets not read (at most ${maxBuckets} per refresh).`);
  return listed.slice(0, maxBuckets);
};
