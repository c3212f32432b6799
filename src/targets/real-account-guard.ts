import { removeBucket, bucketRegion } from "./bucket-removal";
import type { CleanupJournal, JournalEntry } from "./journal";
import { createdResource, deletedResource, describeWrite, isMutating, type NamedResource } from "./planned-resources";
import { refuseOutsidePrefix } from "./prefix-guard";
import { tagCreated } from "./resource-tags";
import { removeRole, roleExists } from "./role-removal";
import { describeFault, faultOf } from "./sdk-faults";
import { TargetError, type AwsClient, type CallOutcome, type PlannedCall, type ServiceName } from "./target";
import { WriteConfirmation } from "./write-confirmation";

export interface RealAccountGuardOptions {
  prefix: string;
  /** Recorded in journal entries when the target points somewhere other than AWS (tests). */
  endpoint: string | undefined;
  journal: CleanupJournal;
  account: () => Promise<string>;
  client: (service: ServiceName, region: string) => Promise<AwsClient>;
  confirmation: WriteConfirmation;
  notice: (message: string) => void;
}

/**
 * The aws target's safety around every call: refuse writes outside the prefix, ask before the
 * first write, journal what is about to be created, tag it once it exists, and undo a creation
 * that was expected to fail but did not.
 */
export class RealAccountGuard {
  /** Entries a call added to the journal, so a failed create can take its own entry back. */
  private readonly journaledBy = new WeakMap<PlannedCall, JournalEntry>();

  constructor(private readonly options: RealAccountGuardOptions) {}

  /**
   * Asks once, listing every write of the calls a lesson is about to make. Calls the guard will
   * refuse are left out here: they are refused, with the reason, when their turn comes.
   */
  async confirmWrites(calls: readonly PlannedCall[]): Promise<void> {
    const allowed = calls.filter((call) => isMutating(call) && this.wouldAllow(call));
    await this.options.confirmation.ensure(allowed.map(describeWrite));
  }

  private wouldAllow(call: PlannedCall): boolean {
    try {
      refuseOutsidePrefix(call, this.options.prefix);
      return true;
    } catch {
      return false;
    }
  }

  async beforeCall(call: PlannedCall): Promise<void> {
    if (!isMutating(call)) return;
    refuseOutsidePrefix(call, this.options.prefix);
    await this.options.confirmation.ensure([describeWrite(call)]);
    const created = createdResource(call);
    if (!created) return;
    if (!this.inPrefix(created)) {
      await this.refuseIfAlreadyOurs(created, call);
      return;
    }
    const entry = await this.entryFor(created, call.region);
    if (await this.options.journal.add(entry)) this.journaledBy.set(call, entry);
  }

  async afterCall(call: PlannedCall, outcome: CallOutcome): Promise<void> {
    if (!isMutating(call)) return;
    const journaled = this.journaledBy.get(call);
    this.journaledBy.delete(call);
    const created = createdResource(call);
    if (created && outcome.ok) {
      if (this.inPrefix(created)) await this.tag(created, call);
      else await this.undo(created, call);
    } else if (journaled && !outcome.ok) {
      await this.forgetUnlessOurs(journaled, call.region);
    }
    const deleted = deletedResource(call);
    if (deleted && outcome.ok) await this.options.journal.remove(await this.entryFor(deleted, call.region));
  }

  private inPrefix(resource: NamedResource): boolean {
    return resource.name.startsWith(this.options.prefix);
  }

  private async entryFor(resource: NamedResource, region: string): Promise<JournalEntry> {
    return {
      kind: resource.kind,
      name: resource.name,
      account: await this.options.account(),
      ...(resource.kind === "bucket" ? { region } : {}),
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      prefix: this.options.prefix,
      journaledAt: new Date().toISOString(),
    };
  }

  /**
   * An expected-to-fail CreateBucket outside the prefix is undone if it succeeds, so it must not
   * name a bucket the learner already owns: in us-east-1, CreateBucket on your own bucket
   * answers 200 (and resets its ACL), and undoing that would delete their bucket. (CreateRole
   * never succeeds on an existing role.)
   */
  private async refuseIfAlreadyOurs(resource: NamedResource, call: PlannedCall): Promise<void> {
    if (resource.kind !== "bucket") return;
    const account = await this.options.account();
    let home: string | undefined;
    try {
      home = await bucketRegion(await this.options.client("s3", call.region), resource.name, account);
    } catch (error) {
      const fault = faultOf(error);
      // Another account's name (403), or a name S3 refuses outright: not ours, and the create will fail.
      if (fault.status === 403 || fault.code === "InvalidBucketName") return;
      throw new TargetError(
        `Refused s3:CreateBucket on bucket "${resource.name}": could not check that it is not already yours (${describeFault(error)}).`,
        `Use a name starting with "${this.options.prefix}", or --target sandbox.`,
      );
    }
    if (home === undefined) return;
    throw new TargetError(
      `Refused s3:CreateBucket on bucket "${resource.name}": that bucket already exists in your account ${account} (${home}), and s3-tutor does not touch what it did not create.`,
      `Use a name starting with "${this.options.prefix}", or --target sandbox.`,
    );
  }

  /** A missing tag is worth a notice, not a failed step: the journal still lists the resource. */
  private async tag(resource: NamedResource, call: PlannedCall): Promise<void> {
    try {
      const client = await this.options.client(resource.kind === "bucket" ? "s3" : "iam", call.region);
      await tagCreated(client, resource, call.input, this.options.prefix);
    } catch (error) {
      this.options.notice(
        `Could not tag ${resource.kind} ${resource.name} (${describeFault(error)}); it is in the cleanup journal, so s3-tutor cleanup still removes it.`,
      );
    }
  }

  /** A create outside the prefix was expected to fail and did not: journal it, then remove it. */
  private async undo(resource: NamedResource, call: PlannedCall): Promise<void> {
    const entry = await this.entryFor(resource, call.region);
    await this.options.journal.add(entry);
    const operation = `${call.service}:${call.operation}`;
    try {
      if (resource.kind === "bucket") await removeBucket(await this.options.client("s3", call.region), resource.name, entry.account);
      else await removeRole(await this.options.client("iam", call.region), resource.name);
    } catch (error) {
      throw new TargetError(
        `${operation} was expected to fail but created ${resource.kind} ${resource.name}, and removing it failed: ${describeFault(error)}.`,
        "It is in the cleanup journal: run s3-tutor cleanup --target aws to remove it.",
      );
    }
    await this.options.journal.remove(entry);
    this.options.notice(`${operation} was expected to fail but created ${resource.kind} ${resource.name}; s3-tutor removed it again.`);
  }

  /**
   * A create that failed may still name something of ours (BucketAlreadyOwnedByYou); if the
   * resource is missing or another account's (BucketAlreadyExists), the entry goes.
   */
  private async forgetUnlessOurs(entry: JournalEntry, region: string): Promise<void> {
    try {
      if (entry.kind === "role") {
        if (!(await roleExists(await this.options.client("iam", region), entry.name))) await this.options.journal.remove(entry);
        return;
      }
      const home = await bucketRegion(await this.options.client("s3", region), entry.name, entry.account);
      if (home === undefined) await this.options.journal.remove(entry);
      else if (home !== entry.region) await this.options.journal.update({ ...entry, region: home });
    } catch (error) {
      // A bucket name that another account owns answers 403: not ours to clean up. Anything
      // else keeps the entry, and cleanup will say what it finds.
      if (entry.kind === "bucket" && faultOf(error).status === 403) await this.options.journal.remove(entry);
    }
  }
}
