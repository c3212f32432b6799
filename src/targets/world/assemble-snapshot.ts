import type { ReadWorldOptions } from "./read-world-options";
import type { WorldArrow, WorldBucket, WorldMrap, WorldSnapshot } from "./world-snapshot";

/** What a reader found, before the parts both readers settle the same way (order, arrows' Regions). */
export interface WorldParts {
  buckets: WorldBucket[];
  arrows: Omit<WorldArrow, "toRegion">[];
  mraps: WorldMrap[];
  unseen: string[];
}

/** The lesson's two Regions first (so the panel's columns do not jump), then the rest alphabetically. */
export const orderRegions = (home: string, other: string, seen: Iterable<string>): string[] => {
  const rest = new Set(seen);
  rest.delete(home);
  rest.delete(other);
  return [...new Set([home, other].filter((region) => region !== "")), ...[...rest].sort()];
};

const byName = <T extends { name: string }>(items: T[]): T[] => [...items].sort((a, b) => a.name.localeCompare(b.name));

/**
 * The snapshot both readers return: buckets and access points by name, arrows by source and rule,
 * each arrow with its destination's Region when that bucket is in the snapshot.
 */
export const assembleSnapshot = (
  parts: WorldParts,
  lesson: { region: string; otherRegion: string },
  options: ReadWorldOptions = {},
): WorldSnapshot => {
  const buckets = byName(parts.buckets);
  const regionOf = new Map(buckets.map((bucket) => [bucket.name, bucket.region]));
  const replication = [...parts.arrows]
    .sort((a, b) => a.from.localeCompare(b.from) || a.rule.localeCompare(b.rule))
    .map((arrow): WorldArrow => {
      const toRegion = regionOf.get(arrow.to);
      return toRegion === undefined ? arrow : { ...arrow, toRegion };
    });
  const mraps = byName(parts.mraps).map((mrap) => ({
    ...mrap,
    regions: [...mrap.regions].sort((a, b) => a.region.localeCompare(b.region) || a.bucket.localeCompare(b.bucket)),
  }));
  const seen = [...buckets.map((bucket) => bucket.region), ...mraps.flatMap((mrap) => mrap.regions.map((entry) => entry.region))];
  return {
    at: (options.now ?? (() => new Date()))().toISOString(),
    regions: orderRegions(lesson.region, lesson.otherRegion, seen),
    buckets,
    replication,
    mraps,
    ...(options.takenNames && options.takenNames.length > 0 ? { takenNames: [...new Set(options.takenNames)].sort() } : {}),
    unseen: parts.unseen,
  };
};
