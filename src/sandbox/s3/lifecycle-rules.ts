import { child, isElement, malformedXml, parseXml, text, type XmlNode, type XmlValue } from "../http/xml";
import type { Tag } from "../world/versions";

/**
 * A lifecycle configuration read from its XML. Everything the published schema forbids (a
 * missing Status, an unknown storage class, two predicates in a Filter without And, a number
 * that is not one) is MalformedXML here; rules about values are lifecycle-checks.ts's job.
 */

/** The classes a Transition or NoncurrentVersionTransition may name (TransitionStorageClass). */
export const TRANSITION_CLASSES = new Set(["GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR"]);

/** A Filter: empty (every object), one predicate, or several under And. */
export interface LifecycleFilter {
  and: boolean;
  prefix?: string;
  tags: Tag[];
  sizeGreaterThan?: number;
  sizeLessThan?: number;
}

export interface Expiration {
  days?: number;
  /** ISO 8601, always a midnight UTC once checked. */
  date?: string;
  expiredObjectDeleteMarker?: boolean;
}

export interface Transition {
  days?: number;
  date?: string;
  storageClass: string;
}

export interface NoncurrentTransition {
  noncurrentDays: number;
  newerNoncurrentVersions?: number;
  storageClass: string;
}

export interface NoncurrentExpiration {
  noncurrentDays: number;
  newerNoncurrentVersions?: number;
}

export interface LifecycleRule {
  id: string;
  status: "Enabled" | "Disabled";
  /** The rule-level Prefix of Lifecycle V1 configurations; kept so Get echoes the same form. */
  prefix?: string;
  filter?: LifecycleFilter;
  expiration?: Expiration;
  transitions: Transition[];
  noncurrentExpiration?: NoncurrentExpiration;
  noncurrentTransitions: NoncurrentTransition[];
  abortAfterDays?: number;
}

/** A rule as sent: its ID may be missing until one is generated. */
export type GivenRule = Omit<LifecycleRule, "id"> & { id?: string };

const LISTS = ["Rule", "Transition", "NoncurrentVersionTransition", "Tag"] as const;

const RULE_ELEMENTS = new Set([
  "ID",
  "Prefix",
  "Filter",
  "Status",
  "Expiration",
  "Transition",
  "NoncurrentVersionExpiration",
  "NoncurrentVersionTransition",
  "AbortIncompleteMultipartUpload",
]);

export const parseLifecycleXml = (body: Buffer): GivenRule[] => {
  const configuration = parseXml(body, "LifecycleConfiguration", LISTS);
  onlyElements(configuration, ["Rule"]);
  return listOf(configuration, "Rule").map(parseRule);
};

const parseRule = (value: XmlValue): GivenRule => {
  const rule = container(value);
  onlyElements(rule, RULE_ELEMENTS);
  const status = leaf(rule, "Status");
  if (status !== "Enabled" && status !== "Disabled") throw malformedXml();
  const given: GivenRule = {
    status,
    transitions: listOf(rule, "Transition").map(parseTransition),
    noncurrentTransitions: listOf(rule, "NoncurrentVersionTransition").map(parseNoncurrentTransition),
  };
  const id = leaf(rule, "ID");
  if (id !== undefined && id !== "") given.id = id;
  const prefix = leaf(rule, "Prefix");
  if (prefix !== undefined) given.prefix = prefix;
  const filter = optional(rule, "Filter");
  if (filter) given.filter = parseFilter(filter);
  // A rule must say which objects it applies to, in one form or the other.
  if (prefix === undefined && !filter) throw malformedXml();
  const expiration = optional(rule, "Expiration");
  if (expiration) given.expiration = parseExpiration(expiration);
  const noncurrent = optional(rule, "NoncurrentVersionExpiration");
  if (noncurrent) given.noncurrentExpiration = parseNoncurrentExpiration(noncurrent);
  const abort = optional(rule, "AbortIncompleteMultipartUpload");
  if (abort) {
    onlyElements(abort, ["DaysAfterInitiation"]);
    given.abortAfterDays = requiredInteger(abort, "DaysAfterInitiation");
  }
  return given;
};

const parseFilter = (filter: XmlNode): LifecycleFilter => {
  onlyElements(filter, ["Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And"]);
  const and = optional(filter, "And");
  if (and) {
    if (Object.keys(filter).length > 1) throw malformedXml();
    onlyElements(and, ["Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan"]);
    return { ...predicates(and), and: true };
  }
  // Outside And a filter holds at most one predicate.
  if (Object.keys(filter).length > 1) throw malformedXml();
  const single = predicates(filter);
  if (single.tags.length > 1) throw malformedXml();
  return { ...single, and: false };
};

const predicates = (node: XmlNode): LifecycleFilter => {
  const filter: LifecycleFilter = { and: false, tags: listOf(node, "Tag").map(parseTag) };
  const prefix = leaf(node, "Prefix");
  if (prefix !== undefined) filter.prefix = prefix;
  const greater = integer(node, "ObjectSizeGreaterThan");
  if (greater !== undefined) filter.sizeGreaterThan = greater;
  const less = integer(node, "ObjectSizeLessThan");
  if (less !== undefined) filter.sizeLessThan = less;
  return filter;
};

const parseTag = (value: XmlValue): Tag => {
  const tag = container(value);
  onlyElements(tag, ["Key", "Value"]);
  const key = leaf(tag, "Key");
  if (key === undefined) throw malformedXml();
  return { Key: key, Value: leaf(tag, "Value") ?? "" };
};

const parseExpiration = (node: XmlNode): Expiration => {
  onlyElements(node, ["Days", "Date", "ExpiredObjectDeleteMarker"]);
  // Exactly one of the three forms.
  if (Object.keys(node).length !== 1) throw malformedXml();
  const days = integer(node, "Days");
  if (days !== undefined) return { days };
  const date = dateValue(node, "Date");
  if (date !== undefined) return { date };
  const marker = leaf(node, "ExpiredObjectDeleteMarker");
  if (marker !== "true" && marker !== "false") throw malformedXml();
  return { expiredObjectDeleteMarker: marker === "true" };
};

const parseTransition = (value: XmlValue): Transition => {
  const node = container(value);
  onlyElements(node, ["Days", "Date", "StorageClass"]);
  const transition: Transition = { storageClass: storageClass(node) };
  const days = integer(node, "Days");
  const date = dateValue(node, "Date");
  if ((days === undefined) === (date === undefined)) throw malformedXml();
  if (days !== undefined) transition.days = days;
  if (date !== undefined) transition.date = date;
  return transition;
};

const parseNoncurrentTransition = (value: XmlValue): NoncurrentTransition => {
  const node = container(value);
  onlyElements(node, ["NoncurrentDays", "NewerNoncurrentVersions", "StorageClass"]);
  const transition: NoncurrentTransition = {
    noncurrentDays: requiredInteger(node, "NoncurrentDays"),
    storageClass: storageClass(node),
  };
  const newer = integer(node, "NewerNoncurrentVersions");
  if (newer !== undefined) transition.newerNoncurrentVersions = newer;
  return transition;
};

const parseNoncurrentExpiration = (node: XmlNode): NoncurrentExpiration => {
  onlyElements(node, ["NoncurrentDays", "NewerNoncurrentVersions"]);
  const expiration: NoncurrentExpiration = { noncurrentDays: requiredInteger(node, "NoncurrentDays") };
  const newer = integer(node, "NewerNoncurrentVersions");
  if (newer !== undefined) expiration.newerNoncurrentVersions = newer;
  return expiration;
};

const storageClass = (node: XmlNode): string => {
  const value = leaf(node, "StorageClass");
  if (value === undefined || !TRANSITION_CLASSES.has(value)) throw malformedXml();
  return value;
};

// --- reading helpers: each element at most once, of the kind the schema says ---

const onlyElements = (node: XmlNode, allowed: Iterable<string>): void => {
  const names = new Set(allowed);
  if (Object.keys(node).some((name) => !names.has(name))) throw malformedXml();
};

/** An element with children; an empty element (`<Filter/>`) is an empty container. */
const container = (value: XmlValue): XmlNode => {
  if (isElement(value)) return value;
  if (typeof value === "string" && value.trim() === "") return {};
  throw malformedXml();
};

const optional = (node: XmlNode, name: string): XmlNode | undefined => {
  const value = child(node, name);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw malformedXml();
  return container(value);
};

const listOf = (node: XmlNode, name: string): XmlValue[] => {
  const value = child(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
};

/** A text-only element, at most once. */
const leaf = (node: XmlNode, name: string): string | undefined => {
  const value = child(node, name);
  if (value === undefined) return undefined;
  const found = text(value);
  if (found === undefined) throw malformedXml();
  return found;
};

const INTEGER = /^\s*[-+]?\d+\s*$/;

/** An xsd integer; S3 caps day counts and sizes well within JavaScript's safe integers. */
const integer = (node: XmlNode, name: string): number | undefined => {
  const value = leaf(node, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!INTEGER.test(value) || !Number.isSafeInteger(parsed)) throw malformedXml();
  return parsed;
};

const requiredInteger = (node: XmlNode, name: string): number => {
  const value = integer(node, name);
  if (value === undefined) throw malformedXml();
  return value;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const dateValue = (node: XmlNode, name: string): string | undefined => {
  const value = leaf(node, name);
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!ISO_DATE.test(trimmed)) throw malformedXml();
  // A time without a zone is UTC here, never the sandbox host's local time.
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) || !trimmed.includes("T") ? trimmed : `${trimmed}Z`;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) throw malformedXml();
  return new Date(time).toISOString();
};
