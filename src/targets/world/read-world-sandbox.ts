import type { SandboxBucketView, SandboxMrapView } from "../../sandbox/index";
import { assembleSnapshot } from "./assemble-snapshot";
import type { ReadWorldOptions } from "./read-world-options";
import type { WorldBucket, WorldSnapshot } from "./world-snapshot";

/** What a sandbox running in this process shows of itself (its view() and mrapView()). */
export interface SandboxWorld {
  buckets: SandboxBucketView[];
  mraps: SandboxMrapView[];
}

export interface SandboxWorldContext {
  /** The learner's account: its buckets are "you", every other account's "other". */
  you: string;
  region: string;
  otherRegion: string;
}

const toBucket = (view: SandboxBucketView, you: string): WorldBucket => ({
  name: view.name,
  region: view.region,
  owner: view.owner === you ? "you" : "other",
  account: view.owner,
  versioning: view.versioning,
  objects: view.objects,
  replication: { ...view.replicationStatus },
});

/**
 * The snapshot read straight from the sandbox's memory: every bucket of every account, nothing
 * capped and nothing unseen. Access points are the learner's only, as S3 Control would list them.
 */
export const snapshotFromSandbox = (world: SandboxWorld, context: SandboxWorldContext, options: ReadWorldOptions = {}): WorldSnapshot =>
  assembleSnapshot(
    {
      buckets: world.buckets.map((view) => toBucket(view, context.you)),
      arrows: world.buckets.flatMap((view) =>
        view.replication.map((rule) => ({ from: view.name, to: rule.destination, rule: rule.rule, enabled: rule.enabled })),
      ),
      mraps: world.mraps
        .filter((mrap) => mrap.account === context.you)
        .map((mrap) => ({ name: mrap.name, status: mrap.status, regions: mrap.regions.map((entry) => ({ ...entry })) })),
      unseen: [],
    },
    context,
    options,
  );
