import { ServiceError } from "../errors";
import { child, children, isElement, malformedXml, parseXml, text, type XmlContent, type XmlNode } from "../http/xml";
import { STORAGE_CLASSES } from "../s3/object-attributes";
import type { Tag } from "../world/versions";
import { destinationOptionsXml, readRuleOptions, sourceSelectionXml, type RuleOptions } from "./rule-options";

/**
 * A bucket's replication configuration (userguide/replication-add-config.html): the role S3
 * assumes and the rules. V2 rules have a Filter, a Priority and DeleteMarkerReplication; V1
 * rules (deprecated) have a bare Prefix.
 */

export type FilterShape = "empty" | "prefix" | "tag" | "and";

export interface ReplicationRule {
  id: string;
  schema: "V1" | "V2";
  status: "Enabled" | "Disabled";
  /** V2 only; the higher number wins when rules share a destination. */
  priority?: number;
  prefix: string;
  tags: Tag[];
  /** How the Filter was written, so GetBucketReplication answers in the same shape. */
  filterShape?: FilterShape;
  /** V2: off unless Enabled. V1 configurations replicate delete markers. */
  deleteMarkerReplication?: "Enabled" | "Disabled";
  destination: { bucket: string; storageClass?: string; account?: string };
  /** SSE-KMS selection, replica modification sync, replica key, RTC and metrics (rule-options.ts); absent in configurations saved before they existed. */
  options?: RuleOptions;
}

export interface ReplicationConfiguration {
  role: string;
  rules: ReplicationRule[];
}

const MAX_RULES = 1000;
const MAX_ID_LENGTH = 255;
const BUCKET_ARN = "arn:aws:s3:::";
const GUIDE = "Please refer to S3 Developer Guide for more information.";

const invalidRequest = (message: string) => new ServiceError("InvalidRequest", 400, message);
const invalidArgument = (message: string, name: string, value: string) =>
  new ServiceError("InvalidArgument", 400, message, { ArgumentName: name, ArgumentValue: value });

const readTags = (node: XmlNode): Tag[] =>
  children(node, "Tag")
    .filter(isElement)
    .map((tag) => ({ Key: text(child(tag, "Key")) ?? "", Value: text(child(tag, "Value")) ?? "" }));

const readFilter = (filter: XmlNode | string): Pick<ReplicationRule, "prefix" | "tags" | "filterShape"> => {
  if (typeof filter === "string" || Object.keys(filter).length === 0) return { prefix: "", tags: [], filterShape: "empty" };
  const and = child(filter, "And");
  const shapes = ["Prefix", "Tag", "And"].filter((name) => child(filter, name) !== undefined);
  if (shapes.length !== 1) throw malformedXml(); // one predicate, or several inside And
  if (isElement(and)) return { prefix: text(child(and, "Prefix")) ?? "", tags: readTags(and), filterShape: "and" };
  if (and !== undefined) return { prefix: "", tags: [], filterShape: "and" };
  if (child(filter, "Tag") !== undefined) return { prefix: "", tags: readTags(filter), filterShape: "tag" };
  return { prefix: text(child(filter, "Prefix")) ?? "", tags: [], filterShape: "prefix" };
};

const readStatus = <T extends string>(value: string | undefined, allowed: readonly T[]): T => {
  if (!value || !(allowed as readonly string[]).includes(value)) throw malformedXml();
  return value as T;
};

const readRule = (rule: XmlNode, index: number): ReplicationRule => {
  const status = readStatus(text(child(rule, "Status")), ["Enabled", "Disabled"] as const);
  const destination = child(rule, "Destination");
  const destinationArn = isElement(destination) ? text(child(destination, "Bucket")) : undefined;
  if (!isElement(destination) || !destinationArn) throw malformedXml();
  if (!destinationArn.startsWith(BUCKET_ARN) || destinationArn.length === BUCKET_ARN.length) {
    throw invalidArgument("Invalid bucket ARN.", "Bucket", destinationArn);
  }
  const storageClass = text(child(destination, "StorageClass"));
  if (storageClass !== undefined && !STORAGE_CLASSES.has(storageClass)) throw malformedXml();
  const account = text(child(destination, "Account"));
  const id = text(child(rule, "ID")) ?? `rule-${index + 1}`;
  if (id.length > MAX_ID_LENGTH) throw invalidArgument(`The maximum value is ${MAX_ID_LENGTH} characters.`, "ID", id);

  const filter = child(rule, "Filter");
  const legacyPrefix = child(rule, "Prefix");
  const base = {
    id,
    status,
    destination: { bucket: destinationArn.slice(BUCKET_ARN.length), ...(storageClass ? { storageClass } : {}), ...(account ? { account } : {}) },
  };
  if (filter !== undefined && legacyPrefix !== undefined) throw malformedXml();
  if (filter === undefined) {
    if (legacyPrefix === undefined) throw malformedXml();
    return { ...base, schema: "V1", prefix: text(legacyPrefix) ?? "", tags: [], options: readRuleOptions(rule, destination, "V1") };
  }
  const priorityText = text(child(rule, "Priority"));
  if (priorityText === undefined) {
    throw invalidRequest(`Priority must be specified for this version of Cross Region Replication configuration schema. ${GUIDE}`);
  }
  const priority = Number(priorityText);
  if (!Number.isInteger(priority) || priority < 0) throw malformedXml();
  const marker = child(rule, "DeleteMarkerReplication");
  if (marker === undefined) {
    throw invalidRequest(`DeleteMarkerReplication must be specified for this version of Cross Region Replication configuration schema. ${GUIDE}`);
  }
  const deleteMarkerReplication = readStatus(text(child(marker, "Status")), ["Enabled", "Disabled"] as const);
  const filtered = readFilter(filter as XmlNode | string);
  if (deleteMarkerReplication === "Enabled" && filtered.tags.length > 0) {
    throw invalidRequest(`Delete marker replication is not supported if any Tag filter is specified. ${GUIDE}`);
  }
  return { ...base, schema: "V2", priority, deleteMarkerReplication, ...filtered, options: readRuleOptions(rule, destination, "V2") };
};

/** Parses and validates the document itself; checks against buckets are the caller's. */
export const parseReplicationConfiguration = (body: Buffer): ReplicationConfiguration => {
  const document = parseXml(body, "ReplicationConfiguration", ["Rule", "Tag"]);
  const role = text(child(document, "Role"));
  const rules = children(document, "Rule");
  if (!role || rules.length === 0 || !rules.every(isElement)) throw malformedXml();
  if (rules.length > MAX_RULES) {
    throw invalidRequest(`The number of replication rules must not exceed the allowed limit of ${MAX_RULES} rules.`);
  }
  const parsed = rules.map((rule, index) => readRule(rule as XmlNode, index));
  if (new Set(parsed.map((rule) => rule.schema)).size > 1) throw malformedXml(); // V1 and V2 rules do not mix
  const ids = new Set<string>();
  const priorities = new Set<number>();
  for (const rule of parsed) {
    if (ids.has(rule.id)) throw invalidArgument("Rule Id must be unique.", "ID", rule.id);
    ids.add(rule.id);
    if (rule.priority === undefined) continue;
    if (priorities.has(rule.priority)) throw invalidRequest(`Found duplicate priority ${rule.priority}.`);
    priorities.add(rule.priority);
  }
  return { role, rules: parsed };
};

const tagXml = (tags: Tag[]) => tags.map(({ Key, Value }) => ({ Key, Value }));

const filterXml = (rule: ReplicationRule): XmlContent => {
  switch (rule.filterShape) {
    case "prefix":
      return { Prefix: rule.prefix };
    case "tag":
      return { Tag: tagXml(rule.tags) };
    case "and":
      return { And: { Prefix: rule.prefix || undefined, Tag: tagXml(rule.tags) } };
    default:
      return {};
  }
};

/** The configuration as GetBucketReplication answers it. */
export const replicationConfigurationXml = (configuration: ReplicationConfiguration): XmlContent => ({
  Role: configuration.role,
  Rule: configuration.rules.map((rule) => ({
    ID: rule.id,
    Priority: rule.priority,
    ...(rule.schema === "V1" ? { Prefix: rule.prefix } : { Filter: filterXml(rule) }),
    Status: rule.status,
    SourceSelectionCriteria: sourceSelectionXml(rule.options ?? {}),
    Destination: {
      Bucket: `${BUCKET_ARN}${rule.destination.bucket}`,
      Account: rule.destination.account,
      StorageClass: rule.destination.storageClass,
      ...destinationOptionsXml(rule.options ?? {}),
    },
    ...(rule.deleteMarkerReplication ? { DeleteMarkerReplication: { Status: rule.deleteMarkerReplication } } : {}),
  })),
});
