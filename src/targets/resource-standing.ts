import type { CleanupJournal, JournalEntry } from "./journal";
import type { NamedResource } from "./planned-resources";
import { presenceOf } from "./resource-presence";
import { ourTagValue, TAG_KEY } from "./resource-tags";
import { describeFault } from "./sdk-faults";
import type { AwsClient, ServiceName } from "./target";

/**
 * Whether s3-tutor may change a bucket or role: only when it is there, in this account, listed
 * in the cleanup journal as s3-tutor's own creation, and still carrying the s3-tutor=<prefix>
 * tag written right after that creation. A name that merely starts with the prefix proves nothing.
 */
export type Standing =
  | { state: "absent" }
  | { state: "ours"; entry: JournalEntry; region?: string }
  /** In this account, but not provably s3-tutor's: it is left alone. */
  | { state: "notOurs"; why: string; region?: string }
  /** Another account's (a bucket name is taken). */
  | { state: "elsewhere" }
  /** Could not be told (a permission is missing): nothing may be changed. */
  | { state: "unknown"; why: string };

export interface StandingContext {
  account: string;
  endpoint: string | undefined;
  journal: CleanupJournal;
  client: (service: ServiceName, region: string) => Promise<AwsClient>;
  /** Where to ask first: GetBucketLocation and IAM answer from any region. */
  region: string;
  /**
   * Resources this process created (and tagged) itself: their tag is not read back, since AWS
   * may not show a new tag at once, and it was this very process that wrote it.
   */
  createdHere?: ReadonlySet<string>;
}

/** How createdHere names a resource. */
export const resourceKey = (resource: NamedResource): string => `${resource.kind}:${resource.name.toLowerCase()}`;

export const standingOf = async (resource: NamedResource, context: StandingContext): Promise<Standing> => {
  const service = resource.kind === "bucket" ? "s3" : "iam";
  const presence = await presenceOf(await context.client(service, context.region), resource, context.account);
  if (presence.state === "absent" || presence.state === "elsewhere") return presence;
  if (presence.state === "unknown") return { state: "unknown", why: presence.reason };
  const found = presence.region ? { region: presence.region } : {};
  const entry = await context.journal.find({ ...resource, account: context.account, endpoint: context.endpoint });
  if (!entry) return { state: "notOurs", why: "s3-tutor's cleanup journal does not list it, so s3-tutor did not create it", ...found };
  if (context.createdHere?.has(resourceKey(resource))) return { state: "ours", entry, ...found };
  let value: string | undefined;
  try {
    const region = presence.region ?? entry.region ?? context.region;
    value = await ourTagValue(await context.client(service, resource.kind === "bucket" ? region : context.region), resource, context.account);
  } catch (error) {
    const note = presence.note ? `${presence.note}; ` : "";
    return { state: "unknown", why: `${note}its tags could not be read to check it is s3-tutor's (${describeFault(error)})` };
  }
  if (value === entry.prefix) return { state: "ours", entry, ...found };
  return {
    state: "notOurs",
    why:
      value === undefined
        ? `it does not carry the tag ${TAG_KEY}=${entry.prefix} that s3-tutor put on what it created`
        : `its ${TAG_KEY} tag says "${value}", not "${entry.prefix}" as on what s3-tutor created`,
    ...found,
  };
};
