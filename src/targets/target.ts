import type { Capability } from "../content/schema/lesson";
import type { ReadWorldOptions } from "./world/read-world-options";
import type { WorldSnapshot } from "./world/world-snapshot";

/**
 * Where hands-on steps run. The runner only sees this interface, so a step behaves the same
 * against the embedded sandbox, LocalStack and a real AWS account.
 */

export type TargetName = "sandbox" | "localstack" | "aws";
export const TARGET_NAMES: readonly TargetName[] = ["sandbox", "localstack", "aws"];

export type ServiceName = "s3" | "iam" | "sts" | "s3control";

/** The learner is "default"; "other" is a second account where the target has one. */
export const DEFAULT_IDENTITY = "default";
export const OTHER_IDENTITY = "other";

/** Any AWS SDK v3 client: what the runner needs to send a command. */
export interface AwsClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}

/** A call about to be made, as the safety guard sees it. */
export interface PlannedCall {
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
  identity: string;
  region: string;
  /** The action expects this call to fail (e.g. BucketAlreadyExists), so it may name foreign resources. */
  expectsError: boolean;
  /** The S3 client follows a 301 to the bucket's region (the SDK's followRegionRedirects). */
  followRegionRedirects?: boolean;
}

/** How a client differs from the plain one for its service, identity and region. */
export interface ClientVariant {
  followRegionRedirects?: boolean;
}

export interface CallOutcome {
  ok: boolean;
}

export interface Target {
  readonly name: TargetName;
  readonly capabilities: ReadonlySet<Capability>;
  /** The lesson's home region and a second one for cross-region steps. */
  readonly region: string;
  readonly otherRegion: string;
  /** Every resource a lesson creates starts with this (e.g. "s3t-k3j9"). */
  readonly prefix: string;
  /** The endpoint URL to show in code views; undefined for real AWS. */
  readonly endpoint: string | undefined;
  /** Identities this target can act as ("default", and "other" with secondAccount). */
  readonly identities: readonly string[];
  /**
   * Optional: the longest a step that waits (`eventually`) lets pass between tries, in ms, below
   * the lesson's pacing (a first retry after 250 ms, doubling up to its `every`). A sandbox on this
   * machine answers in a millisecond, so asking often costs nothing and a wait ends soon after its change.
   */
  readonly pollEveryMs?: number;

  /**
   * Makes the target ready and proves it answers (starts the sandbox, reaches LocalStack, finds
   * credentials and reads the account with STS); throws TargetError with the fix otherwise.
   */
  preflight(): Promise<void>;
  /** The 12-digit account of an identity, read with STS GetCallerIdentity. */
  account(identity: string): Promise<string>;
  /** An SDK client for the service, signing as the identity for the region; the SDK loads on first use. */
  client(service: ServiceName, identity: string, region: string, variant?: ClientVariant): Promise<AwsClient>;
  /** Environment lines for the AWS CLI code view of a call as this identity (never a secret of a real account). */
  cliEnvironment(identity: string): Record<string, string>;
  /**
   * Optional: the runner passes every call a lesson (or step) is about to make, so a real
   * account's confirmation lists everything that will be created in one question. Without it,
   * the first write asks about itself alone. Throws TargetError if refused or declined.
   */
  confirmWrites?(calls: readonly PlannedCall[]): Promise<void>;
  /**
   * Refuses unsafe calls and journals resources before they are created (real accounts only).
   * Pass the same PlannedCall object to afterCall, and call afterCall whether the call worked or not.
   */
  beforeCall(call: PlannedCall): Promise<void>;
  /** Lets the guard remove what an action that expected an error created anyway. */
  afterCall(call: PlannedCall, outcome: CallOutcome): Promise<void>;
  /**
   * Real accounts: the buckets and roles this process created itself ("bucket:name"), which
   * cleanup may remove without reading back a tag AWS may not show yet.
   */
  createdHere?(): ReadonlySet<string>;
  /**
   * Optional: the world read straight from a sandbox running in this process (no API calls, no
   * caps); undefined when the sandbox runs elsewhere. readWorld (world/read-world.ts) falls back
   * to the API.
   */
  world?(options?: ReadWorldOptions): Promise<WorldSnapshot | undefined>;
  close(): Promise<void>;
}

/** A failure the learner can fix (endpoint down, no credentials, ...), said plainly with the fix. */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "TargetError";
  }
}
