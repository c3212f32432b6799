import { describeFault } from "../sdk-faults";
import type { Target } from "../target";
import { listWorldBuckets, type ListedBucket } from "./api-bucket-list";
import { readBucketSettings, type BucketSettings } from "./api-bucket-settings";
import { readMraps } from "./api-mraps";
import { listVersions, type VersionListing } from "./api-object-versions";
import { readReplicationStatus, type StatusBucket, type StatusReading } from "./api-replication-status";
import { assembleSnapshot } from "./assemble-snapshot";
import { DEFAULT_MAX_BUCKETS, DEFAULT_MAX_HEADS, DEFAULT_MAX_VERSIONS_PER_BUCKET, type ReadWorldOptions } from "./read-world-options";
import type { WorldBucket, WorldSnapshot } from "./world-snapshot";

interface ReadBucket {
  listed: ListedBucket;
  settings: BucketSettings;
  listing?: VersionListing;
}

const settingsOf = async (target: Target, listed: ListedBucket, unseen: string[]): Promise<ReadBucket | undefined> => {
  try {
    const settings = await readBucketSettings(target, listed, unseen);
    return settings && { listed, settings };
  } catch (error) {
    unseen.push(`${listed.name}: not read (${describeFault(error)}).`);
    return undefined;
  }
};

const withListing = async (target: Target, bucket: ReadBucket, maxVersions: number, unseen: string[]): Promise<ReadBucket> => {
  try {
    const s3 = await target.client("s3", bucket.listed.identity, bucket.settings.region);
    const listing = await listVersions(s3, bucket.listed.name, maxVersions);
    if (listing.capped) unseen.push(`${bucket.listed.name}: objects counted in its first ${maxVersions} versions only.`);
    return { ...bucket, listing };
  } catch (error) {
    unseen.push(`${bucket.listed.name}: objects not counted (ListObjectVersions: ${describeFault(error)}).`);
    return bucket;
  }
};

const toWorldBucket = ({ listed, settings, listing }: ReadBucket, reading: StatusReading | undefined): WorldBucket => ({
  name: listed.name,
  region: settings.region,
  owner: listed.owner,
  ...(listed.account ? { account: listed.account } : {}),
  versioning: settings.versioning,
  ...(listing ? { objects: listing.objects, ...(listing.capped ? { objectsCapped: true } : {}) } : {}),
  replication: reading?.counts ?? {},
});

const statusLines = (name: string, reading: StatusReading): string[] =>
  [...reading.failures].map(([code, count]) => `${name}: replication status of ${count} version${count === 1 ? "" : "s"} not read (HeadObject: ${code}).`);

/**
 * The world as the target's API shows it (LocalStack, AWS, a sandbox in another process):
 * ListBuckets per identity, each bucket's Region, versioning and replication rules, objects from
 * ListObjectVersions, and replication status from HeadObject — only in buckets an arrow touches,
 * and at most `maxHeads` per refresh. Never throws: what it could not read is said in `unseen`.
 */
export const readWorldThroughApi = async (target: Target, options: ReadWorldOptions = {}): Promise<WorldSnapshot> => {
  const unseen: string[] = [];
  const maxHeads = options.maxHeads ?? DEFAULT_MAX_HEADS;
  const [listed, mraps] = await Promise.all([
    listWorldBuckets(target, options.maxBuckets ?? DEFAULT_MAX_BUCKETS, unseen),
    readMraps(target, unseen),
  ]);
  const settled = (await Promise.all(listed.map((bucket) => settingsOf(target, bucket, unseen)))).filter((bucket) => bucket !== undefined);
  const buckets = await Promise.all(settled.map((bucket) => withListing(target, bucket, options.maxVersionsPerBucket ?? DEFAULT_MAX_VERSIONS_PER_BUCKET, unseen)));
  const arrows = buckets.flatMap(({ listed: { name }, settings }) => settings.rules.map((rule) => ({ from: name, to: rule.to, rule: rule.rule, enabled: rule.enabled })));

  // Replication status exists only where an arrow starts or ends; heads elsewhere would spend the cap on nothing.
  const touched = new Set(arrows.flatMap((arrow) => [arrow.from, arrow.to]));
  const statusBuckets: StatusBucket[] = buckets
    .filter((bucket) => touched.has(bucket.listed.name) && bucket.listing)
    .sort((a, b) => a.listed.name.localeCompare(b.listed.name))
    .map((bucket) => ({
      name: bucket.listed.name,
      identity: bucket.listed.identity,
      region: bucket.settings.region,
      versioned: bucket.settings.versioning !== "Unversioned",
      versions: bucket.listing?.versions ?? [],
    }));
  const readings = await readReplicationStatus(target, statusBuckets, maxHeads);
  const skipped = [...readings.values()].reduce((sum, reading) => sum + reading.skipped, 0);
  if (skipped > 0) unseen.push(`Replication status of ${skipped} object versions not read (at most ${maxHeads} object heads per refresh).`);
  for (const [name, reading] of readings) unseen.push(...statusLines(name, reading));

  return assembleSnapshot(
    { buckets: buckets.map((bucket) => toWorldBucket(bucket, readings.get(bucket.listed.name))), arrows, mraps, unseen },
    target,
    options,
  );
};
