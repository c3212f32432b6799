import type { DeleteMarker, StoredObject } from "../world/versions";
import type { ReplicationConfiguration, ReplicationRule } from "./config";

/** Where one new version goes: a destination bucket and the rule that sends it there. */
export interface Route {
  destination: string;
  rule: ReplicationRule;
}

const tagsMatch = (rule: ReplicationRule, version: StoredObject | DeleteMarker): boolean =>
  rule.tags.length === 0 ||
  (version.kind === "object" && rule.tags.every((tag) => version.tags.some((own) => own.Key === tag.Key && own.Value === tag.Value)));

/** V1 configurations replicate delete markers; V2 rules only when DeleteMarkerReplication is Enabled. */
const replicatesDeleteMarkers = (rule: ReplicationRule): boolean =>
  rule.schema === "V1" || (rule.deleteMarkerReplication === "Enabled" && rule.tags.length === 0);

/**
 * For each destination, the enabled rule with the highest Priority whose filter matches decides
 * (S3: the higher the number, the higher the priority); a delete marker goes only if that rule
 * replicates delete markers.
 */
export const routesFor = (configuration: ReplicationConfiguration, version: StoredObject | DeleteMarker): Route[] => {
  const best = new Map<string, ReplicationRule>();
  for (const rule of configuration.rules) {
    if (rule.status !== "Enabled" || !version.key.startsWith(rule.prefix) || !tagsMatch(rule, version)) continue;
    const current = best.get(rule.destination.bucket);
    if (!current || (rule.priority ?? 0) > (current.priority ?? 0)) best.set(rule.destination.bucket, rule);
  }
  return [...best.entries()]
    .filter(([, rule]) => version.kind === "object" || replicatesDeleteMarkers(rule))
    .map(([destination, rule]) => ({ destination, rule }));
};
