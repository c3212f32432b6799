import { randomUUID } from "node:crypto";
import { malformedXml } from "../http/xml";
import type { GivenRule, LifecycleFilter, LifecycleRule } from "./lifecycle-rules";
import { invalidArgument, invalidRequest } from "./errors";

/**
 * The checks S3 makes on the values of a lifecycle configuration, in the order it makes them:
 * the number of rules, their IDs, then each rule, then (Lifecycle V1 only) overlapping
 * prefixes. The first fault found is the answer.
 */

/** "A lifecycle configuration can have up to 1,000 rules. This limit is not adjustable." */
export const MAX_RULES = 1000;
const MAX_ID_LENGTH = 255;
const MAX_SIZE = 1_099_511_627_776_000;
/** Objects must be 30 days old before they move to an infrequent-access class (s3-facts.md §5). */
const INFREQUENT_ACCESS = new Set(["STANDARD_IA", "ONEZONE_IA"]);

export const checkLifecycleRules = (given: GivenRule[]): LifecycleRule[] => {
  if (given.length === 0 || given.length > MAX_RULES) throw malformedXml();
  checkIds(given);
  // The first rule decides the schema: a Filter means Lifecycle V2, a rule-level Prefix V1.
  const v2 = given[0]?.filter !== undefined;
  for (const rule of given) checkRule(rule, v2);
  if (!v2) checkOverlappingPrefixes(given);
  return given.map((rule) => ({ ...rule, id: rule.id ?? generatedId() }));
};

/** S3 names an unnamed rule with a random, base64-looking ID. */
const generatedId = (): string => Buffer.from(randomUUID()).toString("base64");

const checkIds = (rules: GivenRule[]): void => {
  const seen = new Set<string>();
  for (const { id } of rules) {
    if (id === undefined) continue;
    if (id.length > MAX_ID_LENGTH) throw invalidArgument(`ID length should not exceed allowed limit of ${MAX_ID_LENGTH}`);
    if (seen.has(id)) throw invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
    seen.add(id);
  }
};

const checkRule = (rule: GivenRule, v2: boolean): void => {
  checkScope(rule, v2);
  if (
    !rule.expiration &&
    rule.transitions.length === 0 &&
    rule.noncurrentTransitions.length === 0 &&
    !rule.noncurrentExpiration &&
    rule.abortAfterDays === undefined
  ) {
    throw invalidRequest("At least one action needs to be specified in a rule");
  }
  checkExpiration(rule);
  checkNoncurrent(rule, v2);
  if (rule.abortAfterDays !== undefined && rule.abortAfterDays < 1) {
    throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
  }
  checkFilterCombinations(rule);
  checkTransitions(rule);
  checkNoncurrentTransitions(rule, v2);
};

const checkScope = (rule: GivenRule, v2: boolean): void => {
  if (v2 && rule.prefix !== undefined) {
    throw invalidRequest("Base level prefix cannot be used in Lifecycle V2, prefixes are only supported in the Filter.");
  }
  if (!v2 && rule.filter !== undefined) throw invalidRequest("Filter element can only be used in Lifecycle V2.");
  if (rule.filter) checkFilter(rule.filter);
};

const checkFilter = (filter: LifecycleFilter): void => {
  const keys = new Set(filter.tags.map((tag) => tag.Key));
  if (keys.size !== filter.tags.length) throw invalidRequest("Duplicate Tag Keys are not allowed.");
  const { sizeGreaterThan: greater, sizeLessThan: less } = filter;
  if (greater !== undefined && (greater < 0 || greater > MAX_SIZE)) {
    throw invalidRequest(`'ObjectSizeGreaterThan' should be between 0 and ${MAX_SIZE}.`);
  }
  if (less !== undefined && (less < 1 || less > MAX_SIZE)) {
    throw invalidRequest(`'ObjectSizeLessThan' should be between 1 and ${MAX_SIZE}.`);
  }
  if (greater !== undefined && less !== undefined && less <= greater) {
    throw invalidRequest("'ObjectSizeLessThan' has to be a value greater than 'ObjectSizeGreaterThan'.");
  }
};

const checkExpiration = ({ expiration }: GivenRule): void => {
  if (!expiration) return;
  if (expiration.days !== undefined && expiration.days < 1) {
    throw invalidArgument("'Days' for Expiration action must be a positive integer");
  }
  if (expiration.date !== undefined) checkMidnight(expiration.date);
};

const checkNoncurrent = ({ noncurrentExpiration }: GivenRule, v2: boolean): void => {
  if (!noncurrentExpiration) return;
  if (noncurrentExpiration.noncurrentDays < 1) {
    throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
  }
  checkNewerVersions(noncurrentExpiration.newerNoncurrentVersions, v2);
};

const checkNewerVersions = (newer: number | undefined, v2: boolean): void => {
  if (newer === undefined) return;
  if (!v2) throw invalidRequest("NewerNoncurrentVersions element can only be used in Lifecycle V2.");
  if (newer < 1) throw invalidArgument("'NewerNoncurrentVersions' must be a positive integer");
};

/** Delete-marker clean-up and multipart aborts know no tags or sizes, so filters on them are refused. */
const checkFilterCombinations = (rule: GivenRule): void => {
  const filter = rule.filter;
  if (!filter) return;
  const tags = filter.tags.length > 0;
  const sizes = filter.sizeGreaterThan !== undefined || filter.sizeLessThan !== undefined;
  const marker = rule.expiration?.expiredObjectDeleteMarker !== undefined;
  const abort = rule.abortAfterDays !== undefined;
  if (marker && tags) throw invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Tags.");
  if (marker && sizes) throw invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Object Size.");
  if (abort && tags) throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
  if (abort && sizes) throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Object Size.");
};

const checkTransitions = (rule: GivenRule): void => {
  const where = describeFilter(rule);
  const classes = new Set<string>();
  for (const transition of rule.transitions) {
    if (transition.date !== undefined) checkMidnight(transition.date);
    const days = transition.days;
    if (days !== undefined && days < 0) throw invalidArgument("'Days' in Transition action must be nonnegative");
    if (days !== undefined && days < 30 && INFREQUENT_ACCESS.has(transition.storageClass)) {
      throw invalidArgument(
        `'Days' in Transition action must be greater than or equal to 30 for storageClass '${transition.storageClass}'`,
      );
    }
    if (classes.has(transition.storageClass)) {
      throw invalidRequest(`'StorageClass' must be different for 'Transition' actions in same 'Rule' with filter '${where}'`);
    }
    classes.add(transition.storageClass);
  }
  checkTimeKinds(rule, where);
  checkExpirationAfterTransitions(rule, where);
};

/** Within a rule, expiration and transitions count either days or dates, never both. */
const checkTimeKinds = (rule: GivenRule, where: string): void => {
  const byDays = rule.transitions.some((transition) => transition.days !== undefined);
  const byDate = rule.transitions.some((transition) => transition.date !== undefined);
  if (byDays && byDate) {
    throw invalidRequest(`Found mixed 'Date' and 'Days' based Transition actions in lifecycle rule for filter '${where}'`);
  }
  const expiration = rule.expiration;
  if ((expiration?.days !== undefined && byDate) || (expiration?.date !== undefined && byDays)) {
    throw invalidRequest(
      `Found mixed 'Date' and 'Days' based Expiration and Transition actions in lifecycle rule for filter '${where}'`,
    );
  }
};

/** An object must still exist to be transitioned: expiry comes strictly after every transition. */
const checkExpirationAfterTransitions = (rule: GivenRule, where: string): void => {
  const expiration = rule.expiration;
  if (expiration?.days !== undefined && rule.transitions.some((t) => t.days !== undefined && t.days >= (expiration.days ?? 0))) {
    throw invalidArgument(
      `'Days' in the Expiration action for filter '${where}' must be greater than 'Days' in the Transition action`,
    );
  }
  const expiresAt = expiration?.date;
  if (expiresAt !== undefined && rule.transitions.some((t) => t.date !== undefined && t.date >= expiresAt)) {
    throw invalidArgument(
      `'Date' in the Expiration action for filter '${where}' must be later than 'Date' in the Transition action`,
    );
  }
};

const checkNoncurrentTransitions = (rule: GivenRule, v2: boolean): void => {
  const where = describeFilter(rule);
  const classes = new Set<string>();
  for (const transition of rule.noncurrentTransitions) {
    const { noncurrentDays: days, storageClass } = transition;
    if (days < 0) throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative");
    if (days < 30 && INFREQUENT_ACCESS.has(storageClass)) {
      throw invalidArgument(
        `'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or equal to 30 for storageClass '${storageClass}'`,
      );
    }
    checkNewerVersions(transition.newerNoncurrentVersions, v2);
    if (classes.has(storageClass)) {
      throw invalidRequest(
        `'StorageClass' must be different for 'NoncurrentVersionTransition' actions in same 'Rule' with filter '${where}'`,
      );
    }
    classes.add(storageClass);
  }
  const expiration = rule.noncurrentExpiration;
  if (expiration && rule.noncurrentTransitions.some((t) => t.noncurrentDays >= expiration.noncurrentDays)) {
    throw invalidArgument(
      `'NoncurrentDays' in the NoncurrentVersionExpiration action for filter '${where}' must be greater than 'NoncurrentDays' in the NoncurrentVersionTransition action`,
    );
  }
};

/** Dates in lifecycle rules are whole days: S3 refuses any other time of day. */
const checkMidnight = (iso: string): void => {
  if (!iso.endsWith("T00:00:00.000Z")) throw invalidArgument("'Date' must be at midnight GMT");
};

/**
 * In Lifecycle V1, two rules whose prefixes overlap may not take the same kind of action,
 * since S3 could not tell which one applies.
 */
const checkOverlappingPrefixes = (rules: GivenRule[]): void => {
  const kinds: ReadonlyArray<readonly [string, (rule: GivenRule) => boolean]> = [
    ["Expiration", (rule) => rule.expiration !== undefined],
    ["Transition", (rule) => rule.transitions.length > 0],
    ["NoncurrentVersionExpiration", (rule) => rule.noncurrentExpiration !== undefined],
    ["NoncurrentVersionTransition", (rule) => rule.noncurrentTransitions.length > 0],
    ["AbortIncompleteMultipartUpload", (rule) => rule.abortAfterDays !== undefined],
  ];
  for (const [kind, takes] of kinds) {
    const prefixes = rules.filter(takes).map((rule) => rule.prefix ?? "");
    for (const [index, first] of prefixes.entries()) {
      const second = prefixes.slice(index + 1).find((other) => other.startsWith(first) || first.startsWith(other));
      if (second !== undefined) {
        const [shorter, longer] = first.length <= second.length ? [first, second] : [second, first];
        throw invalidRequest(`Found overlapping prefixes '${shorter}' and '${longer}' for same action type '${kind}'`);
      }
    }
  }
};

/** How S3 names a rule's objects in its messages: "(prefix=logs/)", predicates joined by " and ". */
export const describeFilter = (rule: Pick<GivenRule, "prefix" | "filter">): string => {
  if (rule.prefix !== undefined || !rule.filter) return `(prefix=${rule.prefix ?? ""})`;
  const { prefix, tags, sizeGreaterThan, sizeLessThan } = rule.filter;
  const parts = [
    ...(prefix !== undefined ? [`prefix=${prefix}`] : []),
    ...tags.map((tag) => `tag={key=${tag.Key}, value=${tag.Value}}`),
    ...(sizeGreaterThan !== undefined ? [`objectsizegreaterthan=${sizeGreaterThan}`] : []),
    ...(sizeLessThan !== undefined ? [`objectsizelessthan=${sizeLessThan}`] : []),
  ];
  return parts.length === 0 ? "(prefix=)" : `(${parts.join(" and ")})`;
};

/** x-amz-transition-default-minimum-object-size: which small objects are kept from transitions. */
export const MINIMUM_SIZES = new Set(["all_storage_classes_128K", "varies_by_storage_class"]);
export const DEFAULT_MINIMUM_SIZE = "all_storage_classes_128K";

export const checkMinimumSize = (value: string | undefined): string => {
  if (value === undefined) return DEFAULT_MINIMUM_SIZE;
  if (!MINIMUM_SIZES.has(value)) {
    throw invalidRequest("Invalid TransitionDefaultMinimumObjectSize found");
  }
  return value;
};
