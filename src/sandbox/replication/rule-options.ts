import { ServiceError } from "../errors";
import { child, isElement, malformedXml, text, type XmlContent, type XmlNode } from "../http/xml";

/**
 * The optional parts of a replication rule beyond where it sends objects: which SSE-KMS objects
 * and replica changes it selects (SourceSelectionCriteria), the key that encrypts replicas
 * (Destination.EncryptionConfiguration), S3 Replication Time Control (Destination.ReplicationTime)
 * and replication metrics (Destination.Metrics), validated the way S3 refuses them.
 *
 * Sources: API_SourceSelectionCriteria.html, API_ReplicationTimeValue.html (15 is the one valid
 * value), API_Metrics.html, userguide/replication-config-for-kms-objects.html,
 * userguide/replication-time-control.html. The two KMS errors and "Metrics cannot contain an event
 * threshold ..." are S3's answers as users quote them in terraform-provider-aws, crossplane and
 * pulumi-aws issues; "ReplicationMetrics must contain an event threshold" is quoted in a user's
 * guide too. The texts for RTC without Metrics and for minutes other than 15 are only as another
 * S3 emulator reproduces them (not seen quoted from AWS itself): the refusals are certain, their
 * exact words less so.
 */

export type Toggle = "Enabled" | "Disabled";

export interface RuleOptions {
  /** SourceSelectionCriteria.SseKmsEncryptedObjects.Status: SSE-KMS objects replicate only when Enabled. */
  sseKmsEncryptedObjects?: Toggle;
  /** SourceSelectionCriteria.ReplicaModifications.Status: V2 only; changes made to replicas sync back. */
  replicaModifications?: Toggle;
  /** Destination.EncryptionConfiguration.ReplicaKmsKeyID: the destination-Region key for replicas. */
  replicaKmsKeyId?: string;
  /** Destination.ReplicationTime (S3 RTC); the only time S3 offers is 15 minutes. */
  replicationTime?: { status: Toggle; minutes: number };
  /** Destination.Metrics; the event threshold exists only with RTC Enabled, and is 15 minutes. */
  metrics?: { status: Toggle; eventThresholdMinutes?: number };
}

/** The one value S3 accepts for ReplicationTime.Time.Minutes and Metrics.EventThreshold.Minutes. */
export const RTC_MINUTES = 15;

const GUIDE = "Please refer to S3 Developer Guide for more information.";
const invalidRequest = (message: string) => new ServiceError("InvalidRequest", 400, message);
const invalidArgument = (message: string, name: string) => new ServiceError("InvalidArgument", 400, message, { ArgumentName: name });

const readToggle = (node: XmlNode | string | undefined): Toggle => {
  const status = isElement(node) ? text(child(node, "Status")) : undefined;
  if (status !== "Enabled" && status !== "Disabled") throw malformedXml();
  return status;
};

const readMinutes = (node: XmlNode | string | undefined): number | undefined => {
  const minutes = isElement(node) ? text(child(node, "Minutes")) : undefined;
  if (minutes === undefined) return undefined;
  const value = Number(minutes);
  if (!Number.isInteger(value)) throw malformedXml();
  return value;
};

const element = (parent: XmlNode, name: string): XmlNode | string | undefined => child(parent, name) as XmlNode | string | undefined;

const readSourceSelection = (rule: XmlNode, schema: "V1" | "V2"): Pick<RuleOptions, "sseKmsEncryptedObjects" | "replicaModifications"> => {
  const criteria = element(rule, "SourceSelectionCriteria");
  if (criteria === undefined) return {};
  if (!isElement(criteria)) return {};
  const kms = element(criteria, "SseKmsEncryptedObjects");
  const replicas = element(criteria, "ReplicaModifications");
  if (replicas !== undefined && schema === "V1") {
    // API_SourceSelectionCriteria.html: "In the earlier version, this element is not allowed".
    throw invalidRequest(`ReplicaModifications cannot be used for this version of Cross Region Replication configuration schema. ${GUIDE}`);
  }
  return {
    ...(kms !== undefined ? { sseKmsEncryptedObjects: readToggle(kms) } : {}),
    ...(replicas !== undefined ? { replicaModifications: readToggle(replicas) } : {}),
  };
};

const readEncryption = (destination: XmlNode, kmsSelected: boolean): Pick<RuleOptions, "replicaKmsKeyId"> => {
  const encryption = element(destination, "EncryptionConfiguration");
  if (encryption !== undefined && !kmsSelected) {
    throw invalidRequest("SseKmsEncryptedObjects must be specified if EncryptionConfiguration is present.");
  }
  const key = isElement(encryption) ? text(child(encryption, "ReplicaKmsKeyID")) : undefined;
  // S3 asks for the key whenever the selector is there, even with Status Disabled.
  if (kmsSelected && !key) throw invalidRequest("ReplicaKmsKeyID must be specified if SseKmsEncryptedObjects tag is present.");
  return key ? { replicaKmsKeyId: key } : {};
};

const readTiming = (destination: XmlNode, schema: "V1" | "V2"): Pick<RuleOptions, "replicationTime" | "metrics"> => {
  const rtcNode = element(destination, "ReplicationTime");
  const metricsNode = element(destination, "Metrics");
  if (schema === "V1" && (rtcNode !== undefined || metricsNode !== undefined)) {
    // userguide/replication-time-control.html: RTC configurations are written in XML V2.
    throw invalidRequest(`${rtcNode !== undefined ? "ReplicationTime" : "Metrics"} cannot be used for this version of Cross Region Replication configuration schema. ${GUIDE}`);
  }
  const metrics = metricsNode === undefined ? undefined : { status: readToggle(metricsNode), threshold: readMinutes(isElement(metricsNode) ? element(metricsNode, "EventThreshold") : undefined) };
  const hasThreshold = isElement(metricsNode) && child(metricsNode, "EventThreshold") !== undefined;
  let replicationTime: RuleOptions["replicationTime"];
  if (rtcNode !== undefined) {
    const status = readToggle(rtcNode);
    const time = isElement(rtcNode) ? element(rtcNode, "Time") : undefined;
    if (time === undefined) throw malformedXml();
    // RTC comes with metrics (replication-time-control.html): the two are given together.
    if (metrics === undefined) throw invalidRequest("Replication destination must contain both ReplicationTime and Metrics or neither.");
    if (readMinutes(time) !== RTC_MINUTES) throw invalidArgument("Invalid time minute value", "ReplicationTime");
    replicationTime = { status, minutes: RTC_MINUTES };
  }
  if (replicationTime?.status === "Enabled") {
    if (!hasThreshold) throw invalidArgument("ReplicationMetrics must contain an event threshold", "ReplicationMetrics");
    if (metrics?.threshold !== RTC_MINUTES) throw invalidArgument("Invalid event threshold minute value", "ReplicationMetrics");
  } else if (hasThreshold) {
    throw invalidArgument("Metrics cannot contain an event threshold when ReplicationTime is not specified or Disabled", "Metrics");
  }
  return {
    ...(replicationTime ? { replicationTime } : {}),
    ...(metrics ? { metrics: { status: metrics.status, ...(hasThreshold ? { eventThresholdMinutes: metrics.threshold } : {}) } } : {}),
  };
};

/** Reads and validates a rule's options; `destination` is its Destination element. */
export const readRuleOptions = (rule: XmlNode, destination: XmlNode, schema: "V1" | "V2"): RuleOptions => {
  const selection = readSourceSelection(rule, schema);
  return {
    ...selection,
    ...readEncryption(destination, selection.sseKmsEncryptedObjects !== undefined),
    ...readTiming(destination, schema),
  };
};

const statusXml = (status: Toggle | undefined) => (status ? { Status: status } : undefined);

/** The rule's SourceSelectionCriteria as GetBucketReplication answers it, if it has one. */
export const sourceSelectionXml = (options: RuleOptions): XmlContent | undefined =>
  options.sseKmsEncryptedObjects || options.replicaModifications
    ? { SseKmsEncryptedObjects: statusXml(options.sseKmsEncryptedObjects), ReplicaModifications: statusXml(options.replicaModifications) }
    : undefined;

/** The Destination elements beyond Bucket, Account and StorageClass. */
export const destinationOptionsXml = (options: RuleOptions): Record<string, XmlContent | undefined> => ({
  EncryptionConfiguration: options.replicaKmsKeyId ? { ReplicaKmsKeyID: options.replicaKmsKeyId } : undefined,
  ReplicationTime: options.replicationTime
    ? { Status: options.replicationTime.status, Time: { Minutes: options.replicationTime.minutes } }
    : undefined,
  Metrics: options.metrics
    ? {
        Status: options.metrics.status,
        EventThreshold: options.metrics.eventThresholdMinutes === undefined ? undefined : { Minutes: options.metrics.eventThresholdMinutes },
      }
    : undefined,
});
